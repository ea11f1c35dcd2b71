package dev.ariadne.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans made by two real {@link Tracing} instances, as two services joined over the wire. */
class RealSpansTest {
  private static final long MS = 1_000_000;
  private static final long T0 = TestSpan.T0;

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Tracing frontend = Tracing.builder().serviceName("frontend")
      .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final Tracing payment = Tracing.builder().serviceName("payment")
      .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();

  @AfterEach
  void tearDown() {
    frontend.shutdown(Duration.ofSeconds(5));
    payment.shutdown(Duration.ofSeconds(5));
  }

  /** One checkout: frontend 0..100 ms, its client call 10..85, payment's handler 15..80, failing. */
  private void checkout(long offsetMs) {
    Tracer frontendTracer = frontend.tracer("frontend-http");
    Tracer paymentTracer = payment.tracer("payment-http");
    long base = T0 + offsetMs * MS;
    Span server = frontendTracer.span("GET /checkout").kind(SpanKind.SERVER).noParent()
        .startTimestamp(base, TimeUnit.NANOSECONDS).start();
    Span client = frontendTracer.span("POST /pay").kind(SpanKind.CLIENT).parent(Context.root().with(server))
        .startTimestamp(base + 10 * MS, TimeUnit.NANOSECONDS).start();
    // What the payment service would extract from the request's headers.
    SpanContext sent = client.spanContext();
    SpanContext received = SpanContext.createFromRemoteParent(sent.traceIdHigh(), sent.traceIdLow(),
        sent.spanId(), sent.traceFlags(), sent.traceState());
    Span handler = paymentTracer.span("POST /pay").kind(SpanKind.SERVER)
        .parent(Context.root().with(Span.wrap(received)))
        .startTimestamp(base + 15 * MS, TimeUnit.NANOSECONDS).start();
    handler.recordException(new IllegalStateException("card declined"));
    handler.status(StatusCode.ERROR, "card declined");
    handler.end(base + 80 * MS, TimeUnit.NANOSECONDS);
    client.end(base + 85 * MS, TimeUnit.NANOSECONDS);
    server.end(base + 100 * MS, TimeUnit.NANOSECONDS);
  }

  @Test
  void twoServices_formOneAnalysedTrace() {
    checkout(0);

    TraceAnalysis analysis = TraceAnalysis.of(exporter.finishedSpans());

    assertThat(analysis.spanCount()).isEqualTo(3);
    assertThat(analysis.root()).map(SpanData::name).hasValue("GET /checkout");
    assertThat(analysis.orphans()).isEmpty();
    assertThat(analysis.totalDurationNanos()).isEqualTo(100 * MS);
    assertThat(analysis.criticalPathByService())
        .containsExactly(new ServiceTime("payment", 65 * MS, 0.65), new ServiceTime("frontend", 35 * MS, 0.35));
    assertThat(analysis.bottleneck()).map(ServiceTime::service).hasValue("payment");
    assertThat(analysis.errorOrigin()).hasValueSatisfying(e -> {
      assertThat(e.service()).isEqualTo("payment");
      assertThat(e.exceptionType()).isEqualTo("java.lang.IllegalStateException");
      assertThat(e.exceptionMessage()).isEqualTo("card declined");
    });
    assertThat(Waterfall.ascii(20).lines(analysis)).hasSize(3)
        .element(2).asString().startsWith("    payment POST /pay").endsWith("! ERROR");
  }

  @Test
  void twoCheckouts_summariseIntoAServiceMap_andAreRejectedAsOneTrace() {
    checkout(0);
    checkout(1000);

    TraceSummary summary = TraceSummary.of(exporter.finishedSpans());

    assertThat(summary.traceCount()).isEqualTo(2);
    assertThat(summary.failureCount()).isEqualTo(2);
    assertThat(summary.serviceMap()).singleElement().satisfies(edge -> {
      assertThat(edge.caller()).isEqualTo("frontend");
      assertThat(edge.callee()).isEqualTo("payment");
      assertThat(edge.calls()).isEqualTo(2);
      assertThat(edge.errorCount()).isEqualTo(2);
      assertThat(edge.latency().p50Nanos()).isEqualTo(65 * MS);
    });
    assertThatThrownBy(() -> TraceAnalysis.of(exporter.finishedSpans()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
