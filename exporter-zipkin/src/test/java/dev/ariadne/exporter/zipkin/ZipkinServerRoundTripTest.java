package dev.ariadne.exporter.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.AttributeKey;
import dev.ariadne.api.Context;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.IdGenerator;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.BatchSpanProcessor;
import dev.ariadne.core.export.BatchStats;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.http.HttpExporterStats;
import dev.ariadne.testing.TestSpanData;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends real spans through {@link ZipkinExporter} to a real zipkin-server 3.6.1 and reads them
 * back through its query API, comparing every field with what was recorded. Fails, with the
 * server's log, when the server cannot start: it never skips.
 */
class ZipkinServerRoundTripTest {
  private static final Duration READ_DEADLINE = Duration.ofSeconds(20);
  private static ZipkinServer server;

  @BeforeAll
  static void startServer() throws IOException {
    server = ZipkinServer.start();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void exportedTrace_readsBackFromZipkin_withEveryField() throws Exception {
    InMemorySpanExporter recorded = InMemorySpanExporter.create();
    HttpExporter zipkin = ZipkinExporter.builder().endpoint(server.spansEndpoint()).build();
    Tracing tracing = Tracing.builder()
        .serviceName("Order-Service")
        .addSpanProcessor(SimpleSpanProcessor.create(recorded))
        .addSpanProcessor(BatchSpanProcessor.builder(zipkin).build())
        .build();
    recordOrderTrace(tracing.tracer("com.example.orders", "2.1.0"), tracing.tracer("plain-library"));
    assertThat(tracing.shutdown(Duration.ofSeconds(20))).isTrue();

    List<SpanData> spans = recorded.finishedSpans();
    assertThat(spans).hasSize(6);
    assertExportedAndStored(zipkin.stats(), spans);
  }

  @Test
  void sixtyFourBitTraceId_isStoredAndFoundUnderSixteenHexDigits() throws Exception {
    InMemorySpanExporter recorded = InMemorySpanExporter.create();
    HttpExporter zipkin = ZipkinExporter.builder().endpoint(server.spansEndpoint()).build();
    Tracing tracing = Tracing.builder()
        .serviceName("legacy-b3-service")
        .idGenerator(new SixtyFourBitIds())
        .addSpanProcessor(SimpleSpanProcessor.create(recorded))
        .addSpanProcessor(SimpleSpanProcessor.create(zipkin))
        .build();
    Tracer tracer = tracing.tracer("legacy");
    Span root = tracer.span("root").kind(SpanKind.SERVER).attribute("client.address", "10.9.8.7").start();
    try (Span child = tracer.span("child").parent(Context.current().with(root)).start()) {
      child.attribute("step", 1L);
    }
    root.end();
    assertThat(tracing.shutdown(Duration.ofSeconds(20))).isTrue();

    List<SpanData> spans = recorded.finishedSpans();
    assertThat(spans).hasSize(2);
    assertThat(spans.get(0).spanContext().traceIdHigh()).isZero();
    assertExportedAndStored(zipkin.stats(), spans);
  }

  @Test
  void spanWithAZeroId_isLeftOutAndCountedAsDropped_andZipkinStoresTheRest() throws Exception {
    HttpExporter zipkin = ZipkinExporter.builder().endpoint(server.spansEndpoint()).build();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(zipkin).build();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long traceIdLow = random.nextLong() | 1; // a trace of its own, never the zero id
    TestSpanData good = TestSpanData.create().name("kept")
        .context(TestSpanData.sampledContext(0x1234L, traceIdLow, 0x42L));
    TestSpanData noSpanId = TestSpanData.create().name("zero span id")
        .context(TestSpanData.sampledContext(0x1234L, traceIdLow, 0));

    processor.onEnd(good);
    processor.onEnd(noSpanId);
    assertThat(processor.shutdown().await(Duration.ofSeconds(20))).isTrue();

    BatchStats stats = processor.stats();
    assertThat(stats.exported()).as("%s", stats).isEqualTo(1);
    assertThat(stats.droppedByExporter()).as("%s", stats).isEqualTo(1);
    assertThat(stats.droppedExportFailed()).as("%s", stats).isZero();
    assertThat(zipkin.stats().droppedInvalidSpans()).isEqualTo(1);
    assertExportedAndStored(zipkin.stats(), List.of(good));
  }

  /** Six spans covering every kind, remote-endpoint source, attribute type, events, status and odd text. */
  private static void recordOrderTrace(Tracer tracer, Tracer plainTracer) {
    Span root = tracer.span("GET /Orders/{id}").kind(SpanKind.SERVER)
        .attribute("http.request.method", "GET").attribute("http.response.status_code", 200L)
        .attribute("client.address", "192.168.1.20").attribute("client.port", 51234L)
        .attribute("server.address", "orders.example.com")
        .start();
    Context parent = Context.current().with(root);
    root.event("request received", Attributes.builder().put("bytes", 512L).put("tls", true).build());

    try (Span db = tracer.span("SELECT orders").parent(parent).kind(SpanKind.CLIENT).start()) {
      db.attribute("peer.service", "Orders-DB").attribute("network.peer.address", "10.0.0.5")
          .attribute("network.peer.port", 5432L).attribute("db.system", "postgresql")
          .attribute(AttributeKey.stringArrayKey("db.tables"), List.of("orders", "order_lines"))
          .event("retry", Attributes.builder().put("attempt", 2L).put("reason", "lock \"orders\" – délai").build())
          .status(StatusCode.ERROR, "database save timed out after 3 s");
    }
    try (Span send = tracer.span("send order.created").parent(parent).kind(SpanKind.PRODUCER).start()) {
      send.attribute("server.address", "Kafka.internal").attribute("server.port", 9092L)
          .attribute("network.peer.address", "2001:db8::5")
          .attribute(AttributeKey.longArrayKey("partitions"), List.of(0L, 3L, -1L));
    }
    try (Span compute = tracer.span("compute Grüße 🚀").parent(parent).start()) {
      compute.attribute("ratio", 0.125).attribute("huge", Long.MAX_VALUE).attribute("flag", false)
          .attribute("text", "line1\nline2\t\"quoted\" \\ \u0001 世界 \uD800 lone")
          .attribute("long.text", "ab".repeat(20_000))
          .attribute(AttributeKey.doubleArrayKey("weights"), List.of(0.5, 1e-7, 3.0))
          .attribute(AttributeKey.booleanArrayKey("bits"), List.of(true, false))
          .attribute("error", false)
          .event("checkpoint")
          .event("phase done", Attributes.builder().put(AttributeKey.stringArrayKey("steps"), List.of("a", "b")).build())
          .status(StatusCode.OK);
    }
    try (Span consume = plainTracer.span("handle reply").parent(parent).kind(SpanKind.CONSUMER).start()) {
      consume.attribute("messaging.system", "kafka").status(StatusCode.ERROR);
    }
    try (Span client = tracer.span("call payments").parent(parent).kind(SpanKind.CLIENT).start()) {
      client.attribute("server.address", "payments.internal").attribute("server.port", 443L);
    }
    root.end();
  }

  private static void assertExportedAndStored(HttpExporterStats stats, List<SpanData> spans) throws Exception {
    assertThat(stats.exportedSpans()).as("%s", stats).isEqualTo(spans.size());
    assertThat(stats.failedSpans()).as("%s", stats).isZero();

    Map<String, Map<String, Object>> expectedById = new LinkedHashMap<>();
    String traceId = null;
    for (SpanData span : spans) {
      Map<String, Object> expected = ExpectedZipkin.of(span);
      expectedById.put((String) expected.get("id"), expected);
      traceId = (String) expected.get("traceId");
    }
    List<Map<String, Object>> stored = readTrace(traceId, spans.size());
    assertThat(stored).extracting(s -> s.get("id")).containsExactlyInAnyOrderElementsOf(expectedById.keySet());
    for (Map<String, Object> actual : stored) {
      Map<String, Object> expected = ExpectedZipkin.asStoredByZipkin(expectedById.get((String) actual.get("id")));
      Map<String, Object> normalized = ExpectedZipkin.normalize(sortAnnotations(actual), expected);
      assertThat(normalized).as("span %s as stored by Zipkin", actual.get("id")).isEqualTo(expected);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sortAnnotations(Map<String, Object> span) {
    if (!(span.get("annotations") instanceof List)) {
      return span;
    }
    Map<String, Object> copy = new LinkedHashMap<>(span);
    copy.put("annotations", ExpectedZipkin.sortedAnnotations((List<Object>) span.get("annotations")));
    return copy;
  }

  /** Polls the query API until all {@code count} spans of the trace are there, or fails at the deadline. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> readTrace(String traceId, int count) throws IOException {
    long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
    String last = "nothing";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = server.get("/api/v2/trace/" + traceId);
      last = response.statusCode() + " " + response.body();
      if (response.statusCode() == 200) {
        List<Map<String, Object>> spans = (List<Map<String, Object>>) JsonTree.parse(response.body());
        if (spans.size() >= count) {
          return spans;
        }
      }
      ZipkinServer.pause();
    }
    throw new AssertionError("trace " + traceId + " did not reach " + count + " spans within " + READ_DEADLINE
        + "; last answer: " + last + "\nserver log:\n" + server.log());
  }

  /** Trace ids whose high half is zero, as 64-bit B3 or Jaeger peers create them. */
  private static final class SixtyFourBitIds implements IdGenerator {
    @Override
    public long newSpanId() {
      return nonZero();
    }

    @Override
    public long newTraceIdHigh() {
      return 0;
    }

    @Override
    public long newTraceIdLow() {
      return nonZero();
    }

    private static long nonZero() {
      long id;
      do {
        id = ThreadLocalRandom.current().nextLong();
      } while (id == 0);
      return id;
    }
  }
}
