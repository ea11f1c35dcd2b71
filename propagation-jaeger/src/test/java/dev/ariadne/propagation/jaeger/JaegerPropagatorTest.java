package dev.ariadne.propagation.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ariadne.api.Context;
import dev.ariadne.api.ContextKey;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JaegerPropagatorTest {
  private static final JaegerPropagator JAEGER = JaegerPropagator.create();
  private static final ContextKey<String> MARKER = ContextKey.named("marker");

  static Context extract(String header) {
    Map<String, String> carrier = new HashMap<>();
    carrier.put("uber-trace-id", header);
    return JAEGER.extract(Context.root(), carrier, TextMapGetter.forMap());
  }

  static Map<String, String> inject(Context context) {
    Map<String, String> carrier = new HashMap<>();
    JAEGER.inject(context, carrier, TextMapSetter.forMap());
    return carrier;
  }

  static Context withSpan(long high, long low, long spanId, byte flags) {
    return Context.root().with(Span.wrap(SpanContext.create(high, low, spanId, flags, TraceState.empty())));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // header                                                        | high             | low              | span             | sampled | debug
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1            | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "a3ce929d0e0e4736:00f067aa0ba902b7:0:1                            | 0                | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "a3ce929d0e0e4736:00f067aa0ba902b7:0:0                            | 0                | a3ce929d0e0e4736 | 00f067aa0ba902b7 | false | false",
      "abc:def:0:1                                                      | 0                | abc              | def              | true  | false",
      "1:1:0:0                                                          | 0                | 1                | 1                | false | false",
      "1a3ce929d0e0e4736:00f067aa0ba902b7:0:1                           | 1                | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "0000000000000000a3ce929d0e0e4736:00f067aa0ba902b7:0:1            | 0                | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:5b4185666d50f68b:1 | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true | false",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:01           | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:3            | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:2            | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:ff           | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:8            | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:9            | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736%3A00f067aa0ba902b7%3A0%3A1      | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736%3a00f067aa0ba902b7%3a0%3a1      | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736%3A00f067aa0ba902b7:0%3A1        | 4bf92f3577b34da6 | a3ce929d0e0e4736 | 00f067aa0ba902b7 | true  | false",
      "ffffffffffffffffffffffffffffffff:ffffffffffffffff:ffffffffffffffff:1 | ffffffffffffffff | ffffffffffffffff | ffffffffffffffff | true | false",
  })
  void validHeader_extractsRemoteSpanContext(
      String header, String high, String low, String span, boolean sampled, boolean debug) {
    Context context = extract(header);

    SpanContext remote = Span.fromContext(context).spanContext();
    assertThat(remote.isValid()).isTrue();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.traceIdHigh()).isEqualTo(Long.parseUnsignedLong(high, 16));
    assertThat(remote.traceIdLow()).isEqualTo(Long.parseUnsignedLong(low, 16));
    assertThat(remote.spanId()).isEqualTo(Long.parseUnsignedLong(span, 16));
    assertThat(remote.isSampled()).isEqualTo(sampled);
    assertThat(remote.traceFlags()).isEqualTo(sampled ? TraceFlags.SAMPLED : TraceFlags.NONE);
    assertThat(remote.traceState().isEmpty()).isTrue();
    assertThat(JaegerPropagator.isDebug(context, remote)).isEqualTo(debug);
  }

  @Test
  void surroundingSpacesAndTabs_areIgnored() {
    SpanContext remote = Span.fromContext(extract(" \tabc:def:0:1\t ")).spanContext();

    assertThat(remote.traceIdLow()).isEqualTo(0xabcL);
    assertThat(remote.spanId()).isEqualTo(0xdefL);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      " ",
      "0:00f067aa0ba902b7:0:1", // zero trace id
      "00000000000000000000000000000000:00f067aa0ba902b7:0:1", // all-zero 128-bit trace id
      "4bf92f3577b34da6a3ce929d0e0e4736:0:0:1", // zero span id
      "4bf92f3577b34da6a3ce929d0e0e4736:0000000000000000:0:1", // all-zero span id
      "04bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1", // 33-digit trace id
      "4bf92f3577b34da6a3ce929d0e0e4736:000f067aa0ba902b7:0:1", // 17-digit span id
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:05b4185666d50f68b:1", // 17-digit parent
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:001", // 3-digit flags
      "4BF92F3577B34DA6A3CE929D0E0E4736:00f067aa0ba902b7:0:1", // uppercase trace id
      "4bf92f3577b34da6a3ce929d0e0e4736:00F067AA0BA902B7:0:1", // uppercase span id
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:A", // uppercase flags
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0", // missing flags
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:", // empty flags
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7::1", // empty parent
      "4bf92f3577b34da6a3ce929d0e0e4736::0:1", // empty span id
      ":00f067aa0ba902b7:0:1", // empty trace id
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7", // two parts
      "4bf92f3577b34da6a3ce929d0e0e4736", // one part
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1:1", // five parts
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1:", // trailing separator
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0-1", // wrong separator
      "4bf92f3577b34da6a3ce929d0e0e4736%3B00f067aa0ba902b7%3A0%3A1", // other escape
      "4bf92f3577b34da6a3ce929d0e0e4736%3", // truncated escape
      "4bf92f3577b34da6a3ce929d0e0e4736%3A00f067aa0ba902b7%3A0%3A", // escape with no flags
      "4bf92f3577b34da6a3ce929d0e0e4736%253A00f067aa0ba902b7%253A0%253A1", // double-encoded
      "0x4bf92f3577b34da6:00f067aa0ba902b7:0:1", // 0x prefix
      "-4bf92f3577b34da6:00f067aa0ba902b7:0:1", // sign
      "4bf92f3577b34da6 :00f067aa0ba902b7:0:1", // inner space
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1,4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1", // joined
      "４bf92f3577b34da6:00f067aa0ba902b7:0:1", // full-width digit
      "4bf92f3577b34da6:00f067aa0ba902b7:0:1\u0000", // NUL
      "4bf92f3577b34da6:00f067aa0ba902b7:0:1\r\nx-injected: 1", // header injection attempt
  })
  void malformedHeader_leavesContextUnchanged(String header) {
    Context before = Context.root().with(MARKER, "kept");

    Map<String, String> carrier = new HashMap<>();
    carrier.put("uber-trace-id", header);
    Context after = JAEGER.extract(before, carrier, TextMapGetter.forMap());

    assertThat(after).isSameAs(before);
  }

  @Test
  void malformedHeader_keepsTheSpanTheContextAlreadyHad() {
    Context before = withSpan(0, 7, 9, TraceFlags.SAMPLED);

    Context after = JAEGER.extract(before, Map.of("uber-trace-id", "0:1:0:1"), TextMapGetter.forMap());

    assertThat(Span.fromContext(after).spanContext().traceIdLow()).isEqualTo(7);
  }

  @Test
  void validHeader_replacesTheSpanTheContextAlreadyHad() {
    Context before = withSpan(0, 7, 9, TraceFlags.SAMPLED);

    Context after = JAEGER.extract(before, Map.of("uber-trace-id", "abc:def:0:0"), TextMapGetter.forMap());

    assertThat(Span.fromContext(after).spanContext().traceIdLow()).isEqualTo(0xabcL);
    assertThat(Span.fromContext(after).spanContext().isSampled()).isFalse();
  }

  @Test
  void hugeHeader_isRejectedWithoutThrowing() {
    char[] digits = new char[5_000_000];
    Arrays.fill(digits, 'a');
    String huge = new String(digits) + ":1:0:1";

    assertThat(extract(huge)).isSameAs(Context.root());
  }

  @Test
  void inject_writes32DigitTraceIdWhenHighHalfIsSet() {
    Map<String, String> carrier = inject(withSpan(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0xf067aa0ba902b7L, TraceFlags.SAMPLED));

    assertThat(carrier).containsExactly(Map.entry("uber-trace-id", "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1"));
  }

  @Test
  void inject_writes16DigitTraceIdWhenHighHalfIsZero() {
    Map<String, String> carrier = inject(withSpan(0, 0xabcL, 0xdefL, TraceFlags.NONE));

    assertThat(carrier).containsExactly(Map.entry("uber-trace-id", "0000000000000abc:0000000000000def:0:0"));
  }

  @Test
  void inject_ignoresW3cFlagBitsOtherThanSampled() {
    Map<String, String> carrier = inject(withSpan(1, 2, 3, (byte) (TraceFlags.SAMPLED | TraceFlags.RANDOM)));

    assertThat(carrier.get("uber-trace-id")).endsWith(":0:1");
  }

  @Test
  void inject_writesNothingForAnInvalidSpan() {
    assertThat(inject(Context.root())).isEmpty();
    assertThat(inject(withSpan(0, 0, 5, TraceFlags.SAMPLED))).isEmpty();
  }

  @Test
  void debugTrace_isInjectedAgainWithFlagsThree() {
    Context extracted = extract("abc:def:0:2");

    assertThat(inject(extracted)).containsEntry("uber-trace-id", "0000000000000abc:0000000000000def:0:3");
  }

  @Test
  void debugTrace_stillHoldsForAChildSpanOfTheSameTrace() {
    Context extracted = extract("abc:def:0:3");
    Context child = extracted.with(Span.wrap(SpanContext.create(0, 0xabc, 0x123, TraceFlags.SAMPLED, TraceState.empty())));

    assertThat(inject(child)).containsEntry("uber-trace-id", "0000000000000abc:0000000000000123:0:3");
  }

  @Test
  void debugMarker_doesNotLeakIntoAnotherTrace() {
    Context extracted = extract("abc:def:0:3");
    Context otherTrace = extracted.with(Span.wrap(SpanContext.create(0, 0x999, 0x123, TraceFlags.SAMPLED, TraceState.empty())));

    assertThat(inject(otherTrace)).containsEntry("uber-trace-id", "0000000000000999:0000000000000123:0:1");
  }

  @Test
  void debugMarker_isClearedByALaterNonDebugHeaderOfTheSameTrace() {
    Context debug = extract("abc:def:0:3");

    Context again = JAEGER.extract(debug, Map.of("uber-trace-id", "abc:123:0:1"), TextMapGetter.forMap());

    assertThat(JaegerPropagator.isDebug(again, Span.fromContext(again).spanContext())).isFalse();
    assertThat(inject(again)).containsEntry("uber-trace-id", "0000000000000abc:0000000000000123:0:1");
  }

  @Test
  void unsampledChildOfDebugTrace_isInjectedAsUnsampled() {
    Context extracted = extract("abc:def:0:3");
    Context child = extracted.with(Span.wrap(SpanContext.create(0, 0xabc, 0x123, TraceFlags.NONE, TraceState.empty())));

    assertThat(inject(child)).containsEntry("uber-trace-id", "0000000000000abc:0000000000000123:0:0");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:1",
      "a3ce929d0e0e4736:00f067aa0ba902b7:0:0",
      "1:2:3:3",
      "0001:0002:0:2",
      "4bf92f3577b34da6a3ce929d0e0e4736%3A00f067aa0ba902b7%3A0%3A1",
  })
  void injectOfExtracted_extractsToTheSameContext(String header) {
    Context first = extract(header);

    Context second = extract(inject(first).get("uber-trace-id"));

    assertThat(Span.fromContext(second).spanContext()).isEqualTo(Span.fromContext(first).spanContext());
    assertThat(JaegerPropagator.isDebug(second, Span.fromContext(second).spanContext()))
        .isEqualTo(JaegerPropagator.isDebug(first, Span.fromContext(first).spanContext()));
  }

  @Test
  void headerName_isMatchedCaseInsensitivelyByTheMapGetter() {
    Context context = JAEGER.extract(Context.root(), Map.of("Uber-Trace-Id", "abc:def:0:1"), TextMapGetter.forMap());

    assertThat(Span.fromContext(context).spanContext().traceIdLow()).isEqualTo(0xabcL);
  }

  @Test
  void fields_listsOnlyTheTraceHeader() {
    assertThat(JAEGER.fields()).containsExactly("uber-trace-id");
  }

  @Test
  void create_returnsOneSharedInstance() {
    assertThat(JaegerPropagator.create()).isSameAs(JAEGER);
    assertThat(JAEGER).hasToString("JaegerPropagator");
  }

  @Test
  void nullArguments_neverThrow() {
    TextMapGetter<Map<String, String>> nullReturningGetter = new TextMapGetter<>() {
      @Override
      public Iterable<String> keys(Map<String, String> carrier) {
        return null;
      }

      @Override
      public String get(Map<String, String> carrier, String key) {
        return null;
      }
    };
    Map<String, String> withNullKey = new HashMap<>();
    withNullKey.put(null, "x");
    withNullKey.put("uberctx-a", null);

    assertThatCode(() -> {
      assertThat(JAEGER.extract(null, Map.of(), TextMapGetter.forMap())).isSameAs(Context.root());
      assertThat(JAEGER.extract(Context.root(), null, TextMapGetter.forMap())).isSameAs(Context.root());
      assertThat(JAEGER.extract(Context.root(), Map.of(), null)).isSameAs(Context.root());
      assertThat(JAEGER.extract(Context.root(), Map.of("uber-trace-id", "1:1:0:1"), nullReturningGetter))
          .isSameAs(Context.root());
      assertThat(JAEGER.extract(Context.root(), withNullKey, TextMapGetter.forMap())).isSameAs(Context.root());
      JAEGER.inject(null, new HashMap<>(), TextMapSetter.forMap());
      JAEGER.inject(extract("1:1:0:1"), null, TextMapSetter.forMap());
      JAEGER.inject(extract("1:1:0:1"), new HashMap<>(), null);
    }).doesNotThrowAnyException();
  }

  @Test
  void repeatedHeaderJoinedByTheMultiMapGetter_isRejected() {
    // A repeated header is joined with commas, which is not a valid value: nothing is extracted.
    Context context = JAEGER.extract(Context.root(),
        Map.of("uber-trace-id", List.of("abc:def:0:1", "abc:def:0:1")), TextMapGetter.forMultiMap());

    assertThat(context).isSameAs(Context.root());
  }
}
