package dev.ariadne.instrumentation.jdkhttp;

import static dev.ariadne.instrumentation.jdkhttp.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.Scope;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.propagation.w3c.W3CBaggagePropagator;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A traced client calling a traced server: one trace across the hop. */
class EndToEndTest {
  private static final TextMapPropagator PROPAGATOR =
      TextMapPropagator.composite(W3CTraceContextPropagator.create(), W3CBaggagePropagator.create());

  private final TestTracing tracing = new TestTracing();
  private final TestServer server = new TestServer();
  private final HttpClient client = TracingHttpClient.wrap(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), tracing.tracer, PROPAGATOR);

  @AfterEach
  void tearDown() {
    server.close();
    tracing.close();
  }

  @Test
  void clientAndServerSpans_areParentAndChild_inOneTrace() throws Exception {
    server.serve("/orders", exchange -> {
      tracing.tracer.span("load_order").start().end();
      respond(exchange, 200, "ok");
    }, TracingFilter.create(tracing.tracer, PROPAGATOR));

    try (ScopedSpan ignored = tracing.tracer.span("checkout").startScoped()) {
      client.send(HttpRequest.newBuilder(server.uri("/orders/1")).build(), HttpResponse.BodyHandlers.discarding());
    }

    List<SpanData> spans = tracing.await(4);
    SpanData root = named(spans, "checkout");
    SpanData clientSpan = tracing.awaitOne(SpanKind.CLIENT);
    SpanData serverSpan = tracing.awaitOne(SpanKind.SERVER);
    SpanData handlerSpan = named(spans, "load_order");
    assertThat(clientSpan.parentSpanContext().spanId()).isEqualTo(root.spanContext().spanId());
    assertThat(serverSpan.parentSpanContext().spanId()).isEqualTo(clientSpan.spanContext().spanId());
    assertThat(serverSpan.parentSpanContext().isRemote()).isTrue();
    assertThat(handlerSpan.parentSpanContext().spanId()).isEqualTo(serverSpan.spanContext().spanId());
    assertThat(List.of(clientSpan, serverSpan, handlerSpan))
        .allSatisfy(s -> assertThat(s.spanContext().traceIdHex()).isEqualTo(root.spanContext().traceIdHex()));
  }

  @Test
  void baggage_reachesTheHandler() throws Exception {
    AtomicReference<String> tenant = new AtomicReference<>();
    server.serve("/orders", exchange -> {
      tenant.set(Baggage.current().get("tenant"));
      respond(exchange, 200, "ok");
    }, TracingFilter.create(tracing.tracer, PROPAGATOR));

    try (Scope ignored = Baggage.empty().with("tenant", "acme").storeInContext(Context.current()).makeCurrent()) {
      client.send(HttpRequest.newBuilder(server.uri("/orders")).build(), HttpResponse.BodyHandlers.discarding());
    }

    tracing.awaitOne(SpanKind.SERVER);
    assertThat(tenant.get()).isEqualTo("acme");
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans));
  }
}
