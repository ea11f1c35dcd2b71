package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.exporter.http.RecordingServer.Answer;
import dev.ariadne.exporter.http.TestSpans.LineEncoder;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What a user reads when the exporter gives a body up: one WARN line in plain words that says what
 * to check, the same text in the export's failure, and the stack trace at DEBUG only.
 */
class GiveUpMessageTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Logger logger = (Logger) LoggerFactory.getLogger(HttpExporter.class);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private Level levelBefore;
  private RecordingServer server;

  @BeforeEach
  void capture() throws Exception {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false); // the DEBUG stack traces are for the list, not the build's console
    log.start();
    logger.addAppender(log);
    server = new RecordingServer();
  }

  @AfterEach
  void release() {
    server.close();
    logger.detachAppender(log);
    logger.setAdditive(true);
    logger.setLevel(levelBefore);
  }

  private static HttpExporter.Builder builder(String endpoint) {
    return HttpExporter.builder("test", new LineEncoder(0, false))
        .endpoint(endpoint)
        .initialBackoff(Duration.ofMillis(10))
        .maxBackoff(Duration.ofMillis(20))
        .maxAttempts(2);
  }

  /** Exports {@code spans} spans, waits for the outcome, and returns it; it must have failed. */
  private static ExportResult failedExport(HttpExporter exporter, int spans) {
    ExportResult result = exporter.export(TestSpans.spans(spans, "s"));
    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isFalse();
    return result;
  }

  private List<ILoggingEvent> events(Level level) {
    return log.list.stream().filter(e -> e.getLevel() == level).toList();
  }

  /** The one WARN line, checked to carry no stack trace. */
  private String theWarning() {
    List<ILoggingEvent> warnings = events(Level.WARN);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getThrowableProxy()).as("no stack trace at WARN").isNull();
    String line = warnings.get(0).getFormattedMessage();
    assertThat(line).doesNotContain("\n", "\r");
    return line;
  }

  @Test
  void connectionRefused_isOnePlainLineNamingTheEndpointWithoutSecrets_andTheStackTraceIsAtDebug() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String safe = "http://127.0.0.1:" + closedPort + "/api/spans";
    try (HttpExporter exporter = builder(safe + "?api_key=s3cret").build()) {
      ExportResult result = failedExport(exporter, 4);

      String why = "could not connect to " + safe
          + " (connection refused: is the collector running and reachable?); gave up after 2 attempts (maxAttempts 2)";
      assertThat(theWarning())
          .isEqualTo("test exporter dropped 4 spans: " + why + " (counted in stats().failedSpans())");
      assertThat(result.failureCause()).isInstanceOf(HttpExportException.class).hasMessage(why)
          .hasCauseInstanceOf(ConnectException.class);
      List<ILoggingEvent> debug = events(Level.DEBUG);
      assertThat(debug).hasSize(1);
      assertThat(debug.get(0).getThrowableProxy()).isNotNull();
      assertThat(debug.get(0).getThrowableProxy().getClassName()).isEqualTo(ConnectException.class.getName());
      assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).noneMatch(m -> m.contains("s3cret"));
    }
  }

  @Test
  void badRequestWithATextBody_showsTheStatusAndTheStartOfTheBody_asPrintableAscii() {
    String body = "invalid span:\r\n\u001b[31mtraceId\u001b[0m must be 32 hex digits, café " + "x".repeat(300);
    server.otherwise(new Answer(400, Map.of("Content-Type", "text/plain; charset=utf-8"), null,
        body.getBytes(StandardCharsets.UTF_8)));
    try (HttpExporter exporter = builder(server.url("/api/spans")).build()) {
      ExportResult result = failedExport(exporter, 3);

      String shown = "invalid span: [31mtraceId [0m must be 32 hex digits, caf? ";
      shown = shown + "x".repeat(200 - shown.length()) + "...";
      String why = server.url("/api/spans") + " answered HTTP 400: " + shown + "; not retried";
      assertThat(theWarning()).isEqualTo("test exporter dropped 3 spans: " + why
          + " (counted in stats().failedSpans())");
      assertThat(result.failureCause()).hasMessage(why);
      assertThat(((HttpExportException) result.failureCause()).statusCode()).isEqualTo(400);
      assertThat(events(Level.DEBUG)).as("no exception, so no stack trace at all").isEmpty();
    }
  }

  @Test
  void badRequestWithABinaryBody_showsOnlyTheStatus() {
    server.otherwise(new Answer(400, Map.of("Content-Type", "application/x-protobuf"), null,
        new byte[] {0x0a, 0x05, 'h', 'e', 'l', 'l', 'o', 0x1b, 0x00}));
    try (HttpExporter exporter = builder(server.url("/v1/traces")).build()) {
      ExportResult result = failedExport(exporter, 1);

      assertThat(result.failureCause()).hasMessage(server.url("/v1/traces") + " answered HTTP 400; not retried");
      assertThat(theWarning()).contains("answered HTTP 400; not retried");
    }
  }

  @Test
  void serverThatNeverAnswers_saysNoAnswerWithinTheTimeout() {
    CountDownLatch never = new CountDownLatch(1);
    server.otherwise(new Answer(200, Map.of(), never));
    try (HttpExporter exporter = builder(server.url("/api/spans")).timeout(Duration.ofMillis(300)).build()) {
      ExportResult result = failedExport(exporter, 2);

      String why = "no answer from " + server.url("/api/spans")
          + " within 300 ms (timeout; is the collector overloaded?); gave up after 2 attempts (maxAttempts 2)";
      assertThat(theWarning()).isEqualTo("test exporter dropped 2 spans: " + why
          + " (counted in stats().failedSpans())");
      assertThat(result.failureCause()).hasMessage(why);
      assertThat(events(Level.DEBUG)).singleElement()
          .satisfies(e -> assertThat(e.getThrowableProxy().getClassName()).endsWith("HttpTimeoutException"));
    } finally {
      never.countDown();
    }
  }

  @Test
  void warningsStayThrottled_whileEveryFailureIsCounted() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (HttpExporter exporter = builder("http://127.0.0.1:" + closedPort + "/").maxAttempts(1).build()) {
      for (int i = 0; i < 3; i++) {
        failedExport(exporter, 1);
      }

      assertThat(events(Level.WARN)).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
          .startsWith("test exporter dropped 1 span: could not connect to ")
          .contains("; gave up after 1 attempt (maxAttempts 1)"));
      assertThat(exporter.stats().failedSpans()).isEqualTo(3);
    }
  }

  @Test
  void textIsWrittenForPeople() {
    assertThat(HttpExporter.printable("  a\n\tb\u0000c ", 10)).isEqualTo("a b c");
    assertThat(HttpExporter.printable("abcdefghijk", 10)).isEqualTo("abcdefghij...");
    assertThat(HttpExporter.printable("abcdefghij   ", 10)).isEqualTo("abcdefghij");
    assertThat(HttpExporter.isText(null)).isTrue();
    assertThat(HttpExporter.isText("application/json")).isTrue();
    assertThat(HttpExporter.isText("text/html; charset=utf-8")).isTrue();
    assertThat(HttpExporter.isText("application/x-protobuf")).isFalse();
  }
}
