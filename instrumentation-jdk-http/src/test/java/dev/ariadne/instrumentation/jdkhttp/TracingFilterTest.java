package dev.ariadne.instrumentation.jdkhttp;

import static dev.ariadne.instrumentation.jdkhttp.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The server side, driven by a plain (untraced) JDK client. */
class TracingFilterTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.create();

  private final TestTracing tracing = new TestTracing();
  private final TestServer server = new TestServer();
  private final TracingFilter filter = TracingFilter.create(tracing.tracer, W3C);

  @AfterEach
  void tearDown() {
    server.close();
    tracing.close();
  }

  @AfterAll
  static void clearMdc() {
    MDC.clear();
  }

  private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(pathAndQuery));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void successfulRequest_recordsServerSpanWithHttpAttributes() throws Exception {
    server.serve("/orders", TestServer.status(200), filter);

    HttpResponse<String> response = get("/orders/42?token=abc&page=2", "User-Agent", "test-agent/1.0");

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("GET /orders");
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
    assertThat(span.parentSpanContext().isValid()).isFalse();
    assertThat(span.attributes().asMap()).containsAllEntriesOf(Map.of(
        "http.request.method", "GET",
        "url.path", "/orders/42",
        "url.query", "token=REDACTED&page=2",
        "url.scheme", "http",
        "http.route", "/orders",
        "server.address", "127.0.0.1",
        "server.port", (long) server.port(),
        "client.address", "127.0.0.1",
        "user_agent.original", "test-agent/1.0",
        "http.response.status_code", 200L));
    assertThat(span.attributes().asMap()).doesNotContainKeys("error.type", "http.request.method_original");
  }

  @Test
  void clientError_isNotAnErrorOnTheServer() throws Exception {
    server.serve("/missing", TestServer.status(404), filter);

    assertThat(get("/missing").statusCode()).isEqualTo(404);

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(404L);
    assertThat(span.attributes().asMap()).doesNotContainKey("error.type");
  }

  @Test
  void serverError_marksSpanError() throws Exception {
    server.serve("/broken", TestServer.status(503), filter);

    assertThat(get("/broken").statusCode()).isEqualTo(503);

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(503L);
    assertThat(span.attributes().get("error.type")).isEqualTo("503");
  }

  @Test
  void handlerThrowingBeforeResponding_records500AndTheException_andRethrowsItUnchanged() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    AtomicReference<Throwable> seenOutside = new AtomicReference<>();
    Filter outer = new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        try {
          chain.doFilter(exchange);
        } catch (IOException | RuntimeException e) {
          seenOutside.set(e);
          throw e;
        }
      }

      @Override
      public String description() {
        return "records what reaches the filters before the tracing one";
      }
    };
    server.serve("/throws", exchange -> {
      throw boom;
    }, outer, filter);

    // POST, because the JDK client sends an idempotent request a second time when the connection drops
    HttpRequest post = HttpRequest.newBuilder(server.uri("/throws")).POST(HttpRequest.BodyPublishers.ofString("x"))
        .build();
    assertThatThrownBy(() -> CLIENT.send(post, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class); // the server drops the exchange

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(seenOutside.get()).isSameAs(boom);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("boom");
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(500L);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(TestTracing.exceptionEvent(span).attributes().get("exception.type"))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(tracing.exporter.finishedSpans()).hasSize(1); // ended once
  }

  @Test
  void handlerThrowingAfterResponding_keepsTheStatusItSent() throws Exception {
    server.serve("/late", exchange -> {
      exchange.sendResponseHeaders(201, -1);
      throw new IOException("after the response");
    }, filter);

    assertThat(get("/late").statusCode()).isEqualTo(201);

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(201L);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.io.IOException");
  }

  @Test
  void handlerSpans_areChildrenOfTheServerSpan() throws Exception {
    AtomicReference<SpanContext> currentInHandler = new AtomicReference<>();
    server.serve("/work", exchange -> {
      currentInHandler.set(Span.current().spanContext());
      tracing.tracer.span("load_order").start().end();
      respond(exchange, 200, "done");
    }, filter);

    get("/work");

    List<SpanData> spans = tracing.await(2);
    SpanData serverSpan = tracing.awaitOne(SpanKind.SERVER);
    SpanData child = spans.stream().filter(s -> s.name().equals("load_order")).findFirst().orElseThrow();
    assertThat(currentInHandler.get()).isEqualTo(serverSpan.spanContext());
    assertThat(child.parentSpanContext().spanId()).isEqualTo(serverSpan.spanContext().spanId());
    assertThat(child.spanContext().traceIdHex()).isEqualTo(serverSpan.spanContext().traceIdHex());
    assertThat(Span.current()).isSameAs(Span.invalid()); // and nothing leaked onto the test thread
  }

  @Test
  void logLinesWrittenByTheHandler_carryTheServerSpansIds() throws Exception {
    AtomicReference<String> traceIdInMdc = new AtomicReference<>();
    AtomicReference<String> spanIdInMdc = new AtomicReference<>();
    try (TestTracing withMdc = new TestTracing(true)) {
      server.serve("/logged", exchange -> {
        traceIdInMdc.set(MDC.get("trace_id"));
        spanIdInMdc.set(MDC.get("span_id"));
        respond(exchange, 200, "ok");
      }, TracingFilter.create(withMdc.tracer, W3C));

      get("/logged");

      SpanData span = withMdc.awaitOne(SpanKind.SERVER);
      assertThat(traceIdInMdc.get()).isEqualTo(span.spanContext().traceIdHex());
      assertThat(spanIdInMdc.get()).isEqualTo(span.spanContext().spanIdHex());
    }
  }

  @Test
  void incomingTraceparent_isTheRemoteParentOfTheServerSpan() throws Exception {
    server.serve("/orders", TestServer.status(200), filter);

    get("/orders", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.spanContext().traceIdHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.parentSpanContext().spanIdHex()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.parentSpanContext().isRemote()).isTrue();
  }

  @Test
  void malformedTraceparent_startsANewTrace() throws Exception {
    server.serve("/orders", TestServer.status(200), filter);

    HttpResponse<String> response =
        get("/orders", "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-0x");

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.parentSpanContext().isValid()).isFalse();
    assertThat(span.spanContext().isValid()).isTrue();
    assertThat(span.spanContext().traceIdHex()).doesNotStartWith("4bf92f3577b34da6a3ce929d0e0e473");
  }

  @Test
  void routeFunction_namesTheSpanAndTheRoute() throws Exception {
    server.serve("/users", TestServer.status(200),
        TracingFilter.builder(tracing.tracer, W3C).route(exchange -> "/users/{id}").build());

    get("/users/7");

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("GET /users/{id}");
    assertThat(span.attributes().get("http.route")).isEqualTo("/users/{id}");
    assertThat(span.attributes().get("url.path")).isEqualTo("/users/7");
  }

  @Test
  void routeFunctionAnsweringNull_leavesTheRouteOut() throws Exception {
    server.serve("/files", TestServer.status(200),
        TracingFilter.builder(tracing.tracer, W3C).route(exchange -> null).build());

    get("/files/a.txt");

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.attributes().asMap()).doesNotContainKey("http.route");
  }

  @Test
  void unknownMethod_isRecordedAsOther_withTheOriginal() throws Exception {
    server.serve("/cache", TestServer.status(200), filter);

    CLIENT.send(HttpRequest.newBuilder(server.uri("/cache")).method("PURGE", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding());

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("HTTP /cache");
    assertThat(span.attributes().get("http.request.method")).isEqualTo("_OTHER");
    assertThat(span.attributes().get("http.request.method_original")).isEqualTo("PURGE");
  }

  @Test
  void knownMethods_replaceTheDefaultSet() throws Exception {
    server.serve("/cache", TestServer.status(200),
        TracingFilter.builder(tracing.tracer, W3C).knownMethods(List.of("GET", "PURGE")).build());

    CLIENT.send(HttpRequest.newBuilder(server.uri("/cache")).method("PURGE", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding());

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("PURGE /cache");
    assertThat(span.attributes().get("http.request.method")).isEqualTo("PURGE");
    assertThat(span.attributes().asMap()).doesNotContainKey("http.request.method_original");
  }

  @Test
  void builder_rejectsMissingSettings_namingThem() {
    assertThatThrownBy(() -> TracingFilter.create(null, W3C)).hasMessageContaining("tracer");
    assertThatThrownBy(() -> TracingFilter.create(tracing.tracer, null)).hasMessageContaining("propagator");
    assertThatThrownBy(() -> TracingFilter.builder(tracing.tracer, W3C).route(null)).hasMessageContaining("route");
    assertThatThrownBy(() -> TracingFilter.builder(tracing.tracer, W3C).knownMethods(List.of()))
        .hasMessageContaining("knownMethods");
  }
}
