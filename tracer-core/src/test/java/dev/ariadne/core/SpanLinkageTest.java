package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Context;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanLinkageTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Tracing tracing = Tracing.builder()
      .serviceName("linkage-test")
      .addSpanProcessor(SimpleSpanProcessor.create(exporter))
      .build();
  private final Tracer tracer = tracing.tracer("test");
  private final ExecutorService pool = Context.taskWrapping(Executors.newFixedThreadPool(2));

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    tracing.shutdown(Duration.ofSeconds(5));
  }

  private Map<String, SpanData> byName() {
    return exporter.finishedSpans().stream().collect(Collectors.toMap(SpanData::name, Function.identity()));
  }

  @Test
  void nestedScopedSpans_formOneTraceOfParentsAndChildren() {
    try (ScopedSpan root = tracer.span("frontend").kind(SpanKind.SERVER).startScoped()) {
      try (ScopedSpan payment = tracer.span("call_payment_service").kind(SpanKind.CLIENT).startScoped()) {
        try (ScopedSpan validate = tracer.span("validate_payment_info").startScoped()) {
          assertThat(Span.current().spanContext()).isEqualTo(validate.spanContext());
        }
        assertThat(Span.current().spanContext()).isEqualTo(payment.spanContext());
      }
      assertThat(Span.current().spanContext()).isEqualTo(root.spanContext());
    }
    assertThat(Span.current()).isSameAs(Span.invalid());

    Map<String, SpanData> spans = byName();
    SpanData root = spans.get("frontend");
    SpanData payment = spans.get("call_payment_service");
    SpanData validate = spans.get("validate_payment_info");
    assertThat(root.parentSpanContext().isValid()).isFalse();
    assertThat(payment.parentSpanContext().spanId()).isEqualTo(root.spanContext().spanId());
    assertThat(validate.parentSpanContext().spanId()).isEqualTo(payment.spanContext().spanId());
    assertThat(List.of(payment, validate)).allSatisfy(s ->
        assertThat(s.spanContext().traceIdHex()).isEqualTo(root.spanContext().traceIdHex()));
    assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(payment.kind()).isEqualTo(SpanKind.CLIENT);
    // children end first, and each child lies within its parent
    assertThat(exporter.finishedSpans()).extracting(SpanData::name)
        .containsExactly("validate_payment_info", "call_payment_service", "frontend");
    assertThat(validate.startEpochNanos()).isGreaterThanOrEqualTo(payment.startEpochNanos());
    assertThat(validate.endEpochNanos()).isLessThanOrEqualTo(payment.endEpochNanos());
  }

  @Test
  void spanStartedWithoutScope_isNotCurrentButCanBeMadeCurrent() {
    Span span = tracer.span("manual").start();
    assertThat(Span.current()).isSameAs(Span.invalid());
    try (var ignored = span.makeCurrent()) {
      Span child = tracer.span("child").start();
      child.end();
      assertThat(((SpanData) child).parentSpanContext()).isEqualTo(span.spanContext());
    }
    span.end();
    assertThat(exporter.finishedSpans()).hasSize(2);
  }

  @Test
  void executorTask_isChildOfTheSubmittersSpan() throws Exception {
    SpanContext parent;
    try (ScopedSpan root = tracer.span("check_inventory").startScoped()) {
      parent = root.spanContext();
      pool.submit(() -> tracer.span("deduct_inventory").start().end()).get(5, TimeUnit.SECONDS);
    }
    SpanData child = byName().get("deduct_inventory");
    assertThat(child.parentSpanContext()).isEqualTo(parent);
    assertThat(child.spanContext().traceIdHex()).isEqualTo(parent.traceIdHex());
  }

  @Test
  void completableFutureStages_allSeeTheSubmittersSpan() throws Exception {
    SpanContext parent;
    CompletableFuture<String> future;
    try (ScopedSpan root = tracer.span("notify_order_service").startScoped()) {
      parent = root.spanContext();
      future = CompletableFuture
          .supplyAsync(() -> {
            tracer.span("stage_one").start().end();
            return "a";
          }, pool)
          .thenApplyAsync(value -> {
            tracer.span("stage_two").start().end();
            return value + "b";
          }, pool);
    }
    assertThat(future.get(5, TimeUnit.SECONDS)).isEqualTo("ab");
    Map<String, SpanData> spans = byName();
    assertThat(spans.get("stage_one").parentSpanContext()).isEqualTo(parent);
    assertThat(spans.get("stage_two").parentSpanContext()).isEqualTo(parent);
  }

  @Test
  void noParent_startsANewTraceEvenUnderACurrentSpan() {
    try (ScopedSpan root = tracer.span("root").startScoped()) {
      Span detached = tracer.span("background_job").noParent().start();
      detached.end();
      assertThat(detached.spanContext().traceIdHex()).isNotEqualTo(root.spanContext().traceIdHex());
      assertThat(((SpanData) detached).parentSpanContext().isValid()).isFalse();
    }
  }

  @Test
  void explicitParent_winsOverTheCurrentSpan() {
    Span other = tracer.span("other").start();
    try (ScopedSpan current = tracer.span("current").startScoped()) {
      Span child = tracer.span("child").parent(Context.root().with(other)).start();
      child.end();
      assertThat(((SpanData) child).parentSpanContext()).isEqualTo(other.spanContext());
      assertThat(child.spanContext().traceIdHex()).isNotEqualTo(current.spanContext().traceIdHex());
    }
    other.end();
  }

  @Test
  void remoteParent_isJoinedAndItsTraceStateKept() {
    TraceState state = TraceState.empty().with("vendor", "value");
    SpanContext remote = SpanContext.createFromRemoteParent(
        0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L, TraceFlags.SAMPLED, state);
    Span server = tracer.span("GET /api/order").kind(SpanKind.SERVER)
        .parent(Context.root().with(Span.wrap(remote))).start();
    server.end();
    SpanData data = (SpanData) server;
    assertThat(data.spanContext().traceIdHex()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(data.parentSpanContext().isRemote()).isTrue();
    assertThat(data.spanContext().isRemote()).isFalse();
    assertThat(data.spanContext().traceState()).isEqualTo(state);
    assertThat(data.spanContext().isSampled()).isTrue();
  }

  @Test
  void rootSpan_setsTheW3cRandomFlag_andChildrenInheritIt() {
    try (ScopedSpan root = tracer.span("root").startScoped()) {
      Span child = tracer.span("child").start();
      child.end();
      assertThat(root.spanContext().traceFlags() & TraceFlags.RANDOM).isEqualTo(TraceFlags.RANDOM);
      assertThat(child.spanContext().traceFlags()).isEqualTo(root.spanContext().traceFlags());
    }
  }
}
