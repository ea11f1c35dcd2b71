package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.IdGenerator;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AdaptiveSamplingTest {
  private static final long BASE = ConsistentRatio.threshold(0.1);
  private static final long SLOW = ConsistentRatio.threshold(0.5);

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final TestClock clock = new TestClock();

  private AdaptiveSampling.Builder adaptive() {
    return AdaptiveSampling.builder(SimpleSpanProcessor.create(exporter));
  }

  private Tracing tracing(AdaptiveSampling adaptive, IdGenerator ids) {
    return Tracing.builder()
        .sampler(adaptive.sampler())
        .addSpanProcessor(adaptive.processor())
        .idGenerator(ids)
        .clock(clock)
        .build();
  }

  /** A root with two children, the root taking {@code duration}; returns the root. */
  private Span trace(Tracer tracer, Duration duration, String failure) {
    Span root = tracer.span("GET /api/order").start();
    Context parent = Context.root().with(root);
    Span db = tracer.span("db").parent(parent).start();
    Span cache = tracer.span("cache").parent(parent).start();
    if ("child-status".equals(failure)) {
      db.status(StatusCode.ERROR, "timeout");
    } else if ("child-exception".equals(failure)) {
      cache.recordException(new IllegalStateException("cache down"));
    } else if ("root-status".equals(failure)) {
      root.status(StatusCode.ERROR);
    }
    db.end();
    cache.end();
    clock.advance(duration);
    root.end();
    return root;
  }

  private List<SpanData> exportedOf(Span root) {
    long low = root.spanContext().traceIdLow();
    long high = root.spanContext().traceIdHigh();
    return exporter.finishedSpans().stream()
        .filter(s -> s.spanContext().traceIdLow() == low && s.spanContext().traceIdHigh() == high)
        .collect(Collectors.toList());
  }

  @Test
  void everyTraceWithAnError_isKeptWhole_whereverTheErrorIs() {
    AdaptiveSampling adaptive = adaptive().build();
    String[] failures = {"child-status", "child-exception", "root-status"};
    int n = 3_000;
    try (Tracing tracing = tracing(adaptive, new SeededIds(1L))) {
      Tracer tracer = tracing.tracer("t");
      for (int i = 0; i < n; i++) {
        trace(tracer, Duration.ofMillis(5), failures[i % 3]);
      }
    }
    assertThat(exporter.finishedSpans()).hasSize(3 * n).allMatch(s -> s.spanContext().isSampled());
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.keptByError()).isEqualTo(n);
    assertThat(stats.tracesBuffered()).isEqualTo(n);
    assertThat(stats.dropped()).isZero();
    List<SpanData> keptByError = exporter.finishedSpans().stream()
        .filter(s -> "error".equals(s.attributes().get(SamplingAttributes.SAMPLING_REASON)))
        .collect(Collectors.toList());
    assertThat(keptByError).hasSize(n).allMatch(s -> s.parentSpanContext().isValid() == false)
        .allMatch(s -> Double.valueOf(1.0).equals(s.attributes().get(SamplingAttributes.SAMPLING_RATE)));
  }

  @Test
  void slowTraces_areKeptHalfTheTime_byTheConsistentRule() {
    AdaptiveSampling adaptive = adaptive().build();
    int n = 10_000;
    int kept = 0;
    try (Tracing tracing = tracing(adaptive, new SeededIds(2L))) {
      Tracer tracer = tracing.tracer("t");
      for (int i = 0; i < n; i++) {
        Span root = trace(tracer, Duration.ofMillis(2_001), null);
        List<SpanData> exported = exportedOf(root);
        boolean expected = ConsistentRatio.keeps(root.spanContext().traceIdLow(), SLOW);
        assertThat(exported).hasSize(expected ? 3 : 0);
        if (expected) {
          kept++;
          SpanData exportedRoot = exported.get(2);
          assertThat(exportedRoot.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.5);
          assertThat(exportedRoot.attributes().get(SamplingAttributes.SAMPLING_REASON)).isEqualTo("latency");
        }
        exporter.reset();
      }
    }
    assertThat((double) kept).isCloseTo(n * 0.5, offset(Decisions.fourSigma(n, 0.5)));
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.keptByLatency()).isEqualTo(kept);
    assertThat(stats.dropped()).isEqualTo(n - kept);
  }

  @Test
  void fastTraces_areKeptAtTheBaseRate_byTheConsistentRule() {
    AdaptiveSampling adaptive = adaptive().build();
    int n = 20_000;
    int kept = 0;
    try (Tracing tracing = tracing(adaptive, new SeededIds(3L))) {
      Tracer tracer = tracing.tracer("t");
      for (int i = 0; i < n; i++) {
        Span root = trace(tracer, Duration.ofMillis(2_000), null); // not longer than the threshold
        boolean expected = ConsistentRatio.keeps(root.spanContext().traceIdLow(), BASE);
        assertThat(root.spanContext().isSampled()).as("decided at the end, not the start").isFalse();
        List<SpanData> exported = exportedOf(root);
        assertThat(exported).hasSize(expected ? 3 : 0);
        if (expected) {
          kept++;
          assertThat(exported.get(2).attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.1);
          assertThat(exported.get(2).attributes().get(SamplingAttributes.SAMPLING_REASON)).isNull();
        }
        exporter.reset();
      }
    }
    assertThat((double) kept).isCloseTo(n * 0.1, offset(Decisions.fourSigma(n, 0.1)));
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.keptByBaseRate()).isEqualTo(kept);
    assertThat(stats.tracesBuffered()).isEqualTo(n);
    assertThat(stats.dropped()).isEqualTo(n - kept);
    assertThat(stats.spansKept()).isEqualTo(3L * kept);
    assertThat(stats.spansReleased()).isEqualTo(3L * (n - kept));
    assertThat(stats.pendingTraces()).isZero();
    assertThat(stats.pendingSpans()).isZero();
  }

  @Test
  void aTraceTheBaseRateWouldKeep_isWeighedByHowItWent() {
    AdaptiveSampling adaptive = adaptive().build();
    FixedIds ids = new FixedIds().next(FixedIds.ALWAYS_KEPT).next(FixedIds.ALWAYS_KEPT);
    try (Tracing tracing = tracing(adaptive, ids)) {
      Span fast = trace(tracing.tracer("t"), Duration.ofMillis(10), null);
      Span slow = trace(tracing.tracer("t"), Duration.ofSeconds(3), null);
      assertThat(exportedOf(fast).get(2).attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.1);
      SpanData slowRoot = exportedOf(slow).get(2);
      assertThat(slowRoot.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.5);
      assertThat(slowRoot.attributes().get(SamplingAttributes.SAMPLER_PARAM)).isEqualTo(0.5);
      assertThat(slowRoot.attributes().get(SamplingAttributes.SAMPLING_REASON)).isEqualTo("latency");
    }
    assertThat(adaptive.stats().keptByBaseRate()).isEqualTo(1);
    assertThat(adaptive.stats().keptByLatency()).isEqualTo(1);
    assertThat(adaptive.stats().tracesBuffered()).isEqualTo(2);
  }

  @Test
  void lateChildren_followTheDecision_whetherTheyEndOrEvenStartAfterIt() {
    AdaptiveSampling adaptive = adaptive().build();
    FixedIds ids = new FixedIds().next(FixedIds.NEVER_KEPT).next(FixedIds.NEVER_KEPT + (1L << 56));
    try (Tracing tracing = tracing(adaptive, ids)) {
      Tracer tracer = tracing.tracer("t");
      Span failed = tracer.span("failed").start();
      Span failedEarly = tracer.span("early").parent(Context.root().with(failed)).start();
      Span failedLate = tracer.span("late").parent(Context.root().with(failed)).start();
      Span fine = tracer.span("fine").start();
      Span fineLate = tracer.span("late").parent(Context.root().with(fine)).start();
      failedEarly.end();
      failed.status(StatusCode.ERROR).end();
      fine.end();
      assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("early", "failed");

      failedLate.end();
      fineLate.end();
      Span startedAfter = tracer.span("after").parent(Context.root().with(failed)).start();
      startedAfter.end();
      Span fineAfter = tracer.span("after").parent(Context.root().with(fine)).start();
      fineAfter.end();
    }
    assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("early", "failed", "late", "after");
    assertThat(exporter.finishedSpans()).allMatch(s -> s.spanContext().traceIdLow() == FixedIds.NEVER_KEPT);
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.keptByError()).isEqualTo(1);
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(stats.spansKept()).isEqualTo(4);
    assertThat(stats.spansReleased()).isEqualTo(3);
  }

  @Test
  void keptSpans_goDownstreamWithTheirOwnTimingsIdsAndData_andTheSampledFlag() {
    AdaptiveSampling adaptive = adaptive().build();
    try (Tracing tracing = tracing(adaptive, new FixedIds().next(FixedIds.NEVER_KEPT))) {
      Tracer tracer = tracing.tracer("t");
      Span root = tracer.span("root").attribute("http.route", "/api/x").start();
      clock.advance(Duration.ofMillis(7));
      Span child = tracer.span("child").parent(Context.root().with(root)).attribute("k", "v").start();
      child.event("retry");
      clock.advance(Duration.ofMillis(11));
      child.status(StatusCode.ERROR, "boom").end();
      clock.advance(Duration.ofMillis(13));
      root.end();
      assertThat(root.spanContext().isSampled()).isFalse();

      SpanData keptChild = exporter.finishedSpans().get(0);
      SpanData keptRoot = exporter.finishedSpans().get(1);
      assertThat(keptChild.spanContext().isSampled()).isTrue();
      assertThat(keptChild.spanContext().spanId()).isEqualTo(child.spanContext().spanId());
      assertThat(keptChild.spanContext().traceIdLow()).isEqualTo(FixedIds.NEVER_KEPT);
      assertThat(keptChild.spanContext().traceFlags() & TraceFlags.RANDOM).isEqualTo(TraceFlags.RANDOM);
      assertThat(keptChild.parentSpanContext().spanId()).isEqualTo(root.spanContext().spanId());
      assertThat(keptChild.durationNanos()).isEqualTo(Duration.ofMillis(11).toNanos());
      assertThat(keptRoot.durationNanos()).isEqualTo(Duration.ofMillis(31).toNanos());
      assertThat(keptChild.startEpochNanos() - keptRoot.startEpochNanos()).isEqualTo(Duration.ofMillis(7).toNanos());
      assertThat(keptChild.attributes().asMap()).containsExactly(java.util.Map.entry("k", "v"));
      assertThat(keptChild.events()).extracting(e -> e.name()).containsExactly("retry");
      assertThat(keptChild.statusDescription()).isEqualTo("boom");
      assertThat(keptRoot.attributes().get("http.route")).isEqualTo("/api/x");
      assertThat(keptRoot.attributes().get(SamplingAttributes.SAMPLER_TYPE)).isEqualTo("probabilistic");
      assertThat(keptRoot.resource()).isSameAs(tracing.resource());
    }
  }

  @Test
  void spansUnderASampledRemoteParent_areKeptAtOnce_andASecondEntryIntoABufferedTraceIsOneOfItsMembers() {
    AdaptiveSampling adaptive = adaptive().build();
    try (Tracing tracing = tracing(adaptive, new FixedIds().next(FixedIds.NEVER_KEPT))) {
      Tracer tracer = tracing.tracer("t");
      SpanContext sampledRemote = SpanContext.createFromRemoteParent(5, 6, 7, TraceFlags.SAMPLED, TraceState.empty());
      Span server = tracer.span("server").parent(Context.root().with(Span.wrap(sampledRemote))).start();
      assertThat(server.spanContext().isSampled()).isTrue();
      server.end();

      Span root = tracer.span("root").start();
      SpanContext unsampledRemote = SpanContext.createFromRemoteParent(root.spanContext().traceIdHigh(),
          FixedIds.NEVER_KEPT, 99, TraceFlags.NONE, TraceState.empty());
      Span secondEntry = tracer.span("second").parent(Context.root().with(Span.wrap(unsampledRemote))).start();
      secondEntry.end();
      assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("server");
      root.status(StatusCode.ERROR).end();
    }
    assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("server", "second", "root");
    assertThat(adaptive.stats().keptByParent()).isEqualTo(1);
    assertThat(adaptive.stats().tracesBuffered()).isEqualTo(1);
  }

  @Test
  void memoryStaysBounded_whenAMillionTracesNeverEndTheirRoot() {
    int maxTraces = 1_000;
    int maxSpans = 500;
    CountingProcessor downstream = new CountingProcessor();
    AdaptiveSampling adaptive = AdaptiveSampling.builder(downstream).maxTraces(maxTraces).maxBufferedSpans(maxSpans).build();
    int n = 1_000_000;
    try (Tracing tracing = tracing(adaptive, new SeededIds(4L))) {
      Tracer tracer = tracing.tracer("t");
      for (int i = 0; i < n; i++) {
        Span root = tracer.span("never-ends").start();
        tracer.span("child").parent(Context.root().with(root)).start().end();
        if (i % 10_000 == 0) {
          AdaptiveStats stats = adaptive.stats();
          assertThat(stats.pendingTraces()).isLessThanOrEqualTo(maxTraces);
          assertThat(stats.pendingSpans()).isLessThanOrEqualTo(maxSpans);
          assertThat(adaptive.trackedTraces()).isLessThanOrEqualTo(maxTraces);
        }
      }
      AdaptiveStats stats = adaptive.stats();
      assertThat(stats.pendingTraces()).isLessThanOrEqualTo(maxTraces).isPositive();
      assertThat(stats.pendingSpans()).isLessThanOrEqualTo(maxSpans).isPositive();
      assertThat(adaptive.trackedTraces()).isLessThanOrEqualTo(maxTraces);
      assertThat(stats.tracesBuffered()).isEqualTo(n);
      assertThat(stats.forcedByOverflow()).isEqualTo(n - stats.pendingTraces());
      assertThat(stats.spansKept() + stats.spansReleased() + stats.pendingSpans()).isEqualTo(n);
      assertThat(downstream.sampledEnded.sum()).isEqualTo(stats.spansKept());
      // forced traces are decided by their base rate: about a tenth keep what they had buffered
      assertThat((double) stats.spansKept()).isCloseTo(n * 0.1, offset(Decisions.fourSigma(n, 0.1) + maxSpans));
    }
  }

  @Test
  void aTraceWithMoreSpansThanTheBufferHolds_isForcedOut_andItsLaterSpansAreOrphans() {
    AdaptiveSampling adaptive = adaptive().maxBufferedSpans(5).build();
    try (Tracing tracing = tracing(adaptive, new FixedIds().next(FixedIds.NEVER_KEPT))) {
      Tracer tracer = tracing.tracer("t");
      Span root = tracer.span("batch-job").start();
      for (int i = 0; i < 6; i++) {
        tracer.span("item").parent(Context.root().with(root)).start().end();
      }
      AdaptiveStats forced = adaptive.stats();
      assertThat(forced.forcedByOverflow()).isEqualTo(1);
      assertThat(forced.pendingSpans()).isZero();
      assertThat(forced.spansReleased()).isEqualTo(6);
      tracer.span("item").parent(Context.root().with(root)).start().end();
      root.status(StatusCode.ERROR).end();
    }
    assertThat(exporter.finishedSpans()).isEmpty();
    assertThat(adaptive.stats().orphanSpans()).isEqualTo(2);
  }

  @Test
  void shutdown_dropsTracesStillBuffering_andShutsTheDownstreamProcessorDown() {
    AdaptiveSampling adaptive = adaptive().build();
    Tracing tracing = tracing(adaptive, new FixedIds().next(FixedIds.NEVER_KEPT));
    Span root = tracing.tracer("t").span("root").start();
    tracing.tracer("t").span("child").parent(Context.root().with(root)).start().end();
    assertThat(tracing.shutdown(Duration.ofSeconds(5))).isTrue();
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.dropped()).isEqualTo(1);
    assertThat(stats.pendingTraces()).isZero();
    assertThat(stats.pendingSpans()).isZero();
    assertThat(stats.spansReleased()).isEqualTo(1);
    root.end();
    assertThat(exporter.finishedSpans()).isEmpty();
    assertThat(exporter.export(List.of()).isSuccess()).as("the exporter was shut down").isFalse();
  }

  @Test
  void howTo_keepEveryFailure_halfOfSlowRequests_andEachEndpointAtItsRate() {
    AdaptiveSampling adaptive = adaptive()
        .baseRules(RuleSampler.parse("/api/payment=0.5,/api/health=0,*=0.1,[user.tier=premium]=x1.5"))
        .build();
    try (Tracing tracing = tracing(adaptive, new FixedIds().next(0x0070_0000_0000_0000L).next(1).next(2).next(3))) {
      Tracer tracer = tracing.tracer("t");
      // 0x70.. / 2^56 = 0.4375: below payment's 0.5, above the default 0.1
      tracer.span("POST").attribute("http.route", "/api/payment").start().end();
      tracer.span("GET").attribute("http.route", "/api/health").start().status(StatusCode.ERROR).end();
      tracer.span("GET").attribute("http.route", "/api/health").start().end();
      tracer.span("GET").attribute("http.route", "/api/order").attribute("user.tier", "premium").start().end();
    }
    assertThat(exporter.finishedSpans()).extracting(s -> s.attributes().get(SamplingAttributes.SAMPLING_RATE))
        .containsExactly(0.5, 1.0, 0.15000000000000002);
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.keptByBaseRate()).isEqualTo(2);
    assertThat(stats.keptByError()).isEqualTo(1);
    assertThat(stats.dropped()).isEqualTo(1);
  }

  @Test
  void tracesForcedOutOfAFullBuffer_areDecidedByTheirBaseRate() {
    AdaptiveSampling adaptive = adaptive().maxTraces(1).build();
    FixedIds ids = new FixedIds().next(FixedIds.ALWAYS_KEPT).next(FixedIds.NEVER_KEPT).next(FixedIds.NEVER_KEPT);
    try (Tracing tracing = tracing(adaptive, ids)) {
      Tracer tracer = tracing.tracer("t");
      Span kept = tracer.span("kept").start();
      tracer.span("kept-child").parent(Context.root().with(kept)).start().end();
      Span released = tracer.span("released").start(); // pushes "kept" out of the window
      tracer.span("released-child").parent(Context.root().with(released)).start().end();
      tracer.span("third").start(); // pushes "released" out
      kept.end();
      released.status(StatusCode.ERROR).end(); // too late: its trace was decided
    }
    assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("kept-child");
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.forcedByOverflow()).isEqualTo(2);
    assertThat(stats.orphanSpans()).isEqualTo(2);
    assertThat(stats.keptByError()).isZero();
  }

  @Test
  void builderSettings_areCheckedNamingTheSetting() {
    assertThatThrownBy(() -> AdaptiveSampling.builder(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("downstream processor must not be null");
    assertThatThrownBy(() -> adaptive().baseRate(1.1)).hasMessage("baseRate must be within [0, 1], was 1.1");
    assertThatThrownBy(() -> adaptive().slowRate(-1)).hasMessage("slowRate must be within [0, 1], was -1.0");
    assertThatThrownBy(() -> adaptive().errorRate(2)).hasMessage("errorRate must be within [0, 1], was 2.0");
    assertThatThrownBy(() -> adaptive().slowThreshold(Duration.ofSeconds(-1)))
        .hasMessage("slowThreshold must be >= 0, was PT-1S");
    assertThatThrownBy(() -> adaptive().maxTraces(0)).hasMessage("maxTraces must be > 0, was 0");
    assertThatThrownBy(() -> adaptive().maxBufferedSpans(-5)).hasMessage("maxBufferedSpans must be > 0, was -5");
    assertThatThrownBy(() -> adaptive().baseRules(null)).hasMessage("baseRules must not be null");
  }
}
