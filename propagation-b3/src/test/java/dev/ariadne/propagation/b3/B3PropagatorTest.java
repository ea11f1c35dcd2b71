package dev.ariadne.propagation.b3;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class B3PropagatorTest {
  private static final B3Propagator SINGLE = B3Propagator.injectingSingleHeader();
  private static final B3Propagator MULTI = B3Propagator.injectingMultiHeaders();
  private static final ContextKey<String> MARKER = ContextKey.named("marker");
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";
  private static final String PARENT = "5b4185666d50f68b";

  static Context extract(Map<String, String> carrier) {
    return SINGLE.extract(Context.root(), carrier, TextMapGetter.forMap());
  }

  static Context extractSingle(String b3) {
    return extract(Map.of("b3", b3));
  }

  static Map<String, String> multi(String... keysAndValues) {
    Map<String, String> carrier = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      carrier.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return carrier;
  }

  static Map<String, String> inject(B3Propagator propagator, Context context) {
    Map<String, String> carrier = new LinkedHashMap<>();
    propagator.inject(context, carrier, TextMapSetter.forMap());
    return carrier;
  }

  static Context withSpan(long high, long low, long spanId, byte flags) {
    return Context.root().with(Span.wrap(SpanContext.create(high, low, spanId, flags, TraceState.empty())));
  }

  static SpanContext spanContext(Context context) {
    return Span.fromContext(context).spanContext();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // b3                                                                    | high             | low              | sampled | debug
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1                     | 4bf92f3577b34da6 | a3ce929d0e0e4736 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0                     | 4bf92f3577b34da6 | a3ce929d0e0e4736 | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-d                     | 4bf92f3577b34da6 | a3ce929d0e0e4736 | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7                       | 4bf92f3577b34da6 | a3ce929d0e0e4736 | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-5b4185666d50f68b      | 4bf92f3577b34da6 | a3ce929d0e0e4736 | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-5b4185666d50f68b    | 4bf92f3577b34da6 | a3ce929d0e0e4736 | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-d-5b4185666d50f68b    | 4bf92f3577b34da6 | a3ce929d0e0e4736 | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0-0000000000000000    | 4bf92f3577b34da6 | a3ce929d0e0e4736 | false | false",
      "a3ce929d0e0e4736-00f067aa0ba902b7-1                                     | 0                | a3ce929d0e0e4736 | true  | false",
      "0000000000000000a3ce929d0e0e4736-00f067aa0ba902b7-1                     | 0                | a3ce929d0e0e4736 | true  | false",
      "4bf92f3577b34da60000000000000000-00f067aa0ba902b7-1                     | 4bf92f3577b34da6 | 0                | true  | false",
  })
  void validSingleHeader_extractsRemoteSpanContext(String b3, String high, String low, boolean sampled, boolean debug) {
    Context context = extractSingle(b3);

    SpanContext remote = spanContext(context);
    assertThat(remote.isValid()).isTrue();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.traceIdHigh()).isEqualTo(Long.parseUnsignedLong(high, 16));
    assertThat(remote.traceIdLow()).isEqualTo(Long.parseUnsignedLong(low, 16));
    assertThat(remote.spanIdHex()).isEqualTo(SPAN);
    assertThat(remote.traceFlags()).isEqualTo(sampled ? TraceFlags.SAMPLED : TraceFlags.NONE);
    assertThat(B3Propagator.isDebug(context, remote)).isEqualTo(debug);
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
      "",
      "0", // a decision without ids: nothing to extract
      "1",
      "d",
      "4bf92f3577b34da6a3ce929d0e0e4736", // no span id
      "4bf92f3577b34da6a3ce929d0e0e4736-", // empty span id
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-", // empty sampling state
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-2", // unknown sampling state
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-D", // uppercase debug
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-true", // word
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-10", // two sampling digits
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-", // empty parent
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-5b4185666d50f68", // 15-digit parent
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-5b4185666d50f68b0", // 17-digit parent
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-5B4185666D50F68B", // uppercase parent
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1-5b4185666d50f68b-x", // five parts
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-5b4185666d50f68", // 15-digit parent, no sampling
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-5b4185666d50f68b-1", // parent before sampling
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-5B4185666D50F68B", // uppercase parent, no sampling
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7--5b4185666d50f68b", // empty sampling, parent
      "4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-1", // uppercase trace id
      "4bf92f3577b34da6a3ce929d0e0e4736-00F067AA0BA902B7-1", // uppercase span id
      "4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-1", // 31-digit trace id
      "4bf92f3577b34da6a3ce929d0e0e47360-00f067aa0ba902b7-1", // 33-digit trace id
      "f92f3577b34da6a-00f067aa0ba902b7-1", // 15-digit trace id
      "4bf92f3577b34da6a3ce-00f067aa0ba902b7-1", // 20-digit trace id
      "4bf92f3577b34da6a3-00f067aa0ba902b7-1", // 18-digit trace id
      "4bf92f3577b34da6a3ce929d0e0e4736-0f067aa0ba902b7-1", // 15-digit span id
      "4bf92f3577b34da6a3ce929d0e0e4736-000f067aa0ba902b7-1", // 17-digit span id
      "00000000000000000000000000000000-00f067aa0ba902b7-1", // zero trace id
      "0000000000000000-00f067aa0ba902b7-1", // zero 64-bit trace id
      "4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-1", // zero span id
      "4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:1", // Jaeger separators
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1,4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1", // joined
      "4bf92f3577b34da6a3ce929d0e0e4736 - 00f067aa0ba902b7-1", // inner spaces
      "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1\r\nx-evil: 1", // header injection attempt
      "４bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1", // full-width digit
  })
  void malformedSingleHeader_leavesContextUnchanged(String b3) {
    Context before = Context.root().with(MARKER, "kept");

    Context after = SINGLE.extract(before, Map.of("b3", b3), TextMapGetter.forMap());

    assertThat(after).isSameAs(before);
  }

  @Test
  void singleHeader_toleratesSurroundingSpacesAndTabs() {
    assertThat(spanContext(extractSingle(" \t" + TRACE + "-" + SPAN + "-1 ")).traceIdHex()).isEqualTo(TRACE);
  }

  @ParameterizedTest(name = "{0} / {1} / {2} / {3} / {4}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      // trace id                         | span id          | parent           | sampled | flags | sampled? | debug?
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 1       | null  | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | 5b4185666d50f68b | 0       | null  | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | null    | null  | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | true    | null  | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | True    | null  | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | false   | null  | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | ''      | null  | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | null    | 1     | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 0       | 1     | true  | true",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 1       | 0     | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 1       | 2     | true  | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 0       | junk  | false | false",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | ''               | 1       | null  | true  | false",
      "a3ce929d0e0e4736                   | 00f067aa0ba902b7 | null             | 1       | null  | true  | false",
      "' a3ce929d0e0e4736 '               | '00f067aa0ba902b7\t' | null         | ' 1'    | null  | true  | false",
  })
  void validMultiHeaders_extractRemoteSpanContext(
      String traceId, String spanId, String parent, String sampled, String flags, boolean isSampled, boolean debug) {
    Map<String, String> carrier = new HashMap<>();
    carrier.put("X-B3-TraceId", traceId);
    carrier.put("X-B3-SpanId", spanId);
    putIfNotNull(carrier, "X-B3-ParentSpanId", parent);
    putIfNotNull(carrier, "X-B3-Sampled", sampled);
    putIfNotNull(carrier, "X-B3-Flags", flags);

    Context context = extract(carrier);

    SpanContext remote = spanContext(context);
    assertThat(remote.isValid()).isTrue();
    assertThat(remote.isRemote()).isTrue();
    assertThat(remote.traceIdHex()).endsWith(traceId.trim());
    assertThat(remote.spanIdHex()).isEqualTo(SPAN);
    assertThat(remote.isSampled()).isEqualTo(isSampled);
    assertThat(B3Propagator.isDebug(context, remote)).isEqualTo(debug);
  }

  private static void putIfNotNull(Map<String, String> carrier, String key, String value) {
    if (value != null) {
      carrier.put(key, value);
    }
  }

  @ParameterizedTest(name = "{0} / {1} / {2} / {3}")
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "null                               | 00f067aa0ba902b7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | null             | null             | 1",
      "null                               | null             | null             | 0", // decision alone
      "''                                 | 00f067aa0ba902b7 | null             | 1",
      "4BF92F3577B34DA6A3CE929D0E0E4736   | 00f067aa0ba902b7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00F067AA0BA902B7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e473    | 00f067aa0ba902b7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e47360  | 00f067aa0ba902b7 | null             | 1",
      "a3ce929d0e0e473                    | 00f067aa0ba902b7 | null             | 1",
      "a3ce929d0e0e47360                  | 00f067aa0ba902b7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b  | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b70| null             | 1",
      "00000000000000000000000000000000   | 00f067aa0ba902b7 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 0000000000000000 | null             | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | 5b4185666d50f68  | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | xyz              | 1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | d",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 2",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | yes",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | 1,1",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | tru\u017fe",
      "4bf92f3577b34da6a3ce929d0e0e4736   | 00f067aa0ba902b7 | null             | fal\u017fe",
      "4bf92f3577b34da6-a3ce929d0e0e4736  | 00f067aa0ba902b7 | null             | 1",
  })
  void malformedMultiHeaders_leaveContextUnchanged(String traceId, String spanId, String parent, String sampled) {
    Map<String, String> carrier = new HashMap<>();
    putIfNotNull(carrier, "X-B3-TraceId", traceId);
    putIfNotNull(carrier, "X-B3-SpanId", spanId);
    putIfNotNull(carrier, "X-B3-ParentSpanId", parent);
    putIfNotNull(carrier, "X-B3-Sampled", sampled);
    Context before = Context.root().with(MARKER, "kept");

    assertThat(MULTI.extract(before, carrier, TextMapGetter.forMap())).isSameAs(before);
  }

  @Test
  void singleHeader_isPreferredOverMultiHeaders() {
    Map<String, String> carrier = multi(
        "b3", "0000000000000001-0000000000000002-1",
        "X-B3-TraceId", "0000000000000003", "X-B3-SpanId", "0000000000000004", "X-B3-Sampled", "0");

    SpanContext remote = spanContext(extract(carrier));

    assertThat(remote.traceIdLow()).isEqualTo(1);
    assertThat(remote.spanId()).isEqualTo(2);
    assertThat(remote.isSampled()).isTrue();
  }

  @Test
  void malformedOrDecisionOnlySingleHeader_fallsBackToMultiHeaders() {
    for (String b3 : List.of("0", "garbage", "")) {
      Map<String, String> carrier = multi(
          "b3", b3, "X-B3-TraceId", "0000000000000003", "X-B3-SpanId", "0000000000000004", "X-B3-Sampled", "1");

      SpanContext remote = spanContext(extract(carrier));

      assertThat(remote.traceIdLow()).as(b3).isEqualTo(3);
      assertThat(remote.isSampled()).as(b3).isTrue();
    }
  }

  @Test
  void bothInjectionFormats_extractBothHeaderForms() {
    Map<String, String> single = Map.of("b3", TRACE + "-" + SPAN + "-1");
    Map<String, String> multi = multi("x-b3-traceid", TRACE, "x-b3-spanid", SPAN, "x-b3-sampled", "1");

    for (B3Propagator propagator : List.of(SINGLE, MULTI)) {
      assertThat(spanContext(propagator.extract(Context.root(), single, TextMapGetter.forMap())).traceIdHex()).isEqualTo(TRACE);
      assertThat(spanContext(propagator.extract(Context.root(), multi, TextMapGetter.forMap())).traceIdHex()).isEqualTo(TRACE);
    }
  }

  @Test
  void headerNames_areMatchedCaseInsensitivelyByTheMapGetter() {
    Map<String, String> carrier = multi("X-b3-TRACEID", TRACE, "x-B3-spanid", SPAN);

    assertThat(spanContext(extract(carrier)).spanIdHex()).isEqualTo(SPAN);
    assertThat(spanContext(extract(Map.of("B3", TRACE + "-" + SPAN))).spanIdHex()).isEqualTo(SPAN);
  }

  @Test
  void validHeader_replacesTheSpanTheContextAlreadyHad_andMalformedKeepsIt() {
    Context before = withSpan(0, 7, 9, TraceFlags.SAMPLED);

    Context replaced = SINGLE.extract(before, Map.of("b3", TRACE + "-" + SPAN + "-0"), TextMapGetter.forMap());
    Context kept = SINGLE.extract(before, Map.of("b3", "0"), TextMapGetter.forMap());

    assertThat(spanContext(replaced).traceIdHex()).isEqualTo(TRACE);
    assertThat(spanContext(replaced).isSampled()).isFalse();
    assertThat(kept).isSameAs(before);
  }

  @Test
  void hugeValues_areRejectedWithoutThrowing() {
    char[] digits = new char[5_000_000];
    Arrays.fill(digits, 'a');
    String huge = new String(digits);

    assertThat(extractSingle(huge + "-" + SPAN)).isSameAs(Context.root());
    assertThat(extract(multi("X-B3-TraceId", huge, "X-B3-SpanId", SPAN))).isSameAs(Context.root());
  }

  @Test
  void singleInject_writesTraceSpanAndSampling() {
    assertThat(inject(SINGLE, withSpan(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0xf067aa0ba902b7L, TraceFlags.SAMPLED)))
        .containsExactly(Map.entry("b3", TRACE + "-" + SPAN + "-1"));
    assertThat(inject(SINGLE, withSpan(0, 0xa3ce929d0e0e4736L, 0xf067aa0ba902b7L, TraceFlags.NONE)))
        .containsExactly(Map.entry("b3", "a3ce929d0e0e4736-" + SPAN + "-0"));
  }

  @Test
  void multiInject_writesTraceSpanAndSampled() {
    assertThat(inject(MULTI, withSpan(0x4bf92f3577b34da6L, 0xa3ce929d0e0e4736L, 0xf067aa0ba902b7L, TraceFlags.SAMPLED)))
        .containsExactly(Map.entry("X-B3-TraceId", TRACE), Map.entry("X-B3-SpanId", SPAN), Map.entry("X-B3-Sampled", "1"));
    assertThat(inject(MULTI, withSpan(0, 0xa3ce929d0e0e4736L, 0xf067aa0ba902b7L, TraceFlags.RANDOM)))
        .containsExactly(Map.entry("X-B3-TraceId", "a3ce929d0e0e4736"), Map.entry("X-B3-SpanId", SPAN),
            Map.entry("X-B3-Sampled", "0"));
  }

  @Test
  void inject_writesNothingForAnInvalidSpan() {
    assertThat(inject(SINGLE, Context.root())).isEmpty();
    assertThat(inject(MULTI, Context.root())).isEmpty();
    assertThat(inject(MULTI, withSpan(0, 0, 5, TraceFlags.SAMPLED))).isEmpty();
  }

  @Test
  void debugTrace_isInjectedAsDebugInBothForms() {
    Context extracted = extractSingle(TRACE + "-" + SPAN + "-d-" + PARENT);

    assertThat(inject(SINGLE, extracted)).containsExactly(Map.entry("b3", TRACE + "-" + SPAN + "-d"));
    assertThat(inject(MULTI, extracted)).containsExactly(
        Map.entry("X-B3-TraceId", TRACE), Map.entry("X-B3-SpanId", SPAN), Map.entry("X-B3-Flags", "1"));
  }

  @Test
  void debugTrace_holdsForChildSpansOfTheSameTraceOnly() {
    Context extracted = extract(multi("X-B3-TraceId", TRACE, "X-B3-SpanId", SPAN, "X-B3-Flags", "1"));
    SpanContext remote = spanContext(extracted);
    Context child = extracted.with(Span.wrap(SpanContext.create(
        remote.traceIdHigh(), remote.traceIdLow(), 0x123, TraceFlags.SAMPLED, TraceState.empty())));
    Context otherTrace = extracted.with(Span.wrap(SpanContext.create(0, 0x999, 0x123, TraceFlags.SAMPLED, TraceState.empty())));

    assertThat(inject(SINGLE, child)).containsEntry("b3", TRACE + "-0000000000000123-d");
    assertThat(inject(SINGLE, otherTrace)).containsEntry("b3", "0000000000000999-0000000000000123-1");
  }

  @Test
  void debugMarker_isClearedByALaterNonDebugHeaderOfTheSameTrace() {
    Context debug = extractSingle(TRACE + "-" + SPAN + "-d");

    Context again = SINGLE.extract(debug, Map.of("b3", TRACE + "-" + SPAN + "-1"), TextMapGetter.forMap());

    assertThat(inject(SINGLE, again)).containsEntry("b3", TRACE + "-" + SPAN + "-1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      TRACE + "-" + SPAN + "-1",
      TRACE + "-" + SPAN + "-0",
      TRACE + "-" + SPAN + "-d-" + PARENT,
      TRACE + "-" + SPAN,
      TRACE + "-" + SPAN + "-" + PARENT,
      "a3ce929d0e0e4736-" + SPAN + "-1",
  })
  void injectOfExtracted_extractsToTheSameContextInBothForms(String b3) {
    Context first = extractSingle(b3);

    for (B3Propagator propagator : List.of(SINGLE, MULTI)) {
      Context second = extract(inject(propagator, first));

      assertThat(spanContext(second)).as(propagator.toString()).isEqualTo(spanContext(first));
      assertThat(B3Propagator.isDebug(second, spanContext(second)))
          .isEqualTo(B3Propagator.isDebug(first, spanContext(first)));
    }
  }

  @Test
  void fields_listTheHeadersOfTheInjectionFormat() {
    assertThat(SINGLE.fields()).containsExactly("b3");
    assertThat(MULTI.fields())
        .containsExactly("X-B3-TraceId", "X-B3-SpanId", "X-B3-ParentSpanId", "X-B3-Sampled", "X-B3-Flags");
  }

  @Test
  void factories_returnSharedInstances() {
    assertThat(B3Propagator.injectingSingleHeader()).isSameAs(SINGLE).hasToString("B3Propagator{inject=b3}");
    assertThat(B3Propagator.injectingMultiHeaders()).isSameAs(MULTI).hasToString("B3Propagator{inject=X-B3-*}");
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
    Context valid = extractSingle(TRACE + "-" + SPAN + "-1");

    assertThatCode(() -> {
      for (B3Propagator propagator : List.of(SINGLE, MULTI)) {
        assertThat(propagator.extract(null, Map.of(), TextMapGetter.forMap())).isSameAs(Context.root());
        assertThat(propagator.extract(Context.root(), null, TextMapGetter.forMap())).isSameAs(Context.root());
        assertThat(propagator.extract(Context.root(), Map.of("b3", "1-1"), null)).isSameAs(Context.root());
        assertThat(propagator.extract(Context.root(), Map.of(), nullReturningGetter)).isSameAs(Context.root());
        propagator.inject(null, new HashMap<>(), TextMapSetter.forMap());
        propagator.inject(valid, null, TextMapSetter.forMap());
        propagator.inject(valid, new HashMap<>(), null);
      }
    }).doesNotThrowAnyException();
  }
}
