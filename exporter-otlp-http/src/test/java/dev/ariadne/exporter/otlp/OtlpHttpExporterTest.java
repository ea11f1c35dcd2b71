package dev.ariadne.exporter.otlp;

import static dev.ariadne.exporter.otlp.OtlpAssertions.assertRequestMatches;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.exporter.http.HttpExporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtlpHttpExporterTest {
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private HttpServer server;

  /** One request as the collector saw it. */
  record Received(String method, String path, String contentType, String contentEncoding, byte[] body) {}

  @BeforeEach
  void startCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stopCollector() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          exchange.getRequestHeaders().getFirst("Content-Type"),
          exchange.getRequestHeaders().getFirst("Content-Encoding"), in.readAllBytes()));
    }
    byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
  }

  @Test
  void builder_defaultsToTheLocalCollectorsTracesUrl() {
    assertThat(OtlpHttpExporter.DEFAULT_ENDPOINT).isEqualTo("http://localhost:4318/v1/traces");
    HttpExporter exporter = OtlpHttpExporter.builder().build();
    try {
      assertThat(exporter.toString()).contains("localhost:4318/v1/traces");
    } finally {
      exporter.shutdown();
    }
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void exporter_postsOtlpJsonToV1Traces(boolean gzip) throws Exception {
    List<SpanData> spans = RandomSpans.batch(new Random(11), 50);
    HttpExporter exporter = OtlpHttpExporter.builder().endpoint(endpoint()).gzip(gzip).build();
    try {
      ExportResult result = exporter.export(spans);

      assertThat(result.await(Duration.ofSeconds(20))).as("export completed").isTrue();
      assertThat(result.isSuccess()).as("export succeeded: %s", result.failureCause()).isTrue();
      Received request = received.poll(20, TimeUnit.SECONDS);
      assertThat(request).isNotNull();
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path()).isEqualTo("/v1/traces");
      assertThat(request.contentType()).isEqualTo("application/json");
      assertThat(request.contentEncoding()).isEqualTo(gzip ? "gzip" : null);
      byte[] body = gzip ? gunzip(request.body()) : request.body();
      assertRequestMatches(OtlpJson.parse(body), spans);
      assertThat(exporter.stats().exportedSpans()).isEqualTo(50);
      assertThat(exporter.stats().requests()).isEqualTo(1);
    } finally {
      exporter.shutdown().await(Duration.ofSeconds(10));
    }
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
