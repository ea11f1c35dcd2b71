package dev.ariadne.exporter.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.AttributeKey;
import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.exporter.http.SpanEncoder;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ZipkinJsonEncoderTest {
  private final SpanEncoder encoder = ZipkinExporter.encoder();

  private List<Map<String, Object>> encode(SpanData... spans) {
    return JsonTree.parseSpans(encoder.encode(Arrays.asList(spans)));
  }

  private Map<String, Object> only(SpanData span) {
    List<Map<String, Object>> spans = encode(span);
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> tags(SpanData span) {
    return (Map<String, Object>) only(span).get("tags");
  }

  /** Parses, normalises and compares every field with the expected mapping. */
  private void assertMatchesExpected(SpanData... spans) {
    List<Map<String, Object>> actual = encode(spans);
    assertThat(actual).hasSize(spans.length);
    for (int i = 0; i < spans.length; i++) {
      Map<String, Object> expected = ExpectedZipkin.of(spans[i]);
      assertThat(ExpectedZipkin.normalize(actual.get(i), expected)).isEqualTo(expected);
    }
  }

  @Test
  void contentType_isJson() {
    assertThat(encoder.contentType()).isEqualTo("application/json");
    assertThat(encoder.oneResourcePerBody()).isFalse();
  }

  @Test
  void rootSpan_hasNoParentId() {
    Map<String, Object> span = only(TestSpanData.create());
    assertThat(span).doesNotContainKey("parentId");
    assertThat(span).containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
        .containsEntry("id", "b7ad6b7169203331");
  }

  @Test
  void childSpan_carriesTraceIdAndParentId() {
    TestSpanData root = TestSpanData.create();
    TestSpanData child = TestSpanData.create().childOf(root);
    List<Map<String, Object>> spans = encode(root, child);
    assertThat(spans.get(1)).containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
        .containsEntry("parentId", "b7ad6b7169203331")
        .containsEntry("id", "b7ad6b7169203332");
    assertMatchesExpected(root, child);
  }

  @Test
  void traceIdWithZeroHighHalf_isWrittenAs16Digits() {
    TestSpanData span = TestSpanData.create();
    span.context(TestSpanData.sampledContext(0, 0x00000000000000abL, 1));
    assertThat(only(span)).containsEntry("traceId", "00000000000000ab").containsEntry("id", "0000000000000001");
  }

  @Test
  void spansWithZeroIds_areLeftOut_soTheRestOfTheBatchIsAccepted() {
    TestSpanData good = TestSpanData.create();
    TestSpanData noSpanId = TestSpanData.create();
    noSpanId.context(TestSpanData.sampledContext(1, 2, 0));
    TestSpanData noTraceId = TestSpanData.create();
    noTraceId.context(TestSpanData.sampledContext(0, 0, 5));
    TestSpanData invalid = TestSpanData.create();
    invalid.context(SpanContext.invalid());
    List<Map<String, Object>> spans = encode(noSpanId, good, noTraceId, invalid);
    assertThat(spans).hasSize(1);
    assertThat(spans.get(0)).containsEntry("id", "b7ad6b7169203331");
  }

  @Test
  void canEncode_isFalseExactlyForSpansWithAZeroId_soTheSenderCanCountThem() {
    TestSpanData sixtyFourBit = TestSpanData.create();
    sixtyFourBit.context(TestSpanData.sampledContext(0, 7, 9));
    TestSpanData noSpanId = TestSpanData.create();
    noSpanId.context(TestSpanData.sampledContext(1, 2, 0));
    TestSpanData noTraceId = TestSpanData.create();
    noTraceId.context(TestSpanData.sampledContext(0, 0, 5));

    assertThat(encoder.canEncode(TestSpanData.create())).isTrue();
    assertThat(encoder.canEncode(sixtyFourBit)).isTrue();
    assertThat(encoder.canEncode(noSpanId)).isFalse();
    assertThat(encoder.canEncode(noTraceId)).isFalse();
    assertThat(encoder.canEncode(TestSpanData.create().context(SpanContext.invalid()))).isFalse();
  }

  @Test
  void emptyOrNullBatchOrNullSpans_giveAnEmptyArray() {
    assertThat(new String(encoder.encode(List.of()), StandardCharsets.UTF_8)).isEqualTo("[]");
    assertThat(new String(encoder.encode(null), StandardCharsets.UTF_8)).isEqualTo("[]");
    assertThat(new String(encoder.encode(Arrays.asList(null, null)), StandardCharsets.UTF_8)).isEqualTo("[]");
  }

  @Test
  void kinds_mapToZipkinKinds_andInternalHasNone() {
    for (SpanKind kind : SpanKind.values()) {
      TestSpanData span = TestSpanData.create();
      span.kind(kind);
      Map<String, Object> json = only(span);
      if (kind == SpanKind.INTERNAL) {
        assertThat(json).doesNotContainKey("kind");
      } else {
        assertThat(json).containsEntry("kind", kind.name());
      }
    }
    TestSpanData nullKind = TestSpanData.create();
    nullKind.kind(null);
    assertThat(only(nullKind)).doesNotContainKey("kind");
  }

  @Test
  void times_areMicroseconds_truncated() {
    TestSpanData span = TestSpanData.create();
    span.times(1_700_000_000_123_456_789L, 1_700_000_000_123_456_789L + 1_234_999);
    assertThat(only(span)).containsEntry("timestamp", 1_700_000_000_123_456L).containsEntry("duration", 1234L);
  }

  @Test
  void subMicrosecondOrNegativeDuration_isOneMicrosecond() {
    TestSpanData tiny = TestSpanData.create();
    tiny.times(tiny.startEpochNanos(), tiny.startEpochNanos() + 999);
    TestSpanData backwards = TestSpanData.create();
    backwards.times(backwards.startEpochNanos(), backwards.startEpochNanos() - 5_000);
    TestSpanData zero = TestSpanData.create();
    zero.times(zero.startEpochNanos(), zero.startEpochNanos());
    for (TestSpanData span : List.of(tiny, backwards, zero)) {
      assertThat(only(span)).containsEntry("duration", 1L);
    }
  }

  @Test
  void unendedSpan_hasNoDuration_andStartBeforeEpoch_hasNoTimestamp() {
    TestSpanData open = TestSpanData.create();
    open.times(open.startEpochNanos(), 0); // an end of 0: not ended
    assertThat(only(open)).containsKey("timestamp").doesNotContainKey("duration");
    TestSpanData ancient = TestSpanData.create();
    ancient.times(-5_000, 10_000);
    assertThat(only(ancient)).doesNotContainKey("timestamp").containsEntry("duration", 15L);
  }

  @Test
  void name_isKeptAsIs_andEmptyOrNullNameIsLeftOut() {
    TestSpanData upper = TestSpanData.create();
    upper.name("GET /Orders/{id}");
    assertThat(only(upper)).containsEntry("name", "GET /Orders/{id}");
    TestSpanData empty = TestSpanData.create();
    empty.name("");
    assertThat(only(empty)).doesNotContainKey("name");
    TestSpanData none = TestSpanData.create();
    none.name(null);
    assertThat(only(none)).doesNotContainKey("name");
  }

  @Test
  void localEndpoint_isTheLowercasedServiceName() {
    TestSpanData span = TestSpanData.create();
    span.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "Order-Service")));
    assertThat(only(span)).containsEntry("localEndpoint", Map.of("serviceName", "order-service"));
  }

  @Test
  void missingOrBlankServiceName_isUnknownService() {
    TestSpanData none = TestSpanData.create();
    none.resource(Resource.empty());
    TestSpanData blank = TestSpanData.create();
    blank.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, " ")));
    TestSpanData nullResource = TestSpanData.create();
    nullResource.resource(null);
    for (TestSpanData span : List.of(none, blank, nullResource)) {
      assertThat(only(span)).containsEntry("localEndpoint", Map.of("serviceName", "unknown_service:java"));
    }
  }

  @Test
  void serviceNameCache_followsTheResourceOfEachSpan() {
    TestSpanData a = TestSpanData.create();
    a.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "A")));
    TestSpanData b = TestSpanData.create();
    b.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "B")));
    List<Map<String, Object>> spans = encode(a, b, a);
    assertThat(spans).extracting(s -> s.get("localEndpoint"))
        .containsExactly(Map.of("serviceName", "a"), Map.of("serviceName", "b"), Map.of("serviceName", "a"));
  }

  @Test
  void clientSpan_remoteEndpointFromPeerServiceAndNetworkPeer() {
    TestSpanData span = TestSpanData.create();
    span.kind(SpanKind.CLIENT);
    span.attributes(Attributes.builder()
        .put("peer.service", "Inventory").put("server.address", "inventory.internal").put("server.port", 8443L)
        .put("network.peer.address", "10.1.2.3").put("network.peer.port", 443L).build());
    assertThat(only(span)).containsEntry("remoteEndpoint",
        Map.of("serviceName", "inventory", "ipv4", "10.1.2.3", "port", 443L));
    assertMatchesExpected(span);
  }

  @Test
  void clientSpan_serverAddressHostName_becomesTheRemoteServiceName() {
    TestSpanData span = TestSpanData.create();
    span.kind(SpanKind.PRODUCER);
    span.attributes(Attributes.builder().put("server.address", "Kafka-1.internal").put("server.port", 9092L).build());
    assertThat(only(span)).containsEntry("remoteEndpoint", Map.of("serviceName", "kafka-1.internal", "port", 9092L));
  }

  @Test
  void clientSpan_serverAddressLiteral_becomesTheRemoteIp() {
    TestSpanData span = TestSpanData.create();
    span.kind(SpanKind.CLIENT);
    span.attributes(Attributes.builder().put("server.address", "2001:db8::7").put("server.port", 5432L).build());
    assertThat(only(span)).containsEntry("remoteEndpoint", Map.of("ipv6", "2001:db8::7", "port", 5432L));
  }

  @Test
  void serverSpan_remoteEndpointFromClientAddress_notServerAddress() {
    TestSpanData span = TestSpanData.create();
    span.kind(SpanKind.SERVER);
    span.attributes(Attributes.builder()
        .put("server.address", "orders.example.com").put("server.port", 443L)
        .put("client.address", "192.168.0.9").put("client.port", 51234L).build());
    assertThat(only(span)).containsEntry("remoteEndpoint", Map.of("ipv4", "192.168.0.9", "port", 51234L));
    assertMatchesExpected(span);
  }

  @Test
  void internalSpan_orNoPeerAttributes_hasNoRemoteEndpoint() {
    TestSpanData internal = TestSpanData.create();
    internal.attributes(Attributes.builder().put("peer.service", "db").put("network.peer.address", "10.0.0.1").build());
    assertThat(only(internal)).doesNotContainKey("remoteEndpoint");
    TestSpanData bare = TestSpanData.create();
    bare.kind(SpanKind.CLIENT);
    assertThat(only(bare)).doesNotContainKey("remoteEndpoint");
  }

  @Test
  void invalidPortsAndNonLiteralAddresses_areLeftOut() {
    TestSpanData span = TestSpanData.create();
    span.kind(SpanKind.CONSUMER);
    span.attributes(RawAttributes.create()
        .put("network.peer.address", "not-an-ip").put("network.peer.port", 70000L)
        .put("client.address", "999.1.1.1").put("client.port", "80").put("peer.service", "  "));
    assertThat(only(span)).doesNotContainKey("remoteEndpoint");
  }

  @Test
  void events_becomeAnnotations_withAttributesAsJson() {
    TestSpanData span = TestSpanData.create();
    span.event(EventData.of("cache miss", TestSpanData.DEFAULT_START_NANOS + 1_999, Attributes.empty(), 0));
    span.event(EventData.of("retry", TestSpanData.DEFAULT_START_NANOS + 5_000, Attributes.builder()
        .put("attempt", 2L).put("reason", "timeout \"db\"").put("backoff", 0.25).put("final", false)
        .put(AttributeKey.stringArrayKey("hosts"), List.of("a", "b")).build(), 0));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> annotations = (List<Map<String, Object>>) only(span).get("annotations");
    assertThat(annotations.get(0)).isEqualTo(Map.of("timestamp", TestSpanData.DEFAULT_START_NANOS / 1000 + 2, "value", "cache miss"));
    assertThat(annotations.get(1).get("value"))
        .isEqualTo("\"retry\":{\"attempt\":2,\"reason\":\"timeout \\\"db\\\"\",\"backoff\":0.25,\"final\":false,"
            + "\"hosts\":[\"a\",\"b\"]}");
    assertMatchesExpected(span);
  }

  @Test
  void noEvents_noAnnotationsField() {
    assertThat(only(TestSpanData.create())).doesNotContainKey("annotations");
  }

  @Test
  void attributes_becomeStringTags_andListsJsonText() {
    TestSpanData span = TestSpanData.create();
    span.attributes(Attributes.builder()
        .put("http.method", "GET").put("http.status_code", 200L).put("ratio", 0.5).put("cached", true)
        .put("big", Long.MIN_VALUE)
        .put(AttributeKey.stringArrayKey("s"), List.of("x", "y,z"))
        .put(AttributeKey.longArrayKey("l"), List.of(1L, -2L))
        .put(AttributeKey.doubleArrayKey("d"), List.of(1.5, 1e300))
        .put(AttributeKey.booleanArrayKey("b"), List.of(true, false))
        .put(AttributeKey.stringArrayKey("empty"), List.of())
        .build());
    Map<String, Object> tags = tags(span);
    assertThat(tags).containsEntry("http.method", "GET").containsEntry("http.status_code", "200")
        .containsEntry("ratio", "0.5").containsEntry("cached", "true")
        .containsEntry("big", "-9223372036854775808")
        .containsEntry("s", "[\"x\",\"y,z\"]").containsEntry("l", "[1,-2]")
        .containsEntry("d", "[1.5,1.0E300]").containsEntry("b", "[true,false]").containsEntry("empty", "[]");
    assertMatchesExpected(span);
  }

  @Test
  void scope_becomesOtelScopeTags() {
    assertThat(tags(TestSpanData.create().scope(InstrumentationScope.of("com.example.orders", "1.2.3"))))
        .containsEntry("otel.scope.name", "com.example.orders")
        .containsEntry("otel.scope.version", "1.2.3");
    TestSpanData noVersion = TestSpanData.create();
    noVersion.scope(InstrumentationScope.of("lib", null));
    assertThat(tags(noVersion)).containsEntry("otel.scope.name", "lib").doesNotContainKey("otel.scope.version");
    TestSpanData noScope = TestSpanData.create();
    noScope.scope(null);
    assertThat(only(noScope)).doesNotContainKey("tags");
  }

  @Test
  void errorStatus_setsErrorTagToTheDescription() {
    TestSpanData span = TestSpanData.create();
    span.status(StatusCode.ERROR, "database save timed out after 3 s");
    assertThat(tags(span)).containsEntry("error", "database save timed out after 3 s")
        .containsEntry("otel.status_code", "ERROR");
  }

  @Test
  void errorStatusWithoutDescription_setsErrorTagToTrue() {
    TestSpanData span = TestSpanData.create();
    span.status(StatusCode.ERROR, "");
    assertThat(tags(span)).containsEntry("error", "true");
    span.status(StatusCode.ERROR, null);
    assertThat(tags(span)).containsEntry("error", "true");
  }

  @Test
  void okAndUnsetStatus_haveNoErrorTag() {
    TestSpanData ok = TestSpanData.create();
    ok.status(StatusCode.OK, "");
    assertThat(tags(ok)).containsEntry("otel.status_code", "OK").doesNotContainKey("error");
    TestSpanData unset = TestSpanData.create();
    assertThat(tags(unset)).doesNotContainKeys("otel.status_code", "error");
    TestSpanData nullStatus = TestSpanData.create();
    nullStatus.status(null, "");
    assertThat(tags(nullStatus)).doesNotContainKeys("otel.status_code", "error");
  }

  @Test
  void errorFalseAttribute_isDropped_becauseZipkinWouldMarkTheSpanFailed() {
    TestSpanData span = TestSpanData.create();
    span.attributes(Attributes.builder().put("error", false).build());
    assertThat(tags(span)).doesNotContainKey("error");
    span.attributes(Attributes.builder().put("error", "false").build());
    assertThat(tags(span)).doesNotContainKey("error");
    span.attributes(Attributes.builder().put("error", "disk full").build());
    assertThat(tags(span)).containsEntry("error", "disk full");
  }

  @Test
  void derivedTags_winOverAttributesOfTheSameName_withoutDuplicateKeys() {
    TestSpanData span = TestSpanData.create().scope(InstrumentationScope.of("com.example.orders", "1.2.3"));
    span.status(StatusCode.ERROR, "boom");
    span.droppedAttributes(1);
    span.attributes(Attributes.builder()
        .put("error", "attribute").put("otel.status_code", "OK").put("otel.scope.name", "fake")
        .put("otel.dropped_attributes_count", "99").put("otel.dropped_links_count", "7").build());
    // JsonTree refuses duplicate keys, so parsing alone proves each key is written once
    assertThat(tags(span)).containsEntry("error", "boom").containsEntry("otel.status_code", "ERROR")
        .containsEntry("otel.scope.name", "com.example.orders")
        .containsEntry("otel.dropped_attributes_count", "1")
        .containsEntry("otel.dropped_links_count", "7");
  }

  @Test
  void droppedCounts_areTagsOnlyWhenNonZero() {
    TestSpanData span = TestSpanData.create();
    span.droppedAttributes(3);
    span.droppedEvents(2);
    span.droppedLinks(1);
    assertThat(tags(span)).containsEntry("otel.dropped_attributes_count", "3")
        .containsEntry("otel.dropped_events_count", "2").containsEntry("otel.dropped_links_count", "1");
    assertThat(tags(TestSpanData.create())).doesNotContainKeys(
        "otel.dropped_attributes_count", "otel.dropped_events_count", "otel.dropped_links_count");
  }

  @Test
  void nonAsciiAndControlCharacters_roundTripExactly() {
    String text = "Grüße, 世界 🚀 \"quoted\" back\\slash \n\t\r\u0000\u0001\u001f\u007f\u2028 end";
    TestSpanData span = TestSpanData.create();
    span.name(text);
    span.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, "Çafé")));
    span.attributes(Attributes.builder().put(text, text)
        .put(AttributeKey.stringArrayKey("list"), List.of(text)).build());
    span.event(EventData.of(text, TestSpanData.DEFAULT_START_NANOS, Attributes.of(text, text), 0));
    Map<String, Object> json = only(span);
    assertThat(json).containsEntry("name", text).containsEntry("localEndpoint", Map.of("serviceName", "çafé"));
    assertThat(tags(span)).containsEntry(text, text);
    assertMatchesExpected(span);
    // control characters are escaped, never raw, in the bytes on the wire
    byte[] bytes = encoder.encode(List.of(span));
    for (byte b : bytes) {
      assertThat(b >= 0x20 || b < 0).as("raw control byte %s", b).isTrue();
    }
  }

  @Test
  void loneSurrogates_becomeReplacementCharacters_andNeverThrow() {
    String broken = "a\uD800b\uDC00c\uD83D";
    TestSpanData span = TestSpanData.create();
    span.name(broken);
    span.attributes(RawAttributes.create().put(broken, broken).put("list", List.of(broken)));
    span.event(EventData.of(broken, TestSpanData.DEFAULT_START_NANOS, RawAttributes.create().put(broken, broken), 0));
    span.status(StatusCode.ERROR, broken);
    span.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, broken)));
    span.scope(InstrumentationScope.of(broken, broken));
    String fixed = "a\uFFFDb\uFFFDc\uFFFD";
    Map<String, Object> json = only(span);
    assertThat(json).containsEntry("name", fixed);
    assertThat(tags(span)).containsEntry(fixed, fixed).containsEntry("error", fixed)
        .containsEntry("otel.scope.name", fixed).containsEntry("list", "[\"" + fixed + "\"]");
    assertMatchesExpected(span);
    // a valid pair is kept
    span.name("ok \uD83D\uDE80");
    assertThat(only(span)).containsEntry("name", "ok \uD83D\uDE80");
  }

  @Test
  void hundredKilobyteStrings_areWrittenWhole() {
    String big = "x".repeat(50_000) + "é".repeat(50_000);
    TestSpanData span = TestSpanData.create();
    span.name(big);
    span.attributes(Attributes.builder().put("big", big).build());
    span.event(EventData.of("e", TestSpanData.DEFAULT_START_NANOS, Attributes.of("big", big), 0));
    Map<String, Object> json = only(span);
    assertThat((String) json.get("name")).isEqualTo(big);
    assertThat(tags(span)).containsEntry("big", big);
    assertMatchesExpected(span);
  }

  @Test
  void nonFiniteDoubles_areStringsEverywhere() {
    TestSpanData span = TestSpanData.create();
    span.attributes(RawAttributes.create().put("nan", Double.NaN).put("inf", Double.POSITIVE_INFINITY)
        .put("ninf", Double.NEGATIVE_INFINITY)
        .put("list", AttributeType.STRING_ARRAY, List.of(1.0, Double.NaN, Double.NEGATIVE_INFINITY)));
    span.event(EventData.of("e", TestSpanData.DEFAULT_START_NANOS, RawAttributes.create().put("v", Double.NaN), 0));
    assertThat(tags(span)).containsEntry("nan", "NaN").containsEntry("inf", "Infinity")
        .containsEntry("ninf", "-Infinity").containsEntry("list", "[1.0,\"NaN\",\"-Infinity\"]");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> annotations = (List<Map<String, Object>>) only(span).get("annotations");
    assertThat(annotations.get(0).get("value")).isEqualTo("\"e\":{\"v\":\"NaN\"}");
    assertMatchesExpected(span);
  }

  @Test
  void nullKeysAndValues_areSkippedInTags_andNullInEventJson() {
    TestSpanData span = TestSpanData.create();
    span.attributes(RawAttributes.create().put(null, "x").put("nullValue", null).put("kept", "y")
        .put("intValue", 7).put("odd", new StringBuilder("sb")).put("nested", List.of(List.of(1L), "s")));
    span.event(EventData.of(null, TestSpanData.DEFAULT_START_NANOS, RawAttributes.create().put(null, 1L).put("n", null), 0));
    assertThat(tags(span)).containsEntry("kept", "y").containsEntry("intValue", "7").containsEntry("odd", "sb")
        .containsEntry("nested", "[\"[1]\",\"s\"]").doesNotContainKey("nullValue");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> annotations = (List<Map<String, Object>>) only(span).get("annotations");
    assertThat(annotations.get(0).get("value")).isEqualTo("\"\":{\"n\":null}");
  }

  @Test
  void nullEventsAndNullAttributes_areTolerated() {
    TestSpanData span = TestSpanData.create();
    span.events(Arrays.asList(null, EventData.of("e", TestSpanData.DEFAULT_START_NANOS, null, 0)));
    span.attributes(null);
    span.event(null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> annotations = (List<Map<String, Object>>) only(span).get("annotations");
    assertThat(annotations).hasSize(1);
    span.events(null);
    assertThat(only(span)).doesNotContainKey("annotations");
  }

  @Test
  void repeatedEncodes_onOneThread_giveIdenticalIndependentArrays() {
    TestSpanData span = TestSpanData.create();
    span.event(EventData.of("e", TestSpanData.DEFAULT_START_NANOS, Attributes.of("k", "v"), 0));
    byte[] first = encoder.encode(List.of(span));
    byte[] second = encoder.encode(List.of(span));
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    // a huge batch in between must not leak into later bodies
    TestSpanData big = TestSpanData.create();
    big.name("y".repeat(3 << 20));
    encoder.encode(List.of(big));
    assertThat(encoder.encode(List.of(span))).isEqualTo(first);
  }

  @Test
  void concurrentEncodes_onManyThreads_giveTheirOwnResults() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        tasks.add(() -> {
          for (int i = 0; i < 500; i++) {
            TestSpanData span = TestSpanData.create();
            span.name("thread-" + id + "-" + i);
            span.attributes(Attributes.builder().put("i", (long) i).build());
            Map<String, Object> json = JsonTree.parseSpans(encoder.encode(List.of(span))).get(0);
            if (!span.name().equals(json.get("name"))) {
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
