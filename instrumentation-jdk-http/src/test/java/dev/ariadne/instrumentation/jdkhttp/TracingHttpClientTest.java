package dev.ariadne.instrumentation.jdkhttp;

import static dev.ariadne.instrumentation.jdkhttp.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client side, against a plain (untraced) JDK server that records what it received. */
class TracingHttpClientTest {
  private static final HttpClient PLAIN = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final TestTracing tracing = new TestTracing();
  private final TestServer server = new TestServer();
  private final HttpClient client = TracingHttpClient.wrap(PLAIN, tracing.tracer, W3CTraceContextPropagator.create());
  private final AtomicReference<Headers> received = new AtomicReference<>();
  private final AtomicReference<String> receivedQuery = new AtomicReference<>();
  private final AtomicReference<String> receivedBody = new AtomicReference<>();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void tearDown() {
    release.countDown();
    server.close();
    tracing.close();
  }

  private void serve(String path, int status) {
    server.serve(path, exchange -> {
      received.set(exchange.getRequestHeaders());
      receivedQuery.set(exchange.getRequestURI().getRawQuery());
      receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      respond(exchange, status, "answer");
    });
  }

  /** A handler that answers only once the test releases it (or gives up after the wait). */
  private void serveSlowly(String path) {
    server.serve(path, exchange -> {
      try {
        release.await(TestTracing.WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 200, "late");
    });
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void successfulRequest_recordsClientSpan_andSendsItsContext() throws Exception {
    serve("/orders", 200);

    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(server.uri("/orders/42")).build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.body()).isEqualTo("answer");
    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.name()).isEqualTo("GET");
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
    assertThat(span.attributes().asMap()).containsAllEntriesOf(Map.of(
        "http.request.method", "GET",
        "url.full", server.uri("/orders/42").toString(),
        "server.address", "127.0.0.1",
        "server.port", (long) server.port(),
        "http.response.status_code", 200L));
    assertThat(span.attributes().asMap()).doesNotContainKey("error.type");
    assertThat(received.get().getFirst("traceparent"))
        .startsWith("00-" + span.spanContext().traceIdHex() + "-" + span.spanContext().spanIdHex() + "-");
  }

  @Test
  void clientSpan_isAChildOfTheCurrentSpan_andNothingStaysCurrent() throws Exception {
    serve("/orders", 200);
    SpanData parent;
    try (ScopedSpan checkout = tracing.tracer.span("checkout").startScoped()) {
      client.send(HttpRequest.newBuilder(server.uri("/orders")).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(Span.current().spanContext()).isEqualTo(checkout.spanContext());
    }
    parent = tracing.await(2).stream().filter(s -> s.name().equals("checkout")).findFirst().orElseThrow();

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.parentSpanContext().spanId()).isEqualTo(parent.spanContext().spanId());
    assertThat(span.spanContext().traceIdHex()).isEqualTo(parent.spanContext().traceIdHex());
  }

  @Test
  void clientError_isAnErrorOnTheClient() throws Exception {
    serve("/missing", 404);

    HttpResponse<Void> response =
        client.send(HttpRequest.newBuilder(server.uri("/missing")).build(), HttpResponse.BodyHandlers.discarding());

    assertThat(response.statusCode()).isEqualTo(404);
    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(404L);
    assertThat(span.attributes().get("error.type")).isEqualTo("404");
  }

  @Test
  void serverError_isAnErrorOnTheClient() throws Exception {
    serve("/broken", 500);

    client.send(HttpRequest.newBuilder(server.uri("/broken")).build(), HttpResponse.BodyHandlers.discarding());

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("500");
  }

  @Test
  void timeout_recordsTheException_andRethrowsIt() {
    serveSlowly("/slow");
    HttpRequest request = HttpRequest.newBuilder(server.uri("/slow")).timeout(Duration.ofMillis(100)).build();

    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
        .isExactlyInstanceOf(HttpTimeoutException.class);

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.net.http.HttpTimeoutException");
    assertThat(span.attributes().asMap()).doesNotContainKey("http.response.status_code");
    assertThat(TestTracing.exceptionEvent(span).attributes().get("exception.type"))
        .isEqualTo("java.net.http.HttpTimeoutException");
  }

