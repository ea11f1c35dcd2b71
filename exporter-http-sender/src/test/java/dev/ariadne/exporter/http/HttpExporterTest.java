package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.BatchSpanProcessor;
import dev.ariadne.core.export.BatchStats;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.exporter.http.RecordingServer.Answer;
import dev.ariadne.exporter.http.RecordingServer.Received;
import dev.ariadne.exporter.http.TestSpans.LineEncoder;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpExporterTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private RecordingServer server;
  private final List<HttpExporter> exporters = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = new RecordingServer();
  }

  @AfterEach
  void stop() {
    exporters.forEach(HttpExporter::close);
    server.close();
  }

  private HttpExporter.Builder builder() {
    return HttpExporter.builder("test", new LineEncoder(0, false))
        .endpoint(server.url("/api/spans"))
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(40));
  }

  private HttpExporter build(HttpExporter.Builder builder) {
    HttpExporter exporter = builder.build();
    exporters.add(exporter);
    return exporter;
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static void assertAccounted(HttpExporterStats stats, long given) {
    assertThat(stats.exportedSpans() + stats.failedSpans() + stats.droppedTooLargeSpans()
        + stats.droppedInvalidSpans() + stats.pendingSpans())
        .as("every span given is exported, failed, dropped or pending: %s", stats)
        .isEqualTo(given);
  }

  /**
   * One line per span like {@link LineEncoder}, but a span named "huge..." gets 2000 bytes of
   * padding (over a 1024-byte limit) and a span named "bad..." is one the format cannot carry.
   */
  private static final class PickyEncoder implements SpanEncoder {
    @Override
    public String contentType() {
      return "text/plain; charset=utf-8";
    }

    @Override
    public byte[] encode(List<SpanData> spans) {
      StringBuilder out = new StringBuilder();
      for (SpanData span : spans) {
        out.append(span.name()).append(span.name().startsWith("huge") ? ".".repeat(2000) : "").append('\n');
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean canEncode(SpanData span) {
      return !span.name().startsWith("bad");
    }
  }

  private static List<String> receivedLines(RecordingServer server) {
    List<String> lines = new ArrayList<>();
    server.received().forEach(r -> lines.addAll(List.of(text(r.body()).split("\n"))));
    return lines;
  }

  @Test
  void accepted_postsTheEncodedBodyWithContentTypeAndHeaders() throws Exception {
    HttpExporter exporter = build(builder().bearerToken("s3cret").header("X-Tenant", "blue"));
    List<SpanData> spans = TestSpans.spans(3, "checkout");

    ExportResult result = exporter.export(spans);

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    Received r = server.received().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/api/spans");
    assertThat(r.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
    assertThat(r.header("Authorization")).isEqualTo("Bearer s3cret");
    assertThat(r.header("X-Tenant")).isEqualTo("blue");
    assertThat(r.header("Content-Encoding")).isNull();
    assertThat(text(r.body())).isEqualTo("checkout/span-0\ncheckout/span-1\ncheckout/span-2\n");
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.exportedSpans()).isEqualTo(3);
    assertThat(stats.requests()).isEqualTo(1);
    assertThat(stats.retries()).isZero();
    assertThat(stats.failedRequests()).isZero();
    assertThat(stats.bytesSent()).isEqualTo(r.body().length);
    assertAccounted(stats, 3);
  }

  @Test
  void basicAuth_sendsBase64OfUserAndPassword() throws Exception {
    HttpExporter exporter = build(builder().basicAuth("ariadne", "pä:ss"));

    assertThat(exporter.export(TestSpans.spans(1, "s")).await(WAIT)).isTrue();

    assertThat(server.received().get(0).header("Authorization"))
        .isEqualTo("Basic " + java.util.Base64.getEncoder()
            .encodeToString("ariadne:pä:ss".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void unavailableThenAccepted_retriesAndExports() {
    server.then(Answer.of(503)).then(Answer.of(200));
    HttpExporter exporter = build(builder());

    ExportResult result = exporter.export(TestSpans.spans(2, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.requests()).isEqualTo(2);
    assertThat(stats.retries()).isEqualTo(1);
    assertThat(stats.failedRequests()).isEqualTo(1);
    assertThat(stats.exportedSpans()).isEqualTo(2);
    assertThat(stats.failedSpans()).isZero();
    assertThat(server.received()).extracting(r -> text(r.body())).containsOnly("s/span-0\ns/span-1\n");
    assertAccounted(stats, 2);
  }

  @Test
  void everyRetryableStatus_isRetried() {
    for (int status : new int[] {429, 502, 503, 504}) {
      server.then(Answer.of(status)).then(Answer.of(202));
    }
    HttpExporter exporter = build(builder());

    for (int i = 0; i < 4; i++) {
      ExportResult result = exporter.export(TestSpans.spans(1, "s"));
      assertThat(result.await(WAIT)).isTrue();
      assertThat(result.isSuccess()).as("export %d", i).isTrue();
    }

    assertThat(exporter.stats().retries()).isEqualTo(4);
    assertThat(exporter.stats().exportedSpans()).isEqualTo(4);
  }

  @Test
  void tooManyRequestsWithRetryAfter_waitsAsAsked() throws Exception {
    server.then(new Answer(429, Map.of("Retry-After", "1"), null)).then(Answer.of(200));
    HttpExporter exporter = build(builder());

    ExportResult result = exporter.export(TestSpans.spans(1, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    Received first = server.next();
    Received second = server.next();
    // a lower bound only: the retry cannot come earlier than the receiver asked (backoff alone is <= 40 ms)
    assertThat(Duration.ofNanos(second.nanoTime() - first.nanoTime())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(exporter.stats().retries()).isEqualTo(1);
  }

  @Test
  void retryAfterBeyondMaxRetryTime_givesUpAtOnce() {
    server.then(new Answer(503, Map.of("Retry-After", "3600"), null));
    HttpExporter exporter = build(builder().maxRetryTime(Duration.ofSeconds(5)));

    ExportResult result = exporter.export(TestSpans.spans(2, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failureCause()).isInstanceOf(HttpExportException.class)
        .hasMessageContaining("maxRetryTime");
    assertThat(((HttpExportException) result.failureCause()).statusCode()).isEqualTo(503);
    assertThat(exporter.stats().requests()).isEqualTo(1);
    assertThat(exporter.stats().failedSpans()).isEqualTo(2);
    assertAccounted(exporter.stats(), 2);
  }

  @Test
  void badRequest_isNotRetried() {
    server.otherwise(Answer.of(400));
    HttpExporter exporter = build(builder());

    ExportResult result = exporter.export(TestSpans.spans(3, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(((HttpExportException) result.failureCause()).statusCode()).isEqualTo(400);
    assertThat(result.failureCause()).hasMessageContaining("HTTP 400").hasMessageContaining("not retried");
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.requests()).isEqualTo(1);
    assertThat(stats.retries()).isZero();
    assertThat(stats.failedRequests()).isEqualTo(1);
    assertThat(stats.failedSpans()).isEqualTo(3);
    assertAccounted(stats, 3);
  }

  @Test
  void alwaysUnavailable_stopsAtMaxAttempts() {
    server.otherwise(Answer.of(503));
    HttpExporter exporter = build(builder().maxAttempts(3));

    ExportResult result = exporter.export(TestSpans.spans(1, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failureCause()).hasMessageContaining("after 3 attempts");
    assertThat(exporter.stats().requests()).isEqualTo(3);
    assertThat(exporter.stats().retries()).isEqualTo(2);
    assertThat(exporter.stats().failedSpans()).isEqualTo(1);
  }

  @Test
  void alwaysUnavailable_stopsWhenMaxRetryTimeRunsOut() {
    server.otherwise(Answer.of(503));
    HttpExporter exporter = build(builder().maxAttempts(1000).initialBackoff(Duration.ofMillis(50))
        .maxBackoff(Duration.ofMillis(100)).maxRetryTime(Duration.ofMillis(600)));

    ExportResult result = exporter.export(TestSpans.spans(1, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failureCause()).hasMessageContaining("maxRetryTime");
    // waits of at least 25 ms each in 600 ms: far fewer than maxAttempts
    assertThat(exporter.stats().requests()).isBetween(2L, 25L);
  }

  @Test
  void serverThatHangs_timesOutEachAttemptAndFails() {
    CountDownLatch never = new CountDownLatch(1);
    server.otherwise(new Answer(200, Map.of(), never));
    HttpExporter exporter = build(builder().timeout(Duration.ofMillis(300)).maxAttempts(2));
    try {
      ExportResult result = exporter.export(TestSpans.spans(2, "s"));

      assertThat(result.await(WAIT)).isTrue();
      assertThat(result.isSuccess()).isFalse();
      assertThat(result.failureCause()).hasMessageContaining("no answer from").hasMessageContaining("within 300 ms");
      HttpExporterStats stats = exporter.stats();
      assertThat(stats.requests()).isEqualTo(2);
      assertThat(stats.failedRequests()).isEqualTo(2);
      assertThat(stats.failedSpans()).isEqualTo(2);
      assertAccounted(stats, 2);
    } finally {
      never.countDown();
    }
  }

  @Test
  void connectionRefused_retriesThenFails() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    HttpExporter exporter = build(builder().endpoint("http://127.0.0.1:" + closedPort + "/api/spans").maxAttempts(3));

    ExportResult result = exporter.export(TestSpans.spans(4, "s"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(((HttpExportException) result.failureCause()).statusCode()).isZero();
    assertThat(result.failureCause()).hasMessageContaining("could not connect to http://127.0.0.1:" + closedPort)
        .hasMessageContaining("after 3 attempts");
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.requests()).isEqualTo(3);
    assertThat(stats.retries()).isEqualTo(2);
    assertThat(stats.failedSpans()).isEqualTo(4);
    assertAccounted(stats, 4);
  }

  @Test
  void slowServer_exportReturnsAtOnceAndCompletesWhenAnswered() throws Exception {
    CountDownLatch answer = new CountDownLatch(1);
    server.then(new Answer(202, Map.of(), answer));
    HttpExporter exporter = build(builder());

    ExportResult result = exporter.export(TestSpans.spans(2, "s"));
    server.next(); // the request is at the server, which holds its answer

    assertThat(result.isDone()).isFalse();
    assertThat(exporter.stats().pendingSpans()).isEqualTo(2);
    answer.countDown();
    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(exporter.stats().exportedSpans()).isEqualTo(2);
    assertThat(exporter.stats().pendingSpans()).isZero();
  }

  @Test
  void gzip_compressesTheBodyAndSaysSo() {
    HttpExporter exporter = build(builder().gzip(true));
    List<SpanData> spans = TestSpans.spans(50, "compressible");

    assertThat(exporter.export(spans).await(WAIT)).isTrue();

    Received r = server.received().get(0);
    assertThat(r.header("Content-Encoding")).isEqualTo("gzip");
    byte[] plain = new LineEncoder(0, false).encode(spans);
    assertThat(r.body()).isEqualTo(plain); // the server stand-in unzipped it
    assertThat(exporter.stats().bytesSent()).isLessThan(plain.length);
  }

  @Test
  void bigBatch_isSplitSoEveryBodyFitsAndEverySpanArrivesOnce() {
    HttpExporter exporter = build(HttpExporter.builder("test", new LineEncoder(290, false))
        .endpoint(server.url("/")).maxPayloadBytes(1024));
    List<SpanData> spans = TestSpans.spans(10, "s");

    ExportResult result = exporter.export(spans);

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(server.received()).allSatisfy(r -> assertThat(r.body().length).isLessThanOrEqualTo(1024));
    List<String> lines = new ArrayList<>();
    server.received().forEach(r -> lines.addAll(List.of(text(r.body()).split("\n"))));
    assertThat(lines).hasSize(10).doesNotHaveDuplicates();
    assertThat(exporter.stats().requests()).isEqualTo(server.received().size()).isGreaterThanOrEqualTo(4);
    assertThat(exporter.stats().exportedSpans()).isEqualTo(10);
  }

  @Test
  void spanLargerThanThePayloadLimit_isDroppedAndCounted() {
    HttpExporter exporter = build(HttpExporter.builder("test", new LineEncoder(2000, false))
        .endpoint(server.url("/")).maxPayloadBytes(1024));

    ExportResult result = exporter.export(TestSpans.spans(3, "s"));

    assertThat(result.await(WAIT)).isTrue();
    // nothing failed to send; every span of the batch was dropped, and the result says so
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.droppedSpans()).isEqualTo(3);
    assertThat(server.received()).isEmpty();
    assertThat(exporter.stats().droppedTooLargeSpans()).isEqualTo(3);
    assertThat(exporter.stats().exportedSpans()).isZero();
    assertAccounted(exporter.stats(), 3);
  }

  @Test
  void oneSpanTooLarge_theRestIsSent_andTheExportResultCountsTheDrop() {
    HttpExporter exporter = build(HttpExporter.builder("test", new PickyEncoder())
        .endpoint(server.url("/")).maxPayloadBytes(1024));

    ExportResult result = exporter.export(TestSpans.named("s", "a", "b", "huge", "c", "d"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.droppedSpans()).isEqualTo(1);
    assertThat(receivedLines(server)).containsExactlyInAnyOrder("a", "b", "c", "d");
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.exportedSpans()).isEqualTo(4);
    assertThat(stats.droppedTooLargeSpans()).isEqualTo(1);
    assertAccounted(stats, 5);
  }

  @Test
  void tooLargeSpanUnderABatchProcessor_isCountedAsDroppedByExporter_notAsExported() {
    HttpExporter exporter = build(HttpExporter.builder("test", new PickyEncoder())
        .endpoint(server.url("/")).maxPayloadBytes(1024));
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(Duration.ofHours(1)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.tracer("test");
    for (int i = 0; i < 9; i++) {
      tracer.span("span-" + i).start().end();
    }
    tracer.span("huge").start().end();

    assertThat(tracing.forceFlush(WAIT)).as("a dropped span does not fail the flush").isTrue();

    BatchStats stats = processor.stats();
    assertThat(stats.ended()).isEqualTo(10);
    assertThat(stats.exported()).isEqualTo(9);
    assertThat(stats.droppedByExporter()).isEqualTo(1);
    assertThat(stats.droppedExportFailed()).isZero();
    assertThat(stats.pending()).isZero();
    assertThat(stats.ended()).isEqualTo(stats.exported() + stats.droppedQueueFull() + stats.droppedExportFailed()
        + stats.droppedByExporter() + stats.droppedShutdown() + stats.pending());
    assertThat(exporter.stats().exportedSpans()).isEqualTo(stats.exported());
    assertThat(exporter.stats().droppedTooLargeSpans()).isEqualTo(stats.droppedByExporter());
    assertThat(receivedLines(server)).hasSize(9).doesNotContain("huge");
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void aSplitBatchWhoseFirstBodyFails_countsOnlyThatBodysSpansAsFailed_inTheBatchProcessor() {
    server.then(Answer.of(400)).then(Answer.of(200));
    // ten ~170-byte lines are over 1024 bytes, five are not: two bodies of five spans
    HttpExporter exporter = build(HttpExporter.builder("test", new LineEncoder(150, false))
        .endpoint(server.url("/")).maxPayloadBytes(1024));
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(Duration.ofHours(1)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.tracer("test");
    for (int i = 0; i < 10; i++) {
      tracer.span("span-" + i).start().end();
    }

    assertThat(tracing.forceFlush(WAIT)).as("a failed body fails the flush").isFalse();

    BatchStats stats = processor.stats();
    assertThat(exporter.stats().requests()).isEqualTo(2);
    assertThat(stats.exported()).isEqualTo(5);
    assertThat(stats.droppedExportFailed()).isEqualTo(5);
    assertThat(stats.failedBatches()).isEqualTo(1);
    assertThat(exporter.stats().exportedSpans()).isEqualTo(stats.exported());
    assertThat(exporter.stats().failedSpans()).isEqualTo(stats.droppedExportFailed());
    assertThat(stats.ended()).isEqualTo(stats.exported() + stats.droppedQueueFull() + stats.droppedExportFailed()
        + stats.droppedByExporter() + stats.droppedShutdown() + stats.pending());
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void spansTheEncoderCannotWrite_areLeftOutCounted_andReportedInTheResult() {
    HttpExporter exporter = build(HttpExporter.builder("test", new PickyEncoder()).endpoint(server.url("/")));

    ExportResult result = exporter.export(TestSpans.named("s", "a", "bad-1", "b", "bad-2"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.droppedSpans()).isEqualTo(2);
    assertThat(receivedLines(server)).containsExactly("a", "b");
    HttpExporterStats stats = exporter.stats();
    assertThat(stats.droppedInvalidSpans()).isEqualTo(2);
    assertThat(stats.exportedSpans()).isEqualTo(2);
    assertAccounted(stats, 4);
  }

  @Test
  void batchOfOnlySpansTheEncoderCannotWrite_sendsNothing_andCountsThemAll() {
    HttpExporter exporter = build(HttpExporter.builder("test", new PickyEncoder()).endpoint(server.url("/")));

    ExportResult result = exporter.export(TestSpans.named("s", "bad-1", "bad-2"));

    assertThat(result.isDone()).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.droppedSpans()).isEqualTo(2);
    assertThat(exporter.stats().requests()).isZero();
    assertThat(exporter.stats().droppedInvalidSpans()).isEqualTo(2);
    assertAccounted(exporter.stats(), 2);
  }

  @Test
  void tooLargeSpanInAnExportWhoseBodyFails_failsTheSentSpans_andStillCountsTheDrop() {
    server.otherwise(Answer.of(400));
    HttpExporter exporter = build(HttpExporter.builder("test", new PickyEncoder())
        .endpoint(server.url("/")).maxPayloadBytes(1024));

    ExportResult result = exporter.export(TestSpans.named("s", "a", "huge", "b"));

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failedSpans()).isEqualTo(2);
    assertThat(result.droppedSpans()).isEqualTo(1);
    assertThat(exporter.stats().droppedTooLargeSpans()).isEqualTo(1);
    assertThat(exporter.stats().failedSpans()).isEqualTo(2);
    assertAccounted(exporter.stats(), 3);
  }

  @Test
  void oneResourcePerBody_sendsABodyPerService() {
    HttpExporter exporter = build(HttpExporter.builder("test", new LineEncoder(0, true)).endpoint(server.url("/")));
    List<SpanData> spans = new ArrayList<>(TestSpans.spans(2, "payment"));
    spans.addAll(TestSpans.spans(1, "order"));
    spans.add(TestSpans.spans(3, "payment").get(2));

    assertThat(exporter.export(spans).await(WAIT)).isTrue();

    assertThat(server.received()).extracting(r -> text(r.body()))
        .containsExactlyInAnyOrder("payment/span-0\npayment/span-1\npayment/span-2\n", "order/span-0\n");
    assertThat(exporter.stats().exportedSpans()).isEqualTo(4);
  }

  @Test
  void encoderThatThrows_failsTheExportAndCountsWithoutThrowing() {
    SpanEncoder broken = new SpanEncoder() {
      @Override
      public String contentType() {
        return "application/json";
      }

      @Override
      public byte[] encode(List<SpanData> spans) {
        throw new IllegalStateException("boom");
      }
    };
    HttpExporter exporter = build(HttpExporter.builder("test", broken).endpoint(server.url("/")));

    ExportResult result = exporter.export(TestSpans.spans(2, "s"));

    assertThat(result.isDone()).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(exporter.stats().failedSpans()).isEqualTo(2);
    assertThat(server.received()).isEmpty();
  }

  @Test
  void shutdownWhileARetryWaits_givesUpAtOnceAndCounts() throws Exception {
    server.otherwise(Answer.of(503));
    HttpExporter exporter = build(builder().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(5)));
    ExportResult result = exporter.export(TestSpans.spans(2, "s"));
    server.next();
    awaitCondition(() -> exporter.stats().failedRequests() == 1);

    ExportResult shutdown = exporter.shutdown();

    assertThat(shutdown.await(Duration.ofSeconds(2))).isTrue();
    assertThat(result.await(Duration.ofSeconds(2))).isTrue();
    assertThat(result.isSuccess()).isFalse();
    assertThat(result.failureCause()).hasMessageContaining("shut down");
    assertThat(exporter.stats().failedSpans()).isEqualTo(2);
    assertThat(exporter.stats().requests()).isEqualTo(1);
    assertAccounted(exporter.stats(), 2);
  }

  @Test
  void exportAfterShutdown_failsAndCounts() {
    HttpExporter exporter = build(builder());
    assertThat(exporter.shutdown().await(WAIT)).isTrue();

    ExportResult result = exporter.export(TestSpans.spans(2, "s"));

    assertThat(result.isSuccess()).isFalse();
    assertThat(exporter.stats().failedSpans()).isEqualTo(2);
    assertThat(exporter.shutdown().isDone()).isTrue(); // idempotent
    assertThat(exporter.flush().await(WAIT)).isTrue();
  }

  @Test
  void flush_completesAfterTheQueuedRequests() {
    CountDownLatch answer = new CountDownLatch(1);
    server.then(new Answer(202, Map.of(), answer));
    HttpExporter exporter = build(builder());
    ExportResult export = exporter.export(TestSpans.spans(1, "s"));

    ExportResult flush = exporter.flush();

    assertThat(flush.isDone()).isFalse();
    answer.countDown();
    assertThat(flush.await(WAIT)).isTrue();
    assertThat(export.isSuccess()).isTrue();
  }

  @Test
  void emptyOrNullBatch_succeedsWithoutARequest() {
    HttpExporter exporter = build(builder());

    assertThat(exporter.export(List.of()).isSuccess()).isTrue();
    assertThat(exporter.export(null).isSuccess()).isTrue();
    assertThat(exporter.stats().requests()).isZero();
  }

  @Test
  void toString_hidesUserInfoAndQuery() {
    HttpExporter exporter = build(HttpExporter.builder("test", new LineEncoder(0, false))
        .endpoint("http://user:pw@127.0.0.1:1/v1/traces?api_key=k"));

    assertThat(exporter.toString()).isEqualTo("HttpExporter{test -> http://127.0.0.1:1/v1/traces}");
  }

  private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(5); // polling a condition with a deadline, not timing
    }
  }
}
