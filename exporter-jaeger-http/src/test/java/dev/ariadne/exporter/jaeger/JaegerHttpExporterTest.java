package dev.ariadne.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.testing.TestSpanData;
import io.jaegertracing.thriftjava.Batch;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JaegerHttpExporterTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** One request as the collector saw it. */
  private static final class Received {
    final String method;
    final String path;
    final String contentType;
    final byte[] body;

    Received(String method, String path, String contentType, byte[] body) {
      this.method = method;
      this.path = path;
      this.contentType = contentType;
      this.body = body;
    }
  }

  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private HttpServer server;
  private HttpExporter exporter;

  @BeforeEach
  void startCollector() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
      }
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown().await(WAIT);
    }
    server.stop(0);
  }

  private String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/traces";
  }

  private static TestSpanData span(long id, String service) {
    TestSpanData span = TestSpanData.of(SpanContext.create(0L, 77L, id, TraceFlags.SAMPLED, TraceState.empty()));
    span.resource(Resource.of(Attributes.of("service.name", service)));
    return span;
  }

  @Test
  void builder_postsOneThriftBatchPerResource_toTheApiTracesPath() {
    exporter = JaegerHttpExporter.builder().endpoint(endpoint()).build();
    List<SpanData> spans = List.of(span(1, "orders"), span(2, "payments"), span(3, "orders"));

    ExportResult result = exporter.export(spans);

    assertThat(result.await(WAIT)).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(received).hasSize(2).allSatisfy(request -> {
      assertThat(request.method).isEqualTo("POST");
      assertThat(request.path).isEqualTo("/api/traces");
      assertThat(request.contentType).isEqualTo("application/x-thrift");
    });
    List<Batch> batches = received.stream().map(r -> ExpectedJaeger.decode(r.body)).collect(Collectors.toList());
    assertThat(batches).extracting(b -> b.getProcess().getServiceName()).containsExactlyInAnyOrder("orders", "payments");
    for (Batch batch : batches) {
      List<SpanData> sent = new ArrayList<>();
      for (SpanData span : spans) {
        if (span.resource().serviceName().equals(batch.getProcess().getServiceName())) {
          sent.add(span);
        }
      }
      ExpectedJaeger.assertSameBatch(batch, ExpectedJaeger.batch(sent));
    }
    assertThat(exporter.stats().exportedSpans()).isEqualTo(3);
    assertThat(exporter.stats().requests()).isEqualTo(2);
  }

  @Test
  void defaultPayloadCap_isOneMebibyte_soLargeBatchesAreSplit() {
    exporter = JaegerHttpExporter.builder().endpoint(endpoint()).build();
    String large = "x".repeat(200 * 1024);
    List<SpanData> spans = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      TestSpanData span = span(i, "big");
      span.attributes(Attributes.of("payload", large));
      spans.add(span);
    }

    ExportResult result = exporter.export(spans);

    assertThat(result.await(WAIT)).isTrue();
    assertThat(received.size()).isGreaterThan(2);
    assertThat(received).allSatisfy(r -> assertThat(r.body.length).isLessThanOrEqualTo(1024 * 1024));
    Set<Long> ids = received.stream()
        .flatMap(r -> ExpectedJaeger.decode(r.body).getSpans().stream())
        .map(io.jaegertracing.thriftjava.Span::getSpanId)
        .collect(Collectors.toSet());
    assertThat(ids).hasSize(12);
  }

  @Test
  void defaultEndpoint_isTheLocalCollectorsThriftPort() {
    exporter = JaegerHttpExporter.builder().build();
    assertThat(JaegerHttpExporter.DEFAULT_ENDPOINT).isEqualTo("http://localhost:14268/api/traces");
    assertThat(exporter.toString()).contains(JaegerHttpExporter.DEFAULT_ENDPOINT);
  }
}