  @Test
  void connectionRefused_recordsTheException_andRethrowsIt() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + closedPort() + "/nobody");

    assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(closed).build(), HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(ConnectException.class);

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.net.ConnectException");
    assertThat(TestTracing.exceptionEvent(span)).isNotNull();
  }

  @Test
  void sendAsync_endsTheSpanWhenTheResponseArrives_andLeavesNothingCurrent() throws Exception {
    serve("/orders", 201);

    CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(HttpRequest.newBuilder(server.uri("/orders")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(Span.current()).isSameAs(Span.invalid());

    assertThat(future.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.attributes().get("http.response.status_code")).isEqualTo(201L);
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
    assertThat(received.get().getFirst("traceparent")).contains(span.spanContext().spanIdHex());
  }

  @Test
  void sendAsyncFailure_recordsTheCause_andTheFutureFailsAsUsual() throws Exception {
    URI closed = URI.create("http://127.0.0.1:" + closedPort() + "/nobody");

    CompletableFuture<HttpResponse<Void>> future =
        client.sendAsync(HttpRequest.newBuilder(closed).build(), HttpResponse.BodyHandlers.discarding());

    assertThatThrownBy(future::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(ConnectException.class);
    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.net.ConnectException");
  }

  @Test
  void sendAsyncCancelled_endsTheSpan() {
    serveSlowly("/slow");

    CompletableFuture<HttpResponse<Void>> future =
        client.sendAsync(HttpRequest.newBuilder(server.uri("/slow")).build(), HttpResponse.BodyHandlers.discarding());
    future.cancel(true);

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo(CancellationException.class.getName());
  }

  @Test
  void sendAsyncWithPushPromiseHandler_isTracedToo() throws Exception {
    serve("/orders", 200);

    HttpResponse<String> response = client.sendAsync(HttpRequest.newBuilder(server.uri("/orders")).build(),
        HttpResponse.BodyHandlers.ofString(), null).get(10, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(200);
    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(received.get().getFirst("traceparent")).contains(span.spanContext().spanIdHex());
  }

  @Test
  void credentialsAndSecrets_areRedactedInUrlFull_butSentUnchanged() throws Exception {
    serve("/files", 200);
    String query = "X-Amz-Signature=abc123&page=2&access_token=t0k3n&sig=s1g";
    URI uri = URI.create("http://alice:s3cret@127.0.0.1:" + server.port() + "/files/report.pdf?" + query);

    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.attributes().get("url.full")).isEqualTo("http://REDACTED:REDACTED@127.0.0.1:" + server.port()
        + "/files/report.pdf?X-Amz-Signature=REDACTED&page=2&access_token=REDACTED&sig=REDACTED");
    assertThat(receivedQuery.get()).isEqualTo(query);
  }

  @Test
  void theRequestCopy_keepsMethodBodyHeadersAndTimeout() throws Exception {
    serve("/orders", 200);
    HttpRequest request = HttpRequest.newBuilder(server.uri("/orders"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"id\":1}"))
        .header("X-Request-Id", "r-1")
        .header("Accept", "application/json")
        .timeout(Duration.ofSeconds(10))
        .build();

    client.send(request, HttpResponse.BodyHandlers.discarding());

    assertThat(receivedBody.get()).isEqualTo("{\"id\":1}");
    assertThat(received.get().getFirst("X-Request-Id")).isEqualTo("r-1");
    assertThat(received.get().getFirst("Accept")).isEqualTo("application/json");
    assertThat(received.get().getFirst("traceparent")).isNotNull();
    assertThat(request.headers().firstValue("traceparent")).isEmpty(); // the application's request is untouched
    assertThat(tracing.awaitOne(SpanKind.CLIENT).name()).isEqualTo("POST");
  }

  @Test
  void unknownMethod_isRecordedAsOther_withTheOriginal() throws Exception {
    serve("/cache", 200);

    client.send(HttpRequest.newBuilder(server.uri("/cache")).method("PURGE", HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.discarding());

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.name()).isEqualTo("HTTP");
    assertThat(span.attributes().get("http.request.method")).isEqualTo("_OTHER");
    assertThat(span.attributes().get("http.request.method_original")).isEqualTo("PURGE");
  }

  @Test
  void settings_areTheDelegates() {
    HttpClient delegate = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    HttpClient wrapped = TracingHttpClient.wrap(delegate, tracing.tracer, W3CTraceContextPropagator.create());

    assertThat(wrapped.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    assertThat(wrapped.connectTimeout()).contains(Duration.ofSeconds(3));
    assertThat(wrapped.followRedirects()).isEqualTo(HttpClient.Redirect.NORMAL);
    assertThat(wrapped.sslContext()).isSameAs(delegate.sslContext());
    assertThat(wrapped.proxy()).isEqualTo(delegate.proxy());
    assertThat(wrapped.executor()).isEqualTo(delegate.executor());
    assertThat(wrapped.authenticator()).isEqualTo(delegate.authenticator());
    assertThat(wrapped.cookieHandler()).isEqualTo(delegate.cookieHandler());
    assertThat(wrapped.sslParameters().getProtocols()).isEqualTo(delegate.sslParameters().getProtocols());
  }

  @Test
  void close_closesACloseableDelegate() {
    ClosableClient delegate = new ClosableClient();
    TracingHttpClient wrapped =
        (TracingHttpClient) TracingHttpClient.wrap(delegate, tracing.tracer, W3CTraceContextPropagator.create());

    wrapped.close();

    assertThat(delegate.closed).isTrue();
  }

  @Test
  void delegateThrowingFromSendAsync_endsTheSpan_andTheExceptionReachesTheCaller() {
    HttpClient wrapped =
        TracingHttpClient.wrap(new ClosableClient(), tracing.tracer, W3CTraceContextPropagator.create());

    assertThatThrownBy(() -> wrapped.sendAsync(HttpRequest.newBuilder(server.uri("/x")).build(),
        HttpResponse.BodyHandlers.discarding())).isExactlyInstanceOf(UnsupportedOperationException.class);

    SpanData span = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().get("error.type")).isEqualTo("java.lang.UnsupportedOperationException");
  }

  @Test
  void wrap_rejectsMissingArguments_namingThem() {
    assertThatThrownBy(() -> TracingHttpClient.wrap(null, tracing.tracer, W3CTraceContextPropagator.create()))
        .hasMessageContaining("delegate");
    assertThatThrownBy(() -> TracingHttpClient.wrap(PLAIN, null, W3CTraceContextPropagator.create()))
        .hasMessageContaining("tracer");
    assertThatThrownBy(() -> TracingHttpClient.wrap(PLAIN, tracing.tracer, null)).hasMessageContaining("propagator");
  }
}
