package dev.ariadne.exporter.jaeger;

import static dev.ariadne.exporter.jaeger.ExpectedJaeger.assertRoundTrip;
import static dev.ariadne.exporter.jaeger.ExpectedJaeger.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JaegerThriftEncoderTest {
  private static final long TRACE_HIGH = 0x8000_0000_0000_0001L;
  private static final long TRACE_LOW = 0xFFFF_FFFF_FFFF_FFFEL;
  private static final long SPAN_ID = 0x8123_4567_89AB_CDEFL;
  private static final long PARENT_ID = 0xFEDC_BA98_7654_3210L;

  private static TestSpanData sampledSpan() {
    return TestSpanData.of(SpanContext.create(TRACE_HIGH, TRACE_LOW, SPAN_ID, TraceFlags.SAMPLED, TraceState.empty()));
  }

  private static io.jaegertracing.thriftjava.Span encodeOne(SpanData span) {
    Batch batch = assertRoundTrip(List.of(span));
    assertThat(batch.getSpans()).hasSize(1);
    return batch.getSpans().get(0);
  }

  private static Tag tagNamed(io.jaegertracing.thriftjava.Span span, String key) {
    return span.getTags().stream().filter(t -> t.getKey().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no tag " + key + " in " + span.getTags()));
  }

  private static List<String> tagKeys(io.jaegertracing.thriftjava.Span span) {
    List<String> keys = new ArrayList<>();
    span.getTags().forEach(t -> keys.add(t.getKey()));
    return keys;
  }

  @Test
  void encoder_declaresThriftContentType_andOneResourcePerBody() {
    assertThat(JaegerHttpExporter.encoder().contentType()).isEqualTo("application/x-thrift");
    assertThat(JaegerHttpExporter.encoder().oneResourcePerBody()).isTrue();
  }

  @Test
  void spanWithEveryFeature_decodesWithTheOfficialClasses_fieldByField() {
    TestSpanData span = sampledSpan();
    span.context(SpanContext.create(TRACE_HIGH, TRACE_LOW, SPAN_ID, TraceFlags.SAMPLED,
        TraceState.empty().with("vendor", "opaque").with("ot", "p:8")));
    span.parent(SpanContext.create(TRACE_HIGH, TRACE_LOW, PARENT_ID, TraceFlags.SAMPLED, TraceState.empty()));
    span.name("GET /orders/{id}");
    span.kind(SpanKind.SERVER);
    span.attributes(Attributes.builder()
        .put("http.method", "GET").put("http.status_code", 500L).put("ratio", 0.25).put("cached", false)
        .put(dev.ariadne.api.AttributeKey.stringArrayKey("tags"), List.of("a", "b\"c"))
        .put(dev.ariadne.api.AttributeKey.longArrayKey("ids"), List.of(1L, -2L))
        .build());
    span.droppedAttributes(3);
    span.truncatedAttributeValues(2);
    span.droppedEvents(1);
    span.droppedLinks(4);
    span.event(EventData.of("cache.miss", span.startEpochNanos() + 1_500, Attributes.of("key", "order:7"), 2));
    span.event(EventData.of("exception", span.startEpochNanos() + 2_000_000, Attributes.builder()
        .put("exception.type", "java.io.IOException").put("exception.message", "reset")
        .put("exception.stacktrace", "java.io.IOException: reset\n\tat X.y(X.java:1)")
        .put("exception.escaped", true).build(), 0));
    span.link(Link.of(SpanContext.create(1L, 2L, 3L, TraceFlags.SAMPLED, TraceState.empty()),
        Attributes.of("link.kind", "batch", "n", "1")));
    span.link(Link.of(SpanContext.create(0L, -5L, Long.MIN_VALUE, TraceFlags.NONE, TraceState.empty()), null));
    span.status(StatusCode.ERROR, "upstream failed");
    span.resource(Resource.of(Attributes.builder()
        .put("service.name", "orders").put("host.name", "box-1").put("process.pid", 4242L).build()));

    Batch batch = assertRoundTrip(List.of(span));

    assertThat(batch.getProcess().getServiceName()).isEqualTo("orders");
    assertThat(batch.getProcess().getTags()).extracting(Tag::getKey, Tag::getVType, Tag::getVStr, Tag::getVLong)
        .containsExactly(tuple("host.name", TagType.STRING, "box-1", 0L), tuple("process.pid", TagType.LONG, null, 4242L));
    io.jaegertracing.thriftjava.Span out = batch.getSpans().get(0);
    assertThat(out.getTraceIdHigh()).isEqualTo(TRACE_HIGH);
    assertThat(out.getTraceIdLow()).isEqualTo(TRACE_LOW);
    assertThat(out.getSpanId()).isEqualTo(SPAN_ID);
    assertThat(out.getParentSpanId()).isEqualTo(PARENT_ID);
    assertThat(out.getOperationName()).isEqualTo("GET /orders/{id}");
    assertThat(out.getFlags()).isEqualTo(1);
    assertThat(out.getStartTime()).isEqualTo(1_700_000_000_123_456L);
    assertThat(out.getDuration()).isEqualTo(2_500L);
    assertThat(out.getReferences()).extracting(SpanRef::getRefType, SpanRef::getTraceIdHigh, SpanRef::getTraceIdLow,
            SpanRef::getSpanId)
        .containsExactly(
            tuple(SpanRefType.CHILD_OF, TRACE_HIGH, TRACE_LOW, PARENT_ID),
            tuple(SpanRefType.FOLLOWS_FROM, 1L, 2L, 3L),
            tuple(SpanRefType.FOLLOWS_FROM, 0L, -5L, Long.MIN_VALUE));
    assertThat(tagKeys(out)).containsExactly(
        "http.method", "http.status_code", "ratio", "cached", "tags", "ids",
        "span.kind", "otel.status_code", "otel.status_description", "error",
        "otel.scope.name", "otel.scope.version", "w3c.tracestate",
        "otel.dropped_attributes_count", "otel.truncated_attribute_values_count", "otel.dropped_events_count",
        "otel.dropped_links_count", "otel.dropped_link_attributes_count");
    assertThat(tagNamed(out, "tags").getVStr()).isEqualTo("[\"a\",\"b\\\"c\"]");
    assertThat(tagNamed(out, "ids").getVStr()).isEqualTo("[1,-2]");
    assertThat(tagNamed(out, "w3c.tracestate").getVStr()).isEqualTo("ot=p:8,vendor=opaque");
    assertThat(tagNamed(out, "otel.dropped_link_attributes_count").getVLong()).isEqualTo(2L);
    assertThat(tagNamed(out, "otel.dropped_links_count").getVLong()).isEqualTo(4L);
    assertThat(out.getLogs()).hasSize(2);
    assertThat(out.getLogs().get(0).getTimestamp()).isEqualTo(1_700_000_000_123_458L);
    assertThat(out.getLogs().get(0).getFields()).extracting(Tag::getKey)
        .containsExactly("event", "key", "otel.event.dropped_attributes_count");
  }

  @Test
  void ids_withTheTopBitSet_areTheSameBitsAsSignedLongs() {
    TestSpanData span = TestSpanData.of(SpanContext.fromHex(
        "ffffffffffffffff8000000000000000", "8000000000000001", TraceFlags.SAMPLED, TraceState.empty(), false));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getTraceIdHigh()).isEqualTo(-1L);
    assertThat(out.getTraceIdLow()).isEqualTo(Long.MIN_VALUE);
    assertThat(out.getSpanId()).isEqualTo(Long.MIN_VALUE + 1);
    assertThat(Long.toHexString(out.getTraceIdHigh()) + Long.toHexString(out.getTraceIdLow()))
        .isEqualTo(span.spanContext().traceIdHex());
  }

  @Test
  void sixtyFourBitTraceId_hasZeroHighHalf() {
    TestSpanData span = TestSpanData.of(SpanContext.create(0L, 0x1234L, 0x99L, TraceFlags.SAMPLED, TraceState.empty()));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getTraceIdHigh()).isZero();
    assertThat(out.getTraceIdLow()).isEqualTo(0x1234L);
  }

  @Test
  void rootSpan_hasNoParentId_andNoReferences() {
    io.jaegertracing.thriftjava.Span out = encodeOne(sampledSpan());
    assertThat(out.getParentSpanId()).isZero();
    assertThat(out.isSetReferences()).isFalse();
  }

  @Test
  void rootSpanWithLinks_hasOnlyFollowsFromReferences() {
    TestSpanData span = sampledSpan();
    span.link(Link.of(SpanContext.create(7L, 8L, 9L, TraceFlags.SAMPLED, TraceState.empty()), null));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getParentSpanId()).isZero();
    assertThat(out.getReferences()).extracting(SpanRef::getRefType).containsExactly(SpanRefType.FOLLOWS_FROM);
    assertThat(tagKeys(out)).doesNotContain("otel.dropped_link_attributes_count");
  }

  @Test
  void linkToAnInvalidContext_isLeftOut_andCountedAsDropped() {
    TestSpanData span = sampledSpan();
    span.link(Link.of(SpanContext.invalid(), Attributes.of("a", "b")));
    span.link(null);
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getReferences()).isEmpty();
    assertThat(tagNamed(out, "otel.dropped_links_count").getVLong()).isEqualTo(2L);
    assertThat(tagKeys(out)).doesNotContain("otel.dropped_link_attributes_count");
  }

  @Test
  void times_areMicroseconds_truncatedFromNanoseconds() {
    TestSpanData span = sampledSpan();
    span.times(1_000_999L, 3_000_998L);
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getStartTime()).isEqualTo(1_000L);
    assertThat(out.getDuration()).isEqualTo(1_999L);
  }

  @Test
  void unendedSpan_hasZeroDuration() {
    TestSpanData span = sampledSpan();
    span.times(span.startEpochNanos(), 0);
    assertThat(encodeOne(span).getDuration()).isZero();
  }

  @Test
  void unsampledSpan_hasFlagsZero_andTheW3cRandomFlagIsNotMistakenForDebug() {
    TestSpanData unsampled = TestSpanData.of(SpanContext.create(1L, 2L, 3L, TraceFlags.RANDOM, TraceState.empty()));
    TestSpanData random = TestSpanData.of(SpanContext.create(1L, 2L, 4L,
        (byte) (TraceFlags.RANDOM | TraceFlags.SAMPLED), TraceState.empty()));
    Batch batch = assertRoundTrip(List.of(unsampled, random));
    assertThat(batch.getSpans()).extracting(io.jaegertracing.thriftjava.Span::getFlags).containsExactly(0, 1);
  }

  @Test
  void attributes_becomeTypedTags() {
    TestSpanData span = sampledSpan();
    span.attributes(Attributes.builder()
        .put("s", "text").put("l", Long.MIN_VALUE).put("d", -0.0).put("b", true).build());
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(tagNamed(out, "s").getVType()).isEqualTo(TagType.STRING);
    assertThat(tagNamed(out, "s").getVStr()).isEqualTo("text");
    assertThat(tagNamed(out, "l").getVType()).isEqualTo(TagType.LONG);
    assertThat(tagNamed(out, "l").getVLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(tagNamed(out, "d").getVType()).isEqualTo(TagType.DOUBLE);
    assertThat(Double.doubleToRawLongBits(tagNamed(out, "d").getVDouble())).isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(tagNamed(out, "b").getVType()).isEqualTo(TagType.BOOL);
    assertThat(tagNamed(out, "b").isVBool()).isTrue();
  }

  @Test
  void arrays_becomeJsonListStrings() {
    TestSpanData span = sampledSpan();
    span.attributes(RawAttributes.create()
        .put("strings", List.of("plain", "quote\"back\\slash", "line\nbreak\ttab\u0001", "é"))
        .put("longs", List.of(1L, Long.MAX_VALUE))
        .put("doubles", Arrays.asList(1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY))
        .put("bools", List.of(true, false))
        .put("empty", List.of())
        .put("withNull", Arrays.asList("a", null)));
    io.jaegertracing.thriftjava.Span out = decode(JaegerHttpExporter.encoder().encode(List.of(span))).getSpans().get(0);
    assertThat(tagNamed(out, "strings").getVStr())
        .isEqualTo("[\"plain\",\"quote\\\"back\\\\slash\",\"line\\nbreak\\ttab\\u0001\",\"é\"]");
    assertThat(tagNamed(out, "longs").getVStr()).isEqualTo("[1,9223372036854775807]");
    assertThat(tagNamed(out, "doubles").getVStr()).isEqualTo("[1.5,1.0E300,\"NaN\",\"Infinity\",\"-Infinity\"]");
    assertThat(tagNamed(out, "bools").getVStr()).isEqualTo("[true,false]");
    assertThat(tagNamed(out, "empty").getVStr()).isEqualTo("[]");
    assertThat(tagNamed(out, "withNull").getVStr()).isEqualTo("[\"a\",null]");
  }

  @ParameterizedTest
  @EnumSource(SpanKind.class)
  void spanKind_isALowercaseTag_exceptForInternal(SpanKind kind) {
    TestSpanData span = sampledSpan();
    span.kind(kind);
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    if (kind == SpanKind.INTERNAL) {
      assertThat(tagKeys(out)).doesNotContain("span.kind");
    } else {
      assertThat(tagNamed(out, "span.kind").getVStr()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  @Test
  void errorStatus_addsBooleanErrorTag_andStatusCodeAndDescription() {
    TestSpanData span = sampledSpan();
    span.status(StatusCode.ERROR, "timeout");
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(tagNamed(out, "error").getVType()).isEqualTo(TagType.BOOL);
    assertThat(tagNamed(out, "error").isVBool()).isTrue();
    assertThat(tagNamed(out, "otel.status_code").getVStr()).isEqualTo("ERROR");
    assertThat(tagNamed(out, "otel.status_description").getVStr()).isEqualTo("timeout");
  }

  @Test
  void errorStatus_replacesTheApplicationsOwnErrorAttribute() {
    TestSpanData span = sampledSpan();
    span.attributes(Attributes.of("error", "yes"));
    span.status(StatusCode.ERROR, "");
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getTags()).filteredOn(t -> t.getKey().equals("error")).singleElement()
        .satisfies(t -> assertThat(t.getVType()).isEqualTo(TagType.BOOL));
    assertThat(tagKeys(out)).doesNotContain("otel.status_description");
  }

  @Test
  void withoutErrorStatus_theApplicationsErrorAttributeIsKept() {
    TestSpanData span = sampledSpan();
    span.attributes(Attributes.of("error", "yes"));
    assertThat(tagNamed(encodeOne(span), "error").getVStr()).isEqualTo("yes");
  }

  @Test
  void okStatus_addsOnlyTheStatusCode() {
    TestSpanData span = sampledSpan();
    span.status(StatusCode.OK, "");
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(tagNamed(out, "otel.status_code").getVStr()).isEqualTo("OK");
    assertThat(tagKeys(out)).doesNotContain("error", "otel.status_description");
  }

  @Test
  void unsetStatus_addsNoStatusTags() {
    assertThat(tagKeys(encodeOne(sampledSpan()))).doesNotContain("error", "otel.status_code", "otel.status_description");
  }

  @Test
  void instrumentationScope_becomesScopeTags_andAMissingVersionIsLeftOut() {
    TestSpanData span = sampledSpan();
    span.scope(InstrumentationScope.of("jdbc", null));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(tagNamed(out, "otel.scope.name").getVStr()).isEqualTo("jdbc");
    assertThat(tagKeys(out)).doesNotContain("otel.scope.version");
  }

  @Test
  void droppedCounts_appearOnlyWhenNonZero() {
    TestSpanData span = sampledSpan();
    span.event(EventData.of("e", span.startEpochNanos(), Attributes.empty(), 0));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(tagKeys(out)).noneMatch(k -> k.contains("dropped") || k.contains("truncated"));
    assertThat(out.getLogs().get(0).getFields()).extracting(Tag::getKey).containsExactly("event");
  }

  @Test
  void emptyAttributes_giveOnlyTheMappedTags() {
    TestSpanData span = sampledSpan();
    span.attributes(Attributes.empty());
    span.resource(Resource.empty());
    Batch batch = assertRoundTrip(List.of(span));
    assertThat(tagKeys(batch.getSpans().get(0))).containsExactly("otel.scope.name", "otel.scope.version");
    assertThat(batch.getSpans().get(0).isSetLogs()).isFalse();
    assertThat(batch.getProcess().getServiceName()).isEqualTo(Resource.UNKNOWN_SERVICE);
    assertThat(batch.getProcess().isSetTags()).isFalse();
  }

  @Test
  void events_becomeLogs_withTheNameInTheEventField_andTypedFields() {
    TestSpanData span = sampledSpan();
    span.event(EventData.of("retry", 5_000_999L,
        Attributes.builder().put("attempt", 2L).put("delay", 0.5).put("final", false).put("why", "503").build(), 0));
    Log log = encodeOne(span).getLogs().get(0);
    assertThat(log.getTimestamp()).isEqualTo(5_000L);
    assertThat(log.getFields()).extracting(Tag::getKey, Tag::getVType)
        .containsExactly(tuple("event", TagType.STRING), tuple("attempt", TagType.LONG), tuple("delay", TagType.DOUBLE),
            tuple("final", TagType.BOOL), tuple("why", TagType.STRING));
    assertThat(log.getFields().get(0).getVStr()).isEqualTo("retry");
  }

  @Test
  void eventAttributeNamedEvent_takesPrecedenceOverTheName() {
    TestSpanData span = sampledSpan();
    span.event(EventData.of("name", 0L, Attributes.of("event", "from-attribute"), 0));
    Log log = encodeOne(span).getLogs().get(0);
    assertThat(log.getFields()).extracting(Tag::getKey, Tag::getVStr).containsExactly(tuple("event", "from-attribute"));
  }

  @Test
  void recordedException_becomesAnOpenTracingErrorLog_withoutDuplicatedFields() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().serviceName("svc")
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      Tracer tracer = tracing.tracer("test");
      Span span = tracer.span("fails").start();
      span.recordException(new IllegalStateException("bad state: ü"), Attributes.of("extra", "kept"));
      span.status(StatusCode.ERROR, "bad state");
      span.end();
    }
    io.jaegertracing.thriftjava.Span out = encodeOne(memory.finishedSpans().get(0));
    Log log = out.getLogs().get(0);
    assertThat(log.getFields()).extracting(Tag::getKey)
        .containsExactlyInAnyOrder("event", "error.kind", "message", "stack", "extra")
        .doesNotContain("exception.type", "exception.message", "exception.stacktrace");
    assertThat(log.getFields()).filteredOn(t -> t.getKey().equals("event")).singleElement()
        .extracting(Tag::getVStr).isEqualTo("error");
    assertThat(log.getFields()).filteredOn(t -> t.getKey().equals("error.kind")).singleElement()
        .extracting(Tag::getVStr).isEqualTo("java.lang.IllegalStateException");
    assertThat(log.getFields()).filteredOn(t -> t.getKey().equals("message")).singleElement()
        .extracting(Tag::getVStr).isEqualTo("bad state: ü");
    assertThat(log.getFields()).filteredOn(t -> t.getKey().equals("stack")).singleElement()
        .extracting(Tag::getVStr).asString()
        .startsWith("java.lang.IllegalStateException: bad state: ü")
        .contains("recordedException_becomesAnOpenTracingErrorLog");
    assertThat(tagNamed(out, "error").isVBool()).isTrue();
  }

  @Test
  void realSpans_fromTheTracer_roundTrip_withSamplerAttributesPassedThroughAsTags() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().serviceName("checkout").resourceAttribute("deployment", "prod")
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      Tracer tracer = tracing.tracer("shop", "2.0");
      Span root = tracer.span("root").kind(SpanKind.SERVER)
          .attribute("sampler.type", "probabilistic").attribute("sampler.param", 0.25).start();
      try (var scope = root.makeCurrent()) {
        tracer.span("child").kind(SpanKind.CLIENT).start().event("sent").end();
      }
      root.end();
      tracing.forceFlush(Duration.ofSeconds(5));
    }
    List<SpanData> spans = memory.finishedSpans();
    Batch batch = assertRoundTrip(spans);
    assertThat(batch.getProcess().getServiceName()).isEqualTo("checkout");
    assertThat(batch.getProcess().getTags()).extracting(Tag::getKey).contains("deployment").doesNotContain("service.name");
    io.jaegertracing.thriftjava.Span root = batch.getSpans().stream()
        .filter(s -> s.getOperationName().equals("root")).findFirst().orElseThrow();
    io.jaegertracing.thriftjava.Span child = batch.getSpans().stream()
        .filter(s -> s.getOperationName().equals("child")).findFirst().orElseThrow();
    assertThat(tagNamed(root, "sampler.type").getVStr()).isEqualTo("probabilistic");
    assertThat(tagNamed(root, "sampler.type").getVType()).isEqualTo(TagType.STRING);
    assertThat(tagNamed(root, "sampler.param").getVType()).isEqualTo(TagType.DOUBLE);
    assertThat(tagNamed(root, "sampler.param").getVDouble()).isEqualTo(0.25);
    assertThat(child.getParentSpanId()).isEqualTo(root.getSpanId());
    assertThat(child.getReferences().get(0).getSpanId()).isEqualTo(root.getSpanId());
  }

  @Test
  void nonAsciiStrings_roundTrip_andUnpairedSurrogatesBecomeQuestionMarks() {
    TestSpanData span = sampledSpan();
    span.name("注文を取得 🚀 ünïcödé");
    span.attributes(RawAttributes.create().put("ключ", "значение 😀").put("bad", "x\uD800y\uDC00z"));
    span.resource(Resource.of(Attributes.of("service.name", "サービス")));
    Batch batch = assertRoundTrip(List.of(span));
    io.jaegertracing.thriftjava.Span out = batch.getSpans().get(0);
    assertThat(batch.getProcess().getServiceName()).isEqualTo("サービス");
    assertThat(out.getOperationName()).isEqualTo("注文を取得 🚀 ünïcödé");
    assertThat(tagNamed(out, "ключ").getVStr()).isEqualTo("значение 😀");
    assertThat(tagNamed(out, "bad").getVStr()).isEqualTo("x?y?z");
  }

  @Test
  void hundredKilobyteStrings_roundTrip() {
    String ascii = "a".repeat(100 * 1024);
    String wide = "€".repeat(100 * 1024);
    TestSpanData span = sampledSpan();
    span.name(ascii);
    span.attributes(Attributes.of("ascii", ascii, "wide", wide));
    span.event(EventData.of("big", 1L, Attributes.of("payload", wide), 0));
    io.jaegertracing.thriftjava.Span out = encodeOne(span);
    assertThat(out.getOperationName()).isEqualTo(ascii);
    assertThat(tagNamed(out, "wide").getVStr()).isEqualTo(wide);
  }

  @Test
  void nanAndInfiniteDoubles_keepTheirValues() {
    TestSpanData span = sampledSpan();
    span.attributes(RawAttributes.create()
        .put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY).put("ninf", Double.NEGATIVE_INFINITY)
        .put("min", Double.MIN_VALUE));
    Batch batch = assertRoundTrip(List.of(span));
    io.jaegertracing.thriftjava.Span out = batch.getSpans().get(0);
    assertThat(tagNamed(out, "nan").getVDouble()).isNaN();
    assertThat(tagNamed(out, "inf").getVDouble()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(tagNamed(out, "ninf").getVDouble()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(tagNamed(out, "min").getVDouble()).isEqualTo(Double.MIN_VALUE);
  }

  @Test
  void nullsInASpan_areWrittenAsEmptyOrLeftOut_neverThrown() {
    TestSpanData span = sampledSpan();
    span.name(null);
    span.status(null, "");
    span.kind(null);
    span.scope(null);
    span.attributes(RawAttributes.create().put("gone", null).put("kept", "v"));
    span.events(Arrays.asList(null, EventData.of(null, 1L, null, 0)));
    Batch batch = decode(JaegerHttpExporter.encoder().encode(Arrays.asList(null, span, null)));
    assertThat(batch.getSpans()).hasSize(1);
    io.jaegertracing.thriftjava.Span out = batch.getSpans().get(0);
    assertThat(out.getOperationName()).isEmpty();
    assertThat(tagKeys(out)).containsExactly("kept");
    assertThat(out.getLogs()).singleElement().satisfies(log ->
        assertThat(log.getFields()).extracting(Tag::getKey, Tag::getVStr).containsExactly(tuple("event", "")));
  }

  @Test
  void emptyOrNullList_givesABatchWithoutSpans_forTheUnknownService() {
    for (List<SpanData> spans : Arrays.asList(Collections.<SpanData>emptyList(), null)) {
      Batch batch = decode(JaegerHttpExporter.encoder().encode(spans));
      assertThat(batch.getSpans()).isEmpty();
      assertThat(batch.getProcess().getServiceName()).isEqualTo(Resource.UNKNOWN_SERVICE);
    }
  }

  @Test
  void manySpans_allRoundTrip() {
    List<SpanData> spans = new ArrayList<>();
    for (int i = 1; i <= 5_000; i++) {
      TestSpanData span = TestSpanData.of(SpanContext.create(i, -i, i * 31L, TraceFlags.SAMPLED, TraceState.empty()));
      span.name("op-" + i);
      span.attributes(Attributes.builder().put("i", (long) i).put("s", "v" + i).build());
      spans.add(span);
    }
    Batch batch = assertRoundTrip(spans);
    assertThat(batch.getSpans()).hasSize(5_000);
    assertThat(batch.getSpans().get(4_999).getOperationName()).isEqualTo("op-5000");
  }
}
