package dev.ariadne.exporter.otlp;

import static dev.ariadne.exporter.otlp.OtlpAssertions.assertRequestMatches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import dev.ariadne.api.AttributeKey;
import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.SpanLimits;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtlpJsonEncoderTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final List<Tracing> tracings = new ArrayList<>();
  private final OtlpJsonEncoder encoder = OtlpJsonEncoder.INSTANCE;

  @AfterEach
  void shutDown() {
    tracings.forEach(t -> t.shutdown(Duration.ofSeconds(5)));
  }

  private Tracing tracing(String service, SpanLimits limits) {
    Tracing tracing = Tracing.builder()
        .serviceName(service)
        .resourceAttribute("deployment.environment", "test")
        .spanLimits(limits)
        .addSpanProcessor(SimpleSpanProcessor.create(exported))
        .build();
    tracings.add(tracing);
    return tracing;
  }

  private static ExportTraceServiceRequest roundTrip(List<SpanData> spans) {
    ExportTraceServiceRequest request = OtlpJson.parse(OtlpJsonEncoder.INSTANCE.encode(spans));
    assertRequestMatches(request, spans);
    return request;
  }

  private static String json(List<SpanData> spans) {
    return OtlpJson.decodeStrictUtf8(OtlpJsonEncoder.INSTANCE.encode(spans));
  }

  @Test
  void contentType_isApplicationJson() {
    assertThat(encoder.contentType()).isEqualTo("application/json");
    assertThat(OtlpHttpExporter.encoder()).isSameAs(encoder);
  }

  @Test
  void realSpansOfTwoResourcesAndTwoScopes_matchFieldByField() {
    SpanLimits limits = SpanLimits.builder().maxAttributes(12).maxEvents(2).maxLinks(2).maxAttributesPerEvent(2).build();
    Tracing orders = tracing("orders", limits);
    Tracing payments = tracing("payments", limits);
    Tracer ordersHttp = orders.tracer("com.example.http", "1.2.3");
    Tracer ordersDb = orders.tracer("com.example.db");
    Tracer paymentsHttp = payments.tracer("com.example.http", "1.2.3");

    TraceState state = TraceState.empty().with("vendor", "opaque-value").with("ariadne", "t61rcWkgMzE");
    SpanContext remoteParent = SpanContext.createFromRemoteParent(
        0xfedcba9876543210L, 0x8000000000000001L, 0x8877665544332211L, TraceFlags.SAMPLED, state);
    SpanContext linkedRemote = SpanContext.createFromRemoteParent(
        0x8000000000000000L, 0x0000000000000001L, 0xffffffffffffffffL, (byte) 0, TraceState.empty().with("k", "v"));
    SpanContext linkedLocal = SpanContext.create(1L, 2L, 3L, TraceFlags.SAMPLED, TraceState.empty());

    Span server = ordersHttp.span("GET /orders/{id}")
        .parent(Context.root().with(Span.wrap(remoteParent)))
        .kind(SpanKind.SERVER)
        .attribute("http.method", "GET")
        .attribute("http.status_code", 500L)
        .attribute("ratio", 0.25)
        .attribute("cache.hit", false)
        .attributes(Attributes.builder()
            .put(AttributeKey.stringArrayKey("tags"), List.of("a", "b", "ü"))
            .put(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
            .put(AttributeKey.longArrayKey("sizes"), List.of(Long.MIN_VALUE, 0L, Long.MAX_VALUE))
            .put(AttributeKey.doubleArrayKey("weights"), List.of(1.5, -0.0, 1e300))
            .put(AttributeKey.stringArrayKey("empty"), List.of())
            .build())
        .link(linkedRemote, Attributes.of("link.reason", "retry-of"))
        .link(linkedLocal)
        .link(linkedLocal, Attributes.of("over", "limit"))
        .startTimestamp(1_700_000_000_000_000_001L, TimeUnit.NANOSECONDS)
        .start();
    server.event("cache.miss", Attributes.builder().put("key", "order:42").put("ttl", 30L).put("dropped", true).build(),
        1_700_000_000_000_000_500L, TimeUnit.NANOSECONDS);
    server.event("retry");
    server.event("over-the-limit");
    for (int i = 0; i < 10; i++) {
      server.attribute("extra." + i, i);
    }
    server.status(StatusCode.ERROR, "database save timed out after 3 s");

    Span query = ordersDb.span("SELECT orders").parent(Context.root().with(server)).kind(SpanKind.CLIENT).start();
    query.status(StatusCode.OK);
    query.end();
    Span send = paymentsHttp.span("charge").noParent().kind(SpanKind.PRODUCER).start();
    Span receive = ordersHttp.span("charged").parent(Context.root().with(send)).kind(SpanKind.CONSUMER).start();
    Span internal = ordersHttp.span("compute").noParent().start();
    internal.end();
    receive.end();
    send.end();
    server.end(1_700_000_001_000_000_000L, TimeUnit.NANOSECONDS);

    List<SpanData> spans = exported.finishedSpans();
    assertThat(spans).hasSize(5);
    SpanData serverData = spans.stream().filter(s -> s.kind() == SpanKind.SERVER).findFirst().orElseThrow();
    // the fixture exercises what it claims to
    assertThat(serverData.droppedAttributesCount()).isPositive();
    assertThat(serverData.droppedEventsCount()).isEqualTo(1);
    assertThat(serverData.droppedLinksCount()).isEqualTo(1);
    assertThat(serverData.events().get(0).droppedAttributesCount()).isEqualTo(1);

    ExportTraceServiceRequest request = roundTrip(spans);

    assertThat(request.getResourceSpansCount()).isEqualTo(2);
    assertThat(request.getResourceSpans(0).getScopeSpansList())
        .extracting(s -> s.getScope().getName() + ":" + s.getScope().getVersion())
        .containsExactly("com.example.db:", "com.example.http:1.2.3");
    assertThat(request.getResourceSpans(1).getScopeSpansCount()).isEqualTo(1);
    io.opentelemetry.proto.trace.v1.Span serverProto = request.getResourceSpans(0).getScopeSpans(1).getSpansList().stream()
        .filter(s -> s.getName().equals("GET /orders/{id}")).findFirst().orElseThrow();
    assertThat(serverProto.getFlags()).isEqualTo(0x301);
    assertThat(serverProto.getLinks(0).getFlags()).isEqualTo(0x300);
    assertThat(serverProto.getLinks(1).getFlags()).isEqualTo(0x101);
    assertThat(serverProto.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(serverProto.getParentSpanId()).isEqualTo(OtlpAssertions.bytes(0x8877665544332211L));
    assertThat(serverProto.getTraceState()).isEqualTo("ariadne=t61rcWkgMzE,vendor=opaque-value");
  }

  @Test
  void rootSpan_hasNoParentSpanId() {
    TestSpanData root = TestSpanData.create();
    String json = json(List.of(root));

    assertThat(json).doesNotContain("parentSpanId");
    assertThat(OtlpJson.parse(json.getBytes(StandardCharsets.UTF_8)).getResourceSpans(0).getScopeSpans(0).getSpans(0)
        .getParentSpanId().isEmpty()).isTrue();
  }

  @Test
  void idsWithTheTopBitSet_areWrittenAsFullLowercaseHex() {
    TestSpanData span = TestSpanData.create();
    span.context(SpanContext.create(0x8000000000000000L, 0xffffffffffffffffL, 0x8000000000000000L,
        TraceFlags.SAMPLED, TraceState.empty()));
    span.parent(SpanContext.create(0x8000000000000000L, 0xffffffffffffffffL, 0xfedcba9876543210L,
        TraceFlags.SAMPLED, TraceState.empty()));

    String json = json(List.of(span));

    assertThat(json).contains("\"traceId\":\"8000000000000000ffffffffffffffff\"")
        .contains("\"spanId\":\"8000000000000000\"")
        .contains("\"parentSpanId\":\"fedcba9876543210\"");
    roundTrip(List.of(span));
  }

  @Test
  void smallIds_keepTheirLeadingZeros() {
    TestSpanData span = TestSpanData.create();
    span.context(SpanContext.create(0, 1, 2, TraceFlags.SAMPLED, TraceState.empty()));

    assertThat(json(List.of(span))).contains("\"traceId\":\"00000000000000000000000000000001\"")
        .contains("\"spanId\":\"0000000000000002\"");
  }

  @Test
  void flags_carryTheTraceFlagsAndWhetherTheParentIsRemote() {
    TestSpanData root = TestSpanData.create();
    TestSpanData localChild = TestSpanData.create();
    localChild.parent(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty()));
    TestSpanData remoteChild = TestSpanData.create();
    remoteChild.parent(SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty()));
    remoteChild.context(SpanContext.create(1, 2, 4, (byte) (TraceFlags.SAMPLED | TraceFlags.RANDOM), TraceState.empty()));
    TestSpanData unsampled = TestSpanData.create();
    unsampled.context(SpanContext.create(1, 2, 5, TraceFlags.NONE, TraceState.empty()));

    ExportTraceServiceRequest request = roundTrip(List.of(root, localChild, remoteChild, unsampled));

    assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpansList())
        .extracting(io.opentelemetry.proto.trace.v1.Span::getFlags)
        .containsExactly(0x101, 0x101, 0x303, 0x100);
  }

  @Test
  void everyKindAndStatus_isItsEnumNumber() {
    List<SpanData> spans = new ArrayList<>();
    for (SpanKind kind : SpanKind.values()) {
      for (StatusCode status : StatusCode.values()) {
        TestSpanData span = TestSpanData.create();
        span.kind(kind);
        span.status(status, status == StatusCode.ERROR ? "boom" : "");
        spans.add(span);
      }
    }
    String json = json(spans);

    for (int kind = 1; kind <= 5; kind++) {
      assertThat(json).contains("\"kind\":" + kind);
    }
    assertThat(json).contains("\"status\":{\"code\":0}", "\"status\":{\"code\":1}", "\"status\":{\"code\":2,\"message\":\"boom\"}");
    roundTrip(spans);
  }

  @Test
  void defaultValues_areLeftOut() {
    TestSpanData minimal = TestSpanData.create()
        .times(1_700_000_000_000_000_000L, 1_700_000_000_123_456_789L)
        .resource(Resource.empty())
        .scope(InstrumentationScope.of("lib", null));

    String json = json(List.of(minimal));

    assertThat(json).doesNotContain("traceState", "parentSpanId", "attributes", "droppedAttributesCount", "events",
        "droppedEventsCount", "links", "droppedLinksCount", "message", "version", "schemaUrl");
    assertThat(json).contains("\"resource\":{}", "\"scope\":{\"name\":\"lib\"}", "\"status\":{\"code\":0}",
        "\"startTimeUnixNano\":\"1700000000000000000\"", "\"endTimeUnixNano\":\"1700000000123456789\"");
  }

  @Test
  void droppedCounts_areWrittenWhenNonZero() {
    TestSpanData span = TestSpanData.create();
    span.droppedAttributes(3);
    span.droppedEvents(4);
    span.droppedLinks(Integer.MAX_VALUE);
    span.events(List.of(EventData.of("e", 5, Attributes.of("a", "b"), 7)));

    String json = json(List.of(span));

    assertThat(json).contains("\"droppedAttributesCount\":3", "\"droppedEventsCount\":4",
        "\"droppedLinksCount\":2147483647", "\"droppedAttributesCount\":7");
    roundTrip(List.of(span));
  }

  @Test
  void nonAsciiAndControlCharacters_roundTripExactly() {
    String text = "ünïcødé ✓ 日本語 😀 emoji-pair \u0000 nul \u0001\u001f ctl \t\n\r \"quotes\" \\back\\ / \u007f \u2028\u2029 \uFEFF";
    TestSpanData span = TestSpanData.create();
    span.name(text);
    span.attributes(Attributes.builder().put(text, text).put("list", text).build());
    span.status(StatusCode.ERROR, text);
    span.events(List.of(EventData.of(text, 1, Attributes.of("k", text), 0)));
    span.resource(Resource.of(Attributes.of("service.name", text)));
    span.scope(InstrumentationScope.of(text, text));

    byte[] body = encoder.encode(List.of(span));

    ExportTraceServiceRequest request = OtlpJson.parse(body);
    assertRequestMatches(request, List.of(span));
    assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpans(0).getName()).isEqualTo(text);
    // a surrogate pair is one 4-byte UTF-8 sequence, not two \\u escapes
    assertThat(OtlpJson.decodeStrictUtf8(body)).contains("😀").doesNotContain("\\uD83D", "\\ud83d");
  }

  @Test
  void loneSurrogates_becomeTheReplacementCharacter_andTheBodyStaysValidUtf8() {
    TestSpanData span = TestSpanData.create();
    span.name("high \uD800 alone");
    span.attributes(RawAttributes.of("low\uDC00", "end \uD83D", "pair", "ok \uD83D\uDE00 then \uDE00\uD83D reversed",
        "list", List.of("\uDBFF")));

    byte[] body = encoder.encode(List.of(span));

    String text = OtlpJson.decodeStrictUtf8(body);
    assertThat(text).doesNotContainPattern("\\\\u[dD][89abAB]").doesNotContainPattern("\\\\u[dD][c-fC-F]");
    io.opentelemetry.proto.trace.v1.Span parsed = OtlpJson.parse(body).getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(parsed.getName()).isEqualTo("high \uFFFD alone");
    assertThat(parsed.getAttributes(0).getKey()).isEqualTo("low\uFFFD");
    assertThat(parsed.getAttributes(0).getValue().getStringValue()).isEqualTo("end \uFFFD");
    assertThat(parsed.getAttributes(1).getValue().getStringValue()).isEqualTo("ok \uD83D\uDE00 then \uFFFD\uFFFD reversed");
    assertThat(parsed.getAttributes(2).getValue().getArrayValue().getValues(0).getStringValue()).isEqualTo("\uFFFD");
    assertRequestMatches(OtlpJson.parse(body), List.of(span));
  }

  @Test
  void hundredKilobyteStrings_roundTrip() {
    StringBuilder big = new StringBuilder();
    while (big.length() < 100_000) {
      big.append("0123456789 ünï 😀 \"\\\u0001");
    }
    String value = big.toString();
    TestSpanData span = TestSpanData.create();
    span.name(value);
    span.attributes(Attributes.builder().put("big", value).put(AttributeKey.stringArrayKey("bigs"), List.of(value, value)).build());
    span.status(StatusCode.ERROR, value);

    assertThat(encoder.encode(List.of(span)).length).isGreaterThan(400_000);
    roundTrip(List.of(span));
  }

  @Test
  void nanAndInfinities_areWrittenAsProto3JsonStrings() {
    TestSpanData span = TestSpanData.create();
    span.attributes(RawAttributes.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY, "-inf", Double.NEGATIVE_INFINITY)
        .put("list", AttributeType.STRING_ARRAY, Arrays.asList(Double.NaN, 1.0, Double.NEGATIVE_INFINITY))
        .put("tiny", Double.MIN_VALUE).put("huge", Double.MAX_VALUE).put("negzero", -0.0));

    String json = json(List.of(span));

    assertThat(json).contains("{\"doubleValue\":\"NaN\"}", "{\"doubleValue\":\"Infinity\"}", "{\"doubleValue\":\"-Infinity\"}",
        "{\"doubleValue\":-0.0}");
    roundTrip(List.of(span));
  }

  @Test
  void int64Values_areDecimalStrings() {
    TestSpanData span = TestSpanData.create();
    span.attributes(RawAttributes.of("min", Long.MIN_VALUE, "max", Long.MAX_VALUE, "zero", 0L, "minusOne", -1L, "int", 7));

    String json = json(List.of(span));

    assertThat(json).contains("{\"intValue\":\"-9223372036854775808\"}", "{\"intValue\":\"9223372036854775807\"}",
        "{\"intValue\":\"0\"}", "{\"intValue\":\"-1\"}", "{\"intValue\":\"7\"}");
    roundTrip(List.of(span));
  }

  @Test
  void badValues_neverThrow_andHaveADefinedOutcome() {
    TestSpanData span = TestSpanData.create();
    span.name(null);
    span.kind(null);
    span.status(null, null);
    span.times(-5, Long.MIN_VALUE);
    span.droppedAttributes(-1);
    span.droppedEvents(-2);
    span.droppedLinks(-3);
    span.attributes(RawAttributes.of(null, "no key", "no value", null, "ok", "kept", "nested",
        Arrays.asList("a", null, List.of(1L, List.of(true))), "float", 1.5f, "other", new StringBuilder("sb")));
    span.events(Arrays.asList(null, EventData.of(null, -1, null, 0)));
    span.links(Arrays.asList(null, Link.of(null, null)));
    span.resource(null);
    span.scope(null);
    List<SpanData> spans = Arrays.asList(null, span, null);

    byte[] body = encoder.encode(spans);

    io.opentelemetry.proto.trace.v1.Span parsed = OtlpJson.parse(body).getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(parsed.getName()).isEmpty();
    assertThat(parsed.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL);
    assertThat(parsed.getStatus().getCode().getNumber()).isZero();
    assertThat(parsed.getStartTimeUnixNano()).isZero();
    assertThat(parsed.getEndTimeUnixNano()).isZero();
    assertThat(parsed.getDroppedAttributesCount()).isZero();
    assertThat(parsed.getAttributesList()).extracting(kv -> kv.getKey()).containsExactly("ok", "nested", "float", "other");
    assertThat(parsed.getAttributes(1).getValue().getArrayValue().getValuesList().toString()).contains("string_value: \"a\"", "int_value: 1", "bool_value: true");
    assertThat(parsed.getAttributes(2).getValue().getDoubleValue()).isEqualTo(1.5);
    assertThat(parsed.getAttributes(3).getValue().getStringValue()).isEqualTo("sb");
    assertThat(parsed.getEventsCount()).isEqualTo(1);
    assertThat(parsed.getEvents(0).getName()).isEmpty();
    assertThat(parsed.getLinksCount()).isEqualTo(1);
    assertThat(parsed.getLinks(0).getTraceId()).isEqualTo(OtlpAssertions.bytes(0, 0));
    assertThat(OtlpJson.parse(body).getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEmpty();
  }

  @Test
  void emptyOrNullBatch_isARequestWithNoResourceSpans() {
    assertThat(json(List.of())).isEqualTo("{\"resourceSpans\":[]}");
    assertThat(new String(encoder.encode(null), StandardCharsets.UTF_8)).isEqualTo("{\"resourceSpans\":[]}");
    assertThat(OtlpJson.parse(encoder.encode(List.of())).getResourceSpansCount()).isZero();
  }

  @Test
  void consecutiveBodiesOnOneThread_areIndependent() {
    TestSpanData big = TestSpanData.create();
    big.name("x".repeat(2_000_000));
    TestSpanData small = TestSpanData.create();
    small.name("small");

    byte[] first = encoder.encode(List.of(small));
    byte[] copy = first.clone();
    byte[] huge = encoder.encode(List.of(big));
    byte[] again = encoder.encode(List.of(small));

    assertThat(first).isEqualTo(copy).isEqualTo(again);
    assertThat(huge.length).isGreaterThan(2_000_000);
    roundTrip(List.of(small));
  }

  @Test
  void aSpanThatThrows_failsItsBodyOnly() {
    TestSpanData fine = TestSpanData.create();
    // another SpanData implementation whose attributes() throws, answering everything else as a default span does
    SpanData broken = (SpanData) Proxy.newProxyInstance(SpanData.class.getClassLoader(), new Class<?>[] {SpanData.class},
        (proxy, method, args) -> {
          if (method.getName().equals("attributes")) {
            throw new IllegalStateException("broken span");
          }
          return method.invoke(TestSpanData.create(), args);
        });
    byte[] before = encoder.encode(List.of(fine));

    assertThatThrownBy(() -> encoder.encode(List.of(fine, broken))).hasMessage("broken span");

    assertThat(encoder.encode(List.of(fine))).isEqualTo(before);
  }

  @Test
  void encodingAWarmBatch_allocatesOnlyTheBody() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof ThreadMXBean && ((ThreadMXBean) bean).isThreadAllocatedMemorySupported());
    ThreadMXBean threads = (ThreadMXBean) bean;
    List<SpanData> batch = new ArrayList<>();
    TraceState state = TraceState.empty().with("vendor", "value");
    for (int i = 0; i < 100; i++) {
      TestSpanData span = TestSpanData.create();
      span.parent(SpanContext.createFromRemoteParent(-1L, i + 1, i + 7, TraceFlags.SAMPLED, state));
      span.name("span-" + i + " ü 😀");
      span.attributes(Attributes.builder().put("http.method", "GET").put("status", 200L).put("ok", true)
          .put(AttributeKey.stringArrayKey("tags"), List.of("a", "b")).put(AttributeKey.longArrayKey("n"), List.of(1L, 2L))
          .build());
      span.events(List.of(EventData.of("retry", 5, Attributes.of("attempt", "2"), 0)));
      span.links(List.of(Link.of(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, state), Attributes.of("k", "v"))));
      span.status(StatusCode.ERROR, "timeout");
      batch.add(span);
    }
    for (int i = 0; i < 300; i++) {
      encoder.encode(batch);
    }
    long threadId = Thread.currentThread().getId();

    long before = threads.getThreadAllocatedBytes(threadId);
    byte[] body = encoder.encode(batch);
    long allocated = threads.getThreadAllocatedBytes(threadId) - before;

    // the body's array, plus a little for the measuring call itself
    assertThat(allocated).as("bytes allocated for a %d-byte body", body.length).isLessThan(body.length + 1024L);
  }

  @Test
  void manyThreadsEncodingAtOnce_eachGetTheSameBody() throws Exception {
    List<SpanData> batch = RandomSpans.batch(new Random(7), 200);
    byte[] expected = encoder.encode(batch);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        tasks.add(() -> {
          for (int i = 0; i < 50; i++) {
            if (!Arrays.equals(encoder.encode(batch), expected)) {
              return false;
            }
          }
          return true;
        });
      }
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
