package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Context;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RatioSamplerTest {

  @Test
  void keepsATenthOfOneHundredThousandTraceIds_withinFourSigma() {
    RatioSampler sampler = RatioSampler.create(0.1);
    SplittableRandom random = new SplittableRandom(20261124L);
    int n = 100_000;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (Decisions.kept(sampler, random.nextLong())) {
        kept++;
      }
    }
    assertThat((double) kept).isCloseTo(n * 0.1, org.assertj.core.data.Offset.offset(Decisions.fourSigma(n, 0.1)));
  }

  @Test
  void twoIndependentTracings_agreeOnEveryTraceId_andWithCoresRatioSampler() {
    InMemorySpanExporter a = InMemorySpanExporter.create();
    InMemorySpanExporter b = InMemorySpanExporter.create();
    try (Tracing first = tracing(RatioSampler.create(0.25), 77L, a);
        Tracing second = tracing(RatioSampler.create(0.25), 77L, b);
        Tracing core = tracing(Sampler.traceIdRatio(0.25), 77L, InMemorySpanExporter.create())) {
      Tracer t1 = first.tracer("one");
      Tracer t2 = second.tracer("two");
      Tracer t3 = core.tracer("core");
      int agreedKept = 0;
      for (int i = 0; i < 20_000; i++) {
        Span s1 = t1.span("request").start();
        Span s2 = t2.span("request").start();
        Span s3 = t3.span("request").start();
        assertThat(s2.spanContext().traceIdLow()).isEqualTo(s1.spanContext().traceIdLow());
        assertThat(s2.spanContext().isSampled()).isEqualTo(s1.spanContext().isSampled());
        assertThat(s3.spanContext().isSampled()).isEqualTo(s1.spanContext().isSampled());
        if (s1.spanContext().isSampled()) {
          agreedKept++;
        }
        s1.end();
        s2.end();
        s3.end();
      }
      assertThat(a.finishedSpans()).hasSize(agreedKept);
      assertThat(b.finishedSpans()).hasSize(agreedKept);
      assertThat(agreedKept).isBetween(4_000, 6_000);
    }
  }

  @Test
  void aTraceKeptAtOneRate_isKeptAtEveryHigherRate() {
    double[] rates = {0.0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.9, 0.999, 1.0};
    RatioSampler[] samplers = new RatioSampler[rates.length];
    for (int i = 0; i < rates.length; i++) {
      samplers[i] = RatioSampler.create(rates[i]);
    }
    SplittableRandom random = new SplittableRandom(3L);
    int[] keptAt = new int[rates.length];
    for (int n = 0; n < 50_000; n++) {
      long id = random.nextLong();
      boolean keptBelow = false;
      for (int i = 0; i < rates.length; i++) {
        boolean kept = Decisions.kept(samplers[i], id);
        if (keptBelow) {
          assertThat(kept).as("id %x kept at a lower rate but not at %s", id, rates[i]).isTrue();
        }
        keptBelow = kept;
        if (kept) {
          keptAt[i]++;
        }
      }
    }
    assertThat(keptAt[0]).isZero();
    assertThat(keptAt[rates.length - 1]).isEqualTo(50_000);
    assertThat(keptAt).isSorted();
  }

  @Test
  void aKeptRootSpan_recordsItsRateInBothConventions_andItsChildrenDoNot() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (Tracing tracing = tracing(Sampler.parentBased(RatioSampler.create(1.0)), 1L, exporter)) {
      try (ScopedSpan root = tracing.tracer("t").span("checkout").startScoped()) {
        tracing.tracer("t").span("child").start().end();
      }
    }
    SpanData child = exporter.finishedSpans().get(0);
    SpanData root = exporter.finishedSpans().get(1);
    assertThat(root.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(1.0);
    assertThat(root.attributes().get(SamplingAttributes.SAMPLER_TYPE)).isEqualTo("probabilistic");
    assertThat(root.attributes().get(SamplingAttributes.SAMPLER_PARAM)).isEqualTo(1.0);
    assertThat(child.attributes().isEmpty()).isTrue();
  }

  @Test
  void aSpanWithARemoteParent_isALocalRootAndRecordsTheRate() {
    RatioSampler sampler = RatioSampler.create(0.5);
    SpanContext remote = SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.NONE, TraceState.empty());
    SpanContext local = SpanContext.create(1, 2, 3, TraceFlags.NONE, TraceState.empty());
    SamplingResult fromRemote = sampler.shouldSample(Context.root().with(Span.wrap(remote)), 1, 2, "s",
        dev.ariadne.api.SpanKind.SERVER, dev.ariadne.api.Attributes.empty(), java.util.List.of());
    SamplingResult fromLocal = sampler.shouldSample(Context.root().with(Span.wrap(local)), 1, 2, "s",
        dev.ariadne.api.SpanKind.SERVER, dev.ariadne.api.Attributes.empty(), java.util.List.of());
    assertThat(fromRemote.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.5);
    assertThat(fromLocal).isSameAs(SamplingResult.recordAndSample());
  }

  @Test
  void decisionsAreSharedObjects_andAllocateNothing() {
    RatioSampler sampler = RatioSampler.create(0.5);
    SamplingResult kept = Decisions.root(sampler, 0, "s", dev.ariadne.api.Attributes.empty());
    assertThat(Decisions.root(sampler, 1, "s", dev.ariadne.api.Attributes.empty())).isSameAs(kept);
    assertThat(Decisions.root(sampler, -1L, "s", dev.ariadne.api.Attributes.empty())).isSameAs(SamplingResult.drop());
    long before = Decisions.allocatedBytes();
    long sink = 0;
    for (int i = 0; i < 100_000; i++) {
      sink += Decisions.root(sampler, i * 0x9E37_79B9_7F4A_7C15L, "s", dev.ariadne.api.Attributes.empty()).decision().ordinal();
    }
    long allocated = Decisions.allocatedBytes() - before;
    assertThat(sink).isPositive();
    assertThat(allocated).as("bytes for 100 000 decisions").isLessThan(100_000);
  }

  @Test
  void ratesOutsideZeroToOne_areRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RatioSampler.create(1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rate must be within [0, 1], was 1.5");
    assertThatThrownBy(() -> RatioSampler.create(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> RatioSampler.create(-0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  static Tracing tracing(Sampler sampler, long seed, InMemorySpanExporter exporter) {
    return Tracing.builder()
        .sampler(sampler)
        .idGenerator(new SeededIds(seed))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
  }
}
