package dev.ariadne.instrumentation.jdkhttp;

import static dev.ariadne.instrumentation.jdkhttp.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanBuilder;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.Tracer;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.api.propagation.TextMapSetter;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tracing is a guest: whatever fails in it, requests are served and sent as without it. */
class RobustnessTest {
  private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final TextMapPropagator W3C = W3CTraceContextPropagator.create();

  private final TestTracing tracing = new TestTracing();
  private final TestServer server = new TestServer();
  private final AtomicReference<Headers> received = new AtomicReference<>();
  private final AtomicReference<SpanContext> currentInHandler = new AtomicReference<>();

  @AfterEach
  void tearDown() {
    server.close();
    tracing.close();
  }

  private void serve(Filter filter) {
    server.serve("/orders", exchange -> {
      received.set(exchange.getRequestHeaders());
      currentInHandler.set(Span.current().spanContext());
      respond(exchange, 200, "served");
    }, filter);
  }

  private HttpResponse<String> send(HttpClient client, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri("/orders"));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A propagator whose every method throws. */
  private static final TextMapPropagator THROWING_PROPAGATOR = new TextMapPropagator() {
    @Override
    public Collection<String> fields() {
      throw new IllegalStateException("fields broken");
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
      throw new IllegalStateException("inject broken");
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
      throw new IllegalStateException("extract broken");
    }
  };

  /** A propagator writing headers the JDK client refuses, and null names and values. */
  private static final TextMapPropagator UNSENDABLE_HEADERS = new TextMapPropagator() {
    @Override
    public Collection<String> fields() {
      return List.of("Host", "Connection", "Content-Length", "bad name", "x-bad-value", "x-null");
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
      setter.set(carrier, "Host", "evil.example.com");
      setter.set(carrier, "Connection", "close");
      setter.set(carrier, "Content-Length", "12");
      setter.set(carrier, "bad name", "x");
      setter.set(carrier, "x-bad-value", "line\r\nbreak");
      setter.set(carrier, "x-null", null);
      setter.set(carrier, null, "x");
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
      return context;
    }
  };

  @Test
  void throwingPropagator_neitherSideBreaks_andTheServerStartsANewTrace() throws Exception {
    serve(TracingFilter.create(tracing.tracer, THROWING_PROPAGATOR));
    HttpClient client = TracingHttpClient.wrap(PLAIN, tracing.tracer, THROWING_PROPAGATOR);

    HttpResponse<String> response = send(client, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    assertThat(response.body()).isEqualTo("served");
    SpanData serverSpan = tracing.awaitOne(SpanKind.SERVER);
    SpanData clientSpan = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(serverSpan.parentSpanContext().isValid()).isFalse();
    assertThat(clientSpan.attributes().get("http.response.status_code")).isEqualTo(200L);
  }

  @Test
  void headersTheClientRefuses_areLeftOut_andTheRestIsSent() throws Exception {
    serve(TracingFilter.create(tracing.tracer, W3C));
    HttpClient client = TracingHttpClient.wrap(PLAIN, tracing.tracer, TextMapPropagator.composite(UNSENDABLE_HEADERS, W3C));

    HttpResponse<String> response = send(client);

    assertThat(response.body()).isEqualTo("served");
    assertThat(received.get().getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
    assertThat(received.get().getFirst("traceparent")).isNotNull();
    assertThat(received.get()).doesNotContainKeys("X-bad-value", "X-null");
    SpanData clientSpan = tracing.awaitOne(SpanKind.CLIENT);
    assertThat(tracing.awaitOne(SpanKind.SERVER).parentSpanContext().spanId())
        .isEqualTo(clientSpan.spanContext().spanId());
  }

  @Test
  void throwingTracer_neitherSideBreaks() throws Exception {
    Tracer broken = name -> {
      throw new IllegalStateException("tracer broken");
    };
    serve(TracingFilter.create(broken, W3C));
    HttpClient client = TracingHttpClient.wrap(PLAIN, broken, W3C);

    assertThat(send(client).body()).isEqualTo("served");
    assertThat(client.sendAsync(HttpRequest.newBuilder(server.uri("/orders")).build(),
        HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS).body()).isEqualTo("served");
  }

  @Test
  void tracerWhoseSpansThrow_neitherSideBreaks() throws Exception {
    Span brokenSpan = (Span) Proxy.newProxyInstance(Span.class.getClassLoader(), new Class<?>[] {Span.class},
        (proxy, method, args) -> {
          throw new IllegalStateException("span broken: " + method.getName());
        });
    SpanBuilder builder = (SpanBuilder) Proxy.newProxyInstance(SpanBuilder.class.getClassLoader(),
        new Class<?>[] {SpanBuilder.class},
        (proxy, method, args) -> method.getName().equals("start") ? brokenSpan : proxy);
    Tracer tracer = name -> builder;
    serve(TracingFilter.create(tracer, W3C));
    HttpClient client = TracingHttpClient.wrap(PLAIN, tracer, W3C);

    assertThat(send(client).body()).isEqualTo("served");
    assertThat(client.sendAsync(HttpRequest.newBuilder(server.uri("/orders")).build(),
        HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS).body()).isEqualTo("served");
  }

  @Test
  void throwingRouteFunction_fallsBackToTheContextPath() throws Exception {
    serve(TracingFilter.builder(tracing.tracer, W3C).route(exchange -> {
      throw new IllegalStateException("route broken");
    }).build());

    assertThat(send(PLAIN).body()).isEqualTo("served");

    SpanData span = tracing.awaitOne(SpanKind.SERVER);
    assertThat(span.name()).isEqualTo("GET /orders");
    assertThat(span.attributes().get("http.route")).isEqualTo("/orders");
  }

  @Test
  void noopTracer_nothingBreaks_noHeaderIsAdded_andTheCallersContextStillReachesTheHandler() throws Exception {
    serve(TracingFilter.create(Tracer.noop(), W3C));
    HttpClient client = TracingHttpClient.wrap(PLAIN, Tracer.noop(), W3C);

    assertThat(send(client).body()).isEqualTo("served");
    assertThat(received.get()).doesNotContainKey("Traceparent");
    assertThat(currentInHandler.get().isValid()).isFalse();

    assertThat(send(client, "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").body())
        .isEqualTo("served");
    assertThat(currentInHandler.get().traceIdHex()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(Span.current()).isSameAs(Span.invalid());
    assertThat(tracing.exporter.finishedSpans()).isEmpty();
  }

  @Test
  void nullRequest_isRejectedByTheDelegateAsWithoutTracing() {
    HttpClient client = TracingHttpClient.wrap(PLAIN, tracing.tracer, W3C);

    assertThatThrownBy(() -> client.send(null, HttpResponse.BodyHandlers.discarding()))
        .isInstanceOf(NullPointerException.class);
    assertThat(tracing.exporter.finishedSpans()).isEmpty();
  }
}
