package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpanContextTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @Test
  void fromHex_parsesLowercaseIdsIntoPrimitives() {
    SpanContext context = SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.SAMPLED, TraceState.empty(), false);

    assertThat(context.isValid()).isTrue();
    assertThat(context.traceIdHigh()).isEqualTo(0x4bf92f3577b34da6L);
    assertThat(context.traceIdLow()).isEqualTo(0xa3ce929d0e0e4736L);
    assertThat(context.spanId()).isEqualTo(0x00f067aa0ba902b7L);
    assertThat(context.traceFlags()).isEqualTo(TraceFlags.SAMPLED);
    assertThat(context.traceIdHex()).isEqualTo(TRACE_ID);
    assertThat(context.spanIdHex()).isEqualTo(SPAN_ID);
  }

  @Test
  void fromHex_keepsFlagsTraceStateAndRemoteness() {
    TraceState state = TraceState.empty().with("rojo", "00f067aa0ba902b7");

    SpanContext context = SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.NONE, state, true);

    assertThat(context.isRemote()).isTrue();
    assertThat(context.isSampled()).isFalse();
    assertThat(context.traceState()).isSameAs(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "4BF92F3577B34DA6A3CE929D0E0E4736", // uppercase
      "4bf92f3577b34da6a3ce929d0e0e473", // 31 digits
      "4bf92f3577b34da6a3ce929d0e0e47360", // 33 digits
      "4bf92f3577b34da6a3ce929d0e0e473g", // not hex
      "4bf92f3577b34da6-3ce929d0e0e4736", // separator
      "00000000000000000000000000000000", // all zero
      ""
  })
  void fromHex_withMalformedTraceId_isInvalid(String traceId) {
    SpanContext context = SpanContext.fromHex(traceId, SPAN_ID, TraceFlags.SAMPLED, null, true);

    assertThat(context).isSameAs(SpanContext.invalid());
    assertThat(context.isValid()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "00F067AA0BA902B7", // uppercase
      "00f067aa0ba902b", // 15 digits
      "00f067aa0ba902b70", // 17 digits
      "00f067aa0ba902bz", // not hex
      "0000000000000000", // all zero
      " 0f067aa0ba902b7"
  })
  void fromHex_withMalformedSpanId_isInvalid(String spanId) {
    assertThat(SpanContext.fromHex(TRACE_ID, spanId, TraceFlags.SAMPLED, null, false))
        .isSameAs(SpanContext.invalid());
  }

  @ParameterizedTest
  @NullSource
  void fromHex_withNullIds_isInvalid(String nothing) {
    assertThat(SpanContext.fromHex(nothing, SPAN_ID, TraceFlags.NONE, null, false)).isSameAs(SpanContext.invalid());
    assertThat(SpanContext.fromHex(TRACE_ID, nothing, TraceFlags.NONE, null, false)).isSameAs(SpanContext.invalid());
  }

  @Test
  void fromHex_withOnlyTheHighHalfOfTheTraceIdZero_isValid() {
    SpanContext context = SpanContext.fromHex(
        "0000000000000000" + "0000000000000001", "0000000000000001", TraceFlags.NONE, null, false);

    assertThat(context.isValid()).isTrue();
    assertThat(context.traceIdHigh()).isZero();
    assertThat(context.traceIdLow()).isEqualTo(1L);
  }

  @Test
  void hex_keepsLeadingZeros() {
    SpanContext context = SpanContext.create(0L, 1L, 1L, TraceFlags.NONE, null);

    assertThat(context.traceIdHex()).isEqualTo("00000000000000000000000000000001");
    assertThat(context.spanIdHex()).isEqualTo("0000000000000001");
  }

  @Test
  void hex_ofNegativeLongs_isLowercaseAndUnsigned() {
    SpanContext context = SpanContext.create(-1L, Long.MIN_VALUE, 0xABCDEF0123456789L, TraceFlags.NONE, null);

    assertThat(context.traceIdHex()).isEqualTo("ffffffffffffffff8000000000000000");
    assertThat(context.spanIdHex()).isEqualTo("abcdef0123456789");
  }

  @Test
  void hex_isMadeOnceAndCached() {
    SpanContext context = SpanContext.create(1L, 2L, 3L, TraceFlags.NONE, null);

    assertThat(context.traceIdHex()).isSameAs(context.traceIdHex());
    assertThat(context.spanIdHex()).isSameAs(context.spanIdHex());
  }

  @Test
  void hex_roundTripsThroughFromHex_forRandomIds() {
    Random random = new Random(0x5eedL); // fixed seed: failures reproduce
    for (int i = 0; i < 10_000; i++) {
      long high = random.nextLong();
      long low = i % 10 == 0 ? random.nextInt(16) : random.nextLong(); // small values exercise leading zeros
      long span = random.nextLong() | 1L; // never zero
      if ((high | low) == 0) {
        continue;
      }
      SpanContext original = SpanContext.create(high, low, span, TraceFlags.SAMPLED, null);

      SpanContext parsed = SpanContext.fromHex(
          original.traceIdHex(), original.spanIdHex(), TraceFlags.SAMPLED, null, false);

      assertThat(parsed).isEqualTo(original);
      assertThat(original.traceIdHex()).matches("[0-9a-f]{32}");
      assertThat(original.spanIdHex()).matches("[0-9a-f]{16}");
      assertThat(parsed.traceIdHex()).isEqualTo(original.traceIdHex());
      assertThat(parsed.spanIdHex()).isEqualTo(original.spanIdHex());
    }
  }

  @Test
  void isValid_requiresANonZeroTraceIdAndANonZeroSpanId() {
    assertThat(SpanContext.create(0, 0, 1, TraceFlags.NONE, null).isValid()).isFalse();
    assertThat(SpanContext.create(0, 1, 0, TraceFlags.NONE, null).isValid()).isFalse();
    assertThat(SpanContext.create(1, 0, 1, TraceFlags.NONE, null).isValid()).isTrue();
    assertThat(SpanContext.create(0, 1, 1, TraceFlags.NONE, null).isValid()).isTrue();
    assertThat(SpanContext.createFromRemoteParent(0, 0, 0, TraceFlags.SAMPLED, null).isValid()).isFalse();
  }

  @Test
  void invalidContext_hasZeroIdsNoFlagsAndIsNotRemote() {
    SpanContext invalid = SpanContext.invalid();

    assertThat(invalid.isValid()).isFalse();
    assertThat(invalid.isSampled()).isFalse();
    assertThat(invalid.isRemote()).isFalse();
    assertThat(invalid.traceIdHex()).isEqualTo("00000000000000000000000000000000");
    assertThat(invalid.spanIdHex()).isEqualTo("0000000000000000");
    assertThat(invalid.traceState()).isSameAs(TraceState.empty());
  }

  @Test
  void isSampled_followsTheSampledBitOnly() {
    assertThat(SpanContext.create(1, 1, 1, TraceFlags.SAMPLED, null).isSampled()).isTrue();
    assertThat(SpanContext.create(1, 1, 1, (byte) (TraceFlags.SAMPLED | TraceFlags.RANDOM), null).isSampled()).isTrue();
    assertThat(SpanContext.create(1, 1, 1, TraceFlags.RANDOM, null).isSampled()).isFalse();
    assertThat(SpanContext.create(1, 1, 1, TraceFlags.NONE, null).isSampled()).isFalse();
  }

  @Test
  void isRemote_isTrueOnlyForContextsFromAnotherProcess() {
    assertThat(SpanContext.create(1, 1, 1, TraceFlags.NONE, null).isRemote()).isFalse();
    assertThat(SpanContext.createFromRemoteParent(1, 1, 1, TraceFlags.NONE, null).isRemote()).isTrue();
    assertThat(SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.NONE, null, true).isRemote()).isTrue();
    assertThat(SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.NONE, null, false).isRemote()).isFalse();
  }

  @Test
  void nullTraceState_becomesTheEmptyState() {
    assertThat(SpanContext.create(1, 1, 1, TraceFlags.NONE, null).traceState()).isSameAs(TraceState.empty());
    assertThat(SpanContext.createFromRemoteParent(1, 1, 1, TraceFlags.NONE, null).traceState())
        .isSameAs(TraceState.empty());
  }

  @Test
  void contextsWithTheSameFields_areEqualWithEqualHashCodes() {
    TraceState state = TraceState.empty().with("a", "1");
    SpanContext a = SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, state);
    SpanContext b = SpanContext.fromHex(
        "0000000000000001" + "0000000000000002", "0000000000000003", TraceFlags.SAMPLED,
        TraceState.empty().with("a", "1"), false);

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }

  @Test
  void contextsDifferingInAnyField_areNotEqual() {
    SpanContext base = SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, null);

    assertThat(base).isNotEqualTo(SpanContext.create(9, 2, 3, TraceFlags.SAMPLED, null));
    assertThat(base).isNotEqualTo(SpanContext.create(1, 9, 3, TraceFlags.SAMPLED, null));
    assertThat(base).isNotEqualTo(SpanContext.create(1, 2, 9, TraceFlags.SAMPLED, null));
    assertThat(base).isNotEqualTo(SpanContext.create(1, 2, 3, TraceFlags.NONE, null));
    assertThat(base).isNotEqualTo(SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.SAMPLED, null));
    assertThat(base).isNotEqualTo(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty().with("a", "1")));
    assertThat(base).isNotEqualTo("00000000000000010000000000000002");
  }

  @Test
  void toString_showsHexIdsFlagsAndRemoteness() {
    SpanContext remote = SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.SAMPLED, null, true);
    SpanContext local = SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.NONE, null, false);

    assertThat(remote.toString())
        .isEqualTo("SpanContext{traceId=" + TRACE_ID + ", spanId=" + SPAN_ID + ", flags=01, remote}");
    assertThat(local.toString())
        .isEqualTo("SpanContext{traceId=" + TRACE_ID + ", spanId=" + SPAN_ID + ", flags=00}");
  }
}
