package dev.ariadne.propagation.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.ariadne.api.Context;
import dev.ariadne.api.ContextKey;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class W3CTraceContextPropagatorTest {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String SPAN_ID = "00f067aa0ba902b7";
  static final String VALID = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";

  private static final ContextKey<String> MARK = ContextKey.named("mark");
  private final W3CTraceContextPropagator propagator = W3CTraceContextPropagator.create();

  /** The span context extracted from the given headers, or null when nothing was extracted. */
  static SpanContext extract(String traceparent, String tracestate) {
    Map<String, String> headers = new HashMap<>();
    if (traceparent != null) {
      headers.put("traceparent", traceparent);
    }
    if (tracestate != null) {
      headers.put("tracestate", tracestate);
    }
    Context marked = Context.root().with(MARK, "unchanged");
    Context extracted =
        W3CTraceContextPropagator.create().extract(marked, headers, TextMapGetter.forMap());
    assertThat(extracted.get(MARK)).isEqualTo("unchanged");
    if (extracted == marked) {
      return null;
    }
    SpanContext context = Span.fromContext(extracted).spanContext();
    assertThat(context.isValid()).isTrue();
    assertThat(context.isRemote()).isTrue();
    return context;
  }

  static Map<String, String> inject(SpanContext spanContext) {
    Map<String, String> headers = new LinkedHashMap<>();
    W3CTraceContextPropagator.create()
        .inject(Context.root().with(Span.wrap(spanContext)), headers, TextMapSetter.forMap());
    return headers;
  }

  private static TraceState state(String header) {
    SpanContext context = extract(VALID, header);
    assertThat(context).isNotNull();
    return context.traceState();
  }

  // ---- the propagator --------------------------------------------------------------------------

  @Test
  void fields_areTraceparentAndTracestate_inThatOrder() {
    assertThat(propagator.fields()).containsExactly("traceparent", "tracestate");
    assertThat(W3CTraceContextPropagator.create()).isSameAs(propagator);
    assertThat(propagator).hasToString("W3CTraceContextPropagator");
  }

  @Test
  void aValidTraceparent_becomesTheRemoteParentOfTheReturnedContext() {
    SpanContext context = extract(VALID, null);

    assertThat(context.traceIdHex()).isEqualTo(TRACE_ID);
    assertThat(context.spanIdHex()).isEqualTo(SPAN_ID);
    assertThat(context.traceFlags()).isEqualTo(TraceFlags.SAMPLED);
    assertThat(context.traceState().isEmpty()).isTrue();
  }

  @Test
  void extract_keepsEverythingElseInTheGivenContext_andTreatsANullContextAsRoot() {
    Map<String, String> headers = Map.of("traceparent", VALID);

    Context fromNull = propagator.extract(null, headers, TextMapGetter.forMap());

    assertThat(Span.fromContext(fromNull).spanContext().spanIdHex()).isEqualTo(SPAN_ID);
  }

  @Test
  void extract_withANullCarrierOrGetterOrMissingHeaders_returnsTheContextUnchanged() {
    Context context = Context.root().with(MARK, "x");

    assertThat(propagator.extract(context, null, TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("traceparent", VALID), null)).isSameAs(context);
    assertThat(propagator.extract(context, Map.of(), TextMapGetter.forMap())).isSameAs(context);
    assertThat(propagator.extract(context, Map.of("tracestate", "a=1"), TextMapGetter.forMap()))
        .isSameAs(context);
  }

  @Test
  void extract_readsHeaderNamesCaseInsensitively_throughTheGetter() {
    Map<String, String> headers = Map.of("TraceParent", VALID, "TRACESTATE", "rojo=1");

    Context context = propagator.extract(Context.root(), headers, TextMapGetter.forMap());

    assertThat(Span.fromContext(context).spanContext().traceState().get("rojo")).isEqualTo("1");
  }

  // ---- traceparent: valid and invalid values -------------------------------------------------

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
      "00-00000000000000000000000000000001-0000000000000001-00", // smallest non-zero ids
      "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-ff", // all bits, unknown flags cleared
      "00-00000000000000010000000000000000-0000000000000001-01", // only the high half non-zero
      " 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // OWS is not part of a field value
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\t",
      "\t 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 \t",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // a future version, exactly 55
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-", // ... with an empty extra field
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future-fields",
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-what-the-future-will-be-like",
      "fe-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x.y=z;anything",
  })
  void validTraceparents_areAccepted_andReinjectedInCanonicalForm(String traceparent) {
    SpanContext context = extract(traceparent, null);

    assertThat(context).as(traceparent).isNotNull();
    String canonical = inject(context).get("traceparent");
    String trimmed = traceparent.strip();
    byte flags = (byte) (Integer.parseInt(trimmed.substring(53, 55), 16) & 0x03);
    assertThat(canonical)
        .isEqualTo("00-" + trimmed.substring(3, 52) + "-" + TraceFlags.toHex(flags));
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {
      " ", "\t",
      // upper case hex anywhere
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0A",
      "0A-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      // wrong field lengths
      "0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "000-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e47361-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b71-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
      "00-4bf92f3577b34da6a3ce929d0e0e4736",
      // version ff is forbidden, even well formed
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future",
      // version 00 must be exactly 55 characters
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.",
      // a future version's extra fields must start with a dash
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01.extra",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-012",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1",
      // all-zero ids
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
      "01-00000000000000000000000000000000-00f067aa0ba902b7-01-x",
      // non-hex characters
      "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",
      "00-.bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902bz-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-.1",
      "z0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b\u00e9-01",
      "00-\uff14bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // full-width digit
      // a bad half must not hide behind a good one
      "00-zzzzzzzzzzzzzzzz4bf92f3577b34da6-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6zzzzzzzzzzzzzzzz-00f067aa0ba902b7-01",
      // wrong or missing separators
      "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7_01",
      "004bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01--",
      // whitespace inside
      "00 -4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736 -00f067aa0ba902b7-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7- 1",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n",
      "\n00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
      // two header fields joined by a getter: several parents are none
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,"
          + "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b8-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01,"
          + "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b8-01",
      "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x,"
          + "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b8-01",
  })
  void invalidTraceparents_leaveTheContextUnchanged(String traceparent) {
    assertThat(extract(traceparent, "rojo=00f067aa0ba902b7")).isNull();
  }

  @Test
  void repeatedTraceparentHeaders_joinedByAMultiMapGetter_areInvalid() {
    Map<String, List<String>> headers = Map.of("traceparent", List.of(VALID, VALID));
    Context context = Context.root().with(MARK, "m");

    assertThat(propagator.extract(context, headers, TextMapGetter.forMultiMap())).isSameAs(context);
  }

  @Test
  void aHugeTraceparent_isRejected_withoutThrowing() {
    String huge = "01-" + TRACE_ID + "-" + SPAN_ID + "-01-" + "a".repeat(5_000_000) + ",";

    assertThatCode(() -> assertThat(extract(huge, null)).isNull()).doesNotThrowAnyException();
  }

  // ---- flags -----------------------------------------------------------------------------------

  @ParameterizedTest(name = "flags {0} are kept as {1}")
  @CsvSource({
      "00, 00", "01, 01", "02, 02", "03, 03",
      // every other bit is reserved and MUST be set to zero (Trace Context Level 2, "Other Flags")
      "04, 00", "05, 01", "06, 02", "07, 03", "08, 00", "09, 01", "80, 00", "fd, 01", "fe, 02", "ff, 03",
  })
  void flags_keepTheSampledAndRandomBits_andClearTheReservedOnes(String received, String kept) {
    SpanContext context = extract("00-" + TRACE_ID + "-" + SPAN_ID + "-" + received, null);

    assertThat(TraceFlags.toHex(context.traceFlags())).isEqualTo(kept);
    assertThat(context.isSampled()).isEqualTo((Integer.parseInt(received, 16) & 1) == 1);
    assertThat(inject(context).get("traceparent")).endsWith("-" + kept);
  }

  @Test
  void inject_clearsReservedFlagBits_evenWhenTheContextHoldsThem() {
    SpanContext context = SpanContext.create(1, 2, 3, (byte) 0xff, TraceState.empty());

    assertThat(inject(context).get("traceparent"))
        .isEqualTo("00-00000000000000010000000000000002-0000000000000003-03");
  }

  // ---- inject ----------------------------------------------------------------------------------

  @Test
  void inject_writesVersion00_withLowercaseHexIds_andTheTraceState() {
    TraceState traceState = TraceState.empty().with("congo", "t61rcWkgMzE").with("rojo", "00f067aa0ba902b7");
    SpanContext context = SpanContext.create(
        0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0x00f067aa0ba902b7L, TraceFlags.SAMPLED, traceState);

    Map<String, String> headers = inject(context);

    assertThat(headers).containsExactly(
        Map.entry("traceparent", VALID),
        Map.entry("tracestate", "rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"));
  }

  @Test
  void inject_writesNoTracestate_whenTheTraceStateIsEmpty() {
    assertThat(inject(SpanContext.create(1, 2, 3, TraceFlags.NONE, TraceState.empty())))
        .containsOnlyKeys("traceparent");
  }

  @Test
  void inject_ofAnInvalidContext_writesNothing() {
    Map<String, String> headers = new HashMap<>();

    propagator.inject(Context.root(), headers, TextMapSetter.forMap());
    propagator.inject(Context.root().with(Span.invalid()), headers, TextMapSetter.forMap());
    propagator.inject(Context.root().with(Span.wrap(
        SpanContext.create(0, 0, 1, TraceFlags.SAMPLED, TraceState.empty()))), headers, TextMapSetter.forMap());
    propagator.inject(Context.root().with(Span.wrap(
        SpanContext.create(0, 1, 0, TraceFlags.SAMPLED, TraceState.empty()))), headers, TextMapSetter.forMap());
    propagator.inject(null, headers, TextMapSetter.forMap());

    assertThat(headers).isEmpty();
  }

  @Test
  void inject_withANullCarrierOrSetter_doesNotThrow() {
    Context context = Context.root().with(Span.wrap(SpanContext.create(1, 2, 3, TraceFlags.NONE, TraceState.empty())));

    assertThatCode(() -> {
      propagator.inject(context, null, TextMapSetter.forMap());
      propagator.inject(context, new HashMap<String, String>(), null);
    }).doesNotThrowAnyException();
  }

  @Test
  void injectThenExtract_roundTripsIdsFlagsAndTraceState() {
    SpanContext sent = SpanContext.create(
        0x0123456789abcdefL, 0xfedcba9876543210L, 0x1122334455667788L,
        (byte) (TraceFlags.SAMPLED | TraceFlags.RANDOM), traceStateOf("a=1", "tenant@sys= leading space kept"));

    Map<String, String> headers = inject(sent);
    SpanContext received = extract(headers.get("traceparent"), headers.get("tracestate"));

    assertThat(received.traceIdHigh()).isEqualTo(sent.traceIdHigh());
    assertThat(received.traceIdLow()).isEqualTo(sent.traceIdLow());
    assertThat(received.spanId()).isEqualTo(sent.spanId());
    assertThat(received.traceFlags()).isEqualTo(sent.traceFlags());
    assertThat(received.traceState()).isEqualTo(sent.traceState());
    assertThat(received.isRemote()).isTrue();
  }

  private static TraceState traceStateOf(String... members) {
    TraceState.Builder builder = TraceState.builder();
    for (String member : members) {
      int equals = member.indexOf('=');
      assertThat(builder.append(member.substring(0, equals), member.substring(equals + 1))).isTrue();
    }
    return builder.build();
  }

  @Test
  void aCompositePropagator_carriesBothW3CHeaders() {
    TextMapPropagator composite =
        TextMapPropagator.composite(propagator, W3CBaggagePropagator.create());

    assertThat(composite.fields()).containsExactly("traceparent", "tracestate", "baggage");
  }

  // ---- tracestate ------------------------------------------------------------------------------

  @Test
  void tracestate_keepsMembersInHeaderOrder() {
    TraceState state = state("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");

    assertThat(state.asMap()).containsExactly(
        Map.entry("rojo", "00f067aa0ba902b7"), Map.entry("congo", "t61rcWkgMzE"));
    assertThat(state.toString()).isEqualTo("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE");
  }

  @Test
  void tracestate_ignoresSpacesAndTabsAroundMembers_butKeepsLeadingSpacesOfAValue() {
    assertThat(state(" \tfoo=1 \t , \t bar=2,\t baz=3\t ").asMap())
        .containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"), Map.entry("baz", "3"));
    assertThat(state("foo=  padded  ").get("foo")).isEqualTo("  padded");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", ",", " , ,\t,", ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,"})
  void tracestate_thatIsEmptyOrOnlyEmptyMembers_givesAnEmptyState_andKeepsTheParent(String header) {
    assertThat(state(header).isEmpty()).isTrue();
  }

  @Test
  void tracestate_skipsEmptyMembers_betweenValidOnes() {
    assertThat(state(",foo=1,, ,\t,bar=2,").asMap())
        .containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
  }

  @Test
  void tracestate_acceptsTenantAtSystemKeys() {
    TraceState state = state("fw529a3039@dt=00f067aa0ba902b7,0tenant@vendor=x,"
        + "t".repeat(241) + "@" + "v".repeat(14) + "=max");

    assertThat(state.size()).isEqualTo(3);
    assertThat(state.get("fw529a3039@dt")).isEqualTo("00f067aa0ba902b7");
    assertThat(state.get("0tenant@vendor")).isEqualTo("x");
  }

  @Test
  void tracestate_withExactly32Members_isKept() {
    assertThat(state(members(32)).size()).isEqualTo(32);
    assertThat(state(members(32) + ",,  ,").size()).isEqualTo(32); // empty members do not count
  }

  @Test
  void tracestate_with33Members_isDiscardedWhole_butTheParentIsKept() {
    SpanContext context = extract(VALID, members(33));

    assertThat(context.spanIdHex()).isEqualTo(SPAN_ID);
    assertThat(context.traceState().isEmpty()).isTrue();
  }

  private static String members(int count) {
    StringJoiner joiner = new StringJoiner(",");
    for (int i = 1; i <= count; i++) {
      joiner.add(String.format("bar%02d=%02d", i, i));
    }
    return joiner.toString();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "foo", "foo=", "=1", "foo =1", "FOO=1", "Foo=1", "foo.bar=1", "foo=bar=baz", "foo=1,bar",
      "foo=,bar=3", "_foo=1", "@foo=1", "foo@Bar=1", "foo=a\u00e9", "foo=1\u0000", "foo=\t1",
      "foo=1\n", "foo\u00e9=1", "foo=1\u007f", "foo=\u0080",
  })
  void tracestate_withAnInvalidMember_isDiscardedWhole_butTheParentIsKept(String bad) {
    SpanContext context = extract(VALID, "rojo=1," + bad + ",congo=2");

    assertThat(context).isNotNull();
    assertThat(context.traceState().isEmpty()).as(bad).isTrue();
  }

  @Test
  void tracestate_valueMayBe256Characters_andKeyMayBe256() {
    String value = "v".repeat(255) + "!";
    String key = "k".repeat(256);

    assertThat(state("a=" + value + "," + key + "=1").asMap())
        .containsExactly(Map.entry("a", value), Map.entry(key, "1"));
    assertThat(state("a=" + value + "x").isEmpty()).isTrue();
    assertThat(state(key + "k=1").isEmpty()).isTrue();
  }

  @Test
  void aHugeTracestate_isReadInOnePass_keepingWhatIsValid_orDroppingItWhole() {
    String blanks = ", \t".repeat(2_000_000);

    assertThat(state("a=1" + blanks + "b=2" + blanks).asMap())
        .containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThat(state("a=1,b=" + "x".repeat(3_000_000)).isEmpty()).isTrue();
    assertThat(state("a=1,b" + "x".repeat(3_000_000)).isEmpty()).isTrue();
    assertThat(state("a".repeat(3_000_000) + "=1").isEmpty()).isTrue();
  }

  @Test
  void tracestate_withADuplicateKey_keepsTheFirstValue_andTheOtherMembers() {
    assertThat(state("foo=1,bar=2,foo=3").asMap())
        .containsExactly(Map.entry("foo", "1"), Map.entry("bar", "2"));
    assertThat(state("foo=1,foo=1").asMap()).containsExactly(Map.entry("foo", "1"));
  }

  @Test
  void tracestate_duplicatesStillCountTowardsThe32MemberLimit() {
    assertThat(state(members(32) + ",bar01=again").isEmpty()).isTrue();
  }

  @Test
  void tracestate_fromSeveralHeaderFields_isOneListInFieldOrder() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("traceparent", List.of(VALID));
    headers.put("tracestate", List.of("foo=1,bar=2", "", "rojo=1,congo=2", "baz=3"));

    Context context = propagator.extract(Context.root(), headers, TextMapGetter.forMultiMap());

    assertThat(Span.fromContext(context).spanContext().traceState().toString())
        .isEqualTo("foo=1,bar=2,rojo=1,congo=2,baz=3");
  }

  @Test
  void tracestate_withoutAValidTraceparent_isNotEvenRead() {
    List<String> asked = new ArrayList<>();
    TextMapGetter<Map<String, String>> recording = new TextMapGetter<>() {
      @Override
      public Iterable<String> keys(Map<String, String> carrier) {
        return carrier.keySet();
      }

      @Override
      public String get(Map<String, String> carrier, String key) {
        asked.add(key);
        return carrier.get(key);
      }
    };

    propagator.extract(Context.root(), Map.of("traceparent", "bad", "tracestate", "a=1"), recording);

    assertThat(asked).containsExactly("traceparent");
  }

  /**
   * The digits are checked while they are parsed, and a field that parses to zero gets a second
   * look: every position of every field, made invalid, must still reject the header.
   */
  @Test
  void anyBadDigitInAnyField_rejectsTheHeader_evenWhereTheOtherHalfIsZero() {
    String[] valid = {
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "00-00000000000000008448eb211c80319c-b7ad6b7169203331-00", // zero high half
        "00-0af7651916cd43dd0000000000000000-b7ad6b7169203331-00", // zero low half
    };
    int[][] fields = {{3, 35}, {36, 52}, {53, 55}};
    for (String header : valid) {
      assertThat(extract(header, null)).as(header).isNotNull();
      for (int[] field : fields) {
        for (int i = field[0]; i < field[1]; i++) {
          for (char bad : new char[] {'G', 'A', 'x', '-', ' ', '\u00e9'}) {
            String broken = header.substring(0, i) + bad + header.substring(i + 1);
            assertThat(extract(broken, null)).as(broken).isNull(); // null: the context came back unchanged
          }
        }
      }
    }
  }
}
