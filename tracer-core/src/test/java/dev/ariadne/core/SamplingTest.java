package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.ReadWriteSpan;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingDecision;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  private Tracing tracing(Sampler sampler, SpanProcessor... extra) {
    Tracing.Builder builder = Tracing.builder().sampler(sampler).addSpanProcessor(SimpleSpanProcessor.create(exporter));
    for (SpanProcessor p : extra) {
      builder.addSpanProcessor(p);
    }
    return builder.build();
  }

  @Test
  void alwaysOff_givesNonRecordingSpansThatStillCarryATraceId() {
    try (Tracing tracing = tracing(Sampler.alwaysOff())) {
      try (ScopedSpan root = tracing.tracer("t").span("root").startScoped()) {
        assertThat(root.isRecording()).isFalse();
        assertThat(root.spanContext().isValid()).isTrue();
        assertThat(root.spanContext().isSampled()).isFalse();
        Span child = tracing.tracer("t").span("child").start();
        // an unsampled child of an unsampled parent reuses the parent's span: no allocation
        assertThat(child).isSameAs(Span.current());
        child.end();
      }
      assertThat(exporter.finishedSpans()).isEmpty();
    }
  }

  @Test
  void parentBased_followsTheRemoteParentsFlag() {
    try (Tracing tracing = tracing(Sampler.parentBased(Sampler.alwaysOn()))) {
      SpanContext unsampledRemote = SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.NONE, TraceState.empty());
      SpanContext sampledRemote = SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty());
      Span a = tracing.tracer("t").span("a").parent(Context.root().with(Span.wrap(unsampledRemote))).start();
      Span b = tracing.tracer("t").span("b").parent(Context.root().with(Span.wrap(sampledRemote))).start();
      a.end();
      b.end();
      assertThat(a.isRecording()).isFalse();
      assertThat(a.spanContext().traceIdLow()).isEqualTo(2);
      assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("b");
    }
  }

  @Test
  void parentBased_delegatesPerKindOfParent() {
    Sampler sampler = Sampler.parentBasedBuilder(Sampler.alwaysOff())
        .remoteParentNotSampled(Sampler.alwaysOn())
        .localParentSampled(Sampler.alwaysOff())
        .build();
    SpanContext unsampledRemote = SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.NONE, TraceState.empty());
    SpanContext sampledLocal = SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty());
    assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.DROP);
    assertThat(decide(sampler, Context.root().with(Span.wrap(unsampledRemote)))).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(sampler, Context.root().with(Span.wrap(sampledLocal)))).isEqualTo(SamplingDecision.DROP);
    assertThat(sampler.description()).contains("root=AlwaysOff", "remoteParentNotSampled=AlwaysOn");
  }

  private static SamplingDecision decide(Sampler sampler, Context parent) {
    return sampler.shouldSample(parent, 1, 2, "x", SpanKind.INTERNAL, Attributes.empty(), List.of()).decision();
  }

  @Test
  void traceIdRatio_isConsistentMonotoneAndNearTheRatio() {
    Sampler tenth = Sampler.traceIdRatio(0.1);
    Sampler half = Sampler.traceIdRatio(0.5);
    Sampler tenthAgain = Sampler.traceIdRatio(0.1);
    SplittableRandom random = new SplittableRandom(20261124L);
    int keptAtTenth = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      long high = random.nextLong();
      long low = random.nextLong();
      boolean t = sampled(tenth, high, low);
      assertThat(sampled(tenthAgain, high, low)).isEqualTo(t);
      if (t) {
        keptAtTenth++;
        assertThat(sampled(half, high, low)).isTrue();
      }
    }
    assertThat(keptAtTenth).isBetween(9_500, 10_500);
    assertThat(sampled(Sampler.traceIdRatio(1.0), 0, -1L)).isTrue();
    assertThat(sampled(Sampler.traceIdRatio(0.0), 0, 0)).isFalse();
  }

  private static boolean sampled(Sampler sampler, long high, long low) {
    return sampler.shouldSample(Context.root(), high, low, "x", SpanKind.INTERNAL, Attributes.empty(), List.of())
        .decision() == SamplingDecision.RECORD_AND_SAMPLE;
  }

  @Test
  void traceIdRatio_rejectsRatiosOutsideZeroToOne() {
    assertThatThrownBy(() -> Sampler.traceIdRatio(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ratio").hasMessageContaining("1.5");
    assertThatThrownBy(() -> Sampler.traceIdRatio(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Sampler.parentBased(null)).hasMessageContaining("root");
  }

  @Test
  void recordOnly_isSeenByProcessorsButNotExported() {
    List<String> ended = new ArrayList<>();
    SpanProcessor watcher = span -> ended.add(span.name() + ":" + span.spanContext().isSampled());
    try (Tracing tracing = tracing(constant(SamplingResult.recordOnly()), watcher)) {
      Span span = tracing.tracer("t").span("buffered").start();
      assertThat(span.isRecording()).isTrue();
      span.end();
    }
    assertThat(ended).containsExactly("buffered:false");
    assertThat(exporter.finishedSpans()).isEmpty();
  }

  @Test
  void samplerAttributesAndTraceState_reachTheSpan_andTheSamplerSeesBuilderInput() {
    List<Object> seen = new ArrayList<>();
    Sampler sampler = new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, long traceIdHigh, long traceIdLow, String name,
          SpanKind kind, Attributes attributes, List<Link> links) {
        seen.add(name);
        seen.add(kind);
        seen.add(attributes.get("http.route"));
        seen.add(links.size());
        return SamplingResult.of(SamplingDecision.RECORD_AND_SAMPLE, Attributes.of("sampling.rule", "payment"),
            TraceState.empty().with("ariadne", "r:5"));
      }

      @Override
      public String description() {
        return "test";
      }
    };
    try (Tracing tracing = tracing(sampler)) {
      tracing.tracer("t").span("POST").kind(SpanKind.SERVER).attribute("http.route", "/api/payment")
          .link(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty())).start().end();
    }
    assertThat(seen).containsExactly("POST", SpanKind.SERVER, "/api/payment", 1);
    SpanData data = exporter.finishedSpans().get(0);
    assertThat(data.attributes().asMap()).containsEntry("sampling.rule", "payment").containsEntry("http.route", "/api/payment");
    assertThat(data.spanContext().traceState().get("ariadne")).isEqualTo("r:5");
  }

  @Test
  void throwingSampler_dropsTheSpan_andIsCounted() {
    Sampler broken = new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, long traceIdHigh, long traceIdLow, String name,
          SpanKind kind, Attributes attributes, List<Link> links) {
        throw new IllegalStateException("broken sampler");
      }

      @Override
      public String description() {
        return "broken";
      }
    };
    try (Tracing tracing = tracing(broken)) {
      Span span = tracing.tracer("t").span("x").start();
      span.end();
      assertThat(span.isRecording()).isFalse();
      assertThat(tracing.stats().samplerFailures()).isEqualTo(1);
    }
  }

  @Test
  void onStartProcessors_canAddAttributes() {
    SpanProcessor enricher = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        span.attribute("tenant", "acme");
      }

      @Override
      public boolean isStartRequired() {
        return true;
      }

      @Override
      public void onEnd(SpanData span) {}
    };
    try (Tracing tracing = tracing(Sampler.alwaysOn(), enricher)) {
      tracing.tracer("t").span("x").start().end();
    }
    assertThat(exporter.finishedSpans().get(0).attributes().get("tenant")).isEqualTo("acme");
  }

  private static Sampler constant(SamplingResult result) {
    return new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, long traceIdHigh, long traceIdLow, String name,
          SpanKind kind, Attributes attributes, List<Link> links) {
        return result;
      }

      @Override
      public String description() {
        return "constant";
      }
    };
  }

}
