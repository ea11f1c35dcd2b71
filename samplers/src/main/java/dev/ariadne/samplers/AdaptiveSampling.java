package dev.ariadne.samplers;

import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.sampling.Sampler;
import java.time.Duration;

/**
 * Adaptive sampling that sees the outcome: every failed request and a share of the slow ones are
 * kept, plus a base rate of the rest. It is local tail sampling, a {@link #sampler()} and a
 * {@link #processor()} used together.
 *
 * <pre>{@code
 * BatchSpanProcessor export = BatchSpanProcessor.builder(exporter).build();
 * AdaptiveSampling adaptive = AdaptiveSampling.builder(export)
 *     .baseRate(0.1)                        // 10% of ordinary traces
 *     .slowThreshold(Duration.ofSeconds(2)) // a local root slower than this...
 *     .slowRate(0.5)                        // ...keeps its trace with probability 0.5
 *     .build();                             // and every trace with an error is kept
 * Tracing tracing = Tracing.builder()
 *     .sampler(adaptive.sampler())
 *     .addSpanProcessor(adaptive.processor()) // instead of adding `export` itself
 *     .build();
 * AdaptiveStats stats = adaptive.stats();
 * }</pre>
 *
 * <h2>How it decides</h2>
 * At the start of a span nobody knows whether it will fail or be slow, so:
 * <ol>
 *   <li>A span whose parent is sampled is sampled: the trace was kept upstream.</li>
 *   <li>Every other span is recorded unsampled (RECORD_ONLY) and, when it ends, buffered with its
 *       local trace: the spans of this trace in this process, under its local root (its first
 *       span here, without a parent or with one from another process).</li>
 *   <li>When the local root ends, the local trace is decided. Its rate is the highest that applies:
 *       the base rate (0.1, or a {@link RuleSampler}'s rate for the root), {@code errorRate} (1) if
 *       any span so far had ERROR status or a recorded exception, {@code slowRate} (0.5) if the
 *       root took longer than {@code slowThreshold} (2 s). It is kept when its trace id passes that
 *       rate by the consistent trace-id rule. The thresholds nest, so this keeps every trace any
 *       applicable rule keeps: all failed traces, half of all slow ones, a tenth of the rest.</li>
 *   <li>Kept spans reach the downstream processor with their own timings, through a read-only view
 *       that carries the sampled flag; dropped spans are released. Spans ending after the decision
 *       follow it.</li>
 * </ol>
 * The local root of a kept trace records that rate in {@code sampling.rate} (and Jaeger's {@code
 * sampler.type}/{@code sampler.param}), with {@code sampling.reason} = {@code error} or {@code
 * latency} when the outcome raised it: the probability that a trace which went this way is kept,
 * so weighing each trace by {@code 1 / sampling.rate} counts every kind of trace without bias.
 *
 * <h2>Memory</h2>
 * At most {@code maxTraces} traces are remembered (buffering, or decided and waiting for late
 * spans) and at most {@code maxBufferedSpans} spans are buffered. Over either bound the oldest
 * trace leaves; if undecided it is decided at once by its base rate (kept or released as far as it
 * got) and counted in {@link AdaptiveStats#forcedByOverflow()}. A span ending after its trace left
 * is released and counted as an orphan. A buffered span costs itself (a few hundred bytes with its
 * attributes) and a 24-byte node; a trace about 150 bytes of map entry, key, state and queue node,
 * and its root a small attribute list for its base rate.
 *
 * <h2>Across services</h2>
 * Each service decides only for its own part of a trace. A trace kept here because a span failed
 * here is not kept by the services it called (they saw it unsampled and have decided already),
 * and a failure elsewhere does not make this service keep its part. The base sample is the
 * exception: services that use the same base rate keep the same traces by the trace-id rule.
 * For whole-trace decisions, export everything to a collector that does tail sampling.
 */
public final class AdaptiveSampling {
  private final AdaptiveSampler sampler;
  private final TailProcessor processor;

  private AdaptiveSampling(Builder b) {
    String base = b.baseRules != null ? b.baseRules.description() : String.valueOf(b.baseRate);
    this.sampler = new AdaptiveSampler(b.baseRules, b.baseRate, "Adaptive{base=" + base + ", errorRate="
        + b.errorRate + ", slowThreshold=" + b.slowThreshold + ", slowRate=" + b.slowRate + '}');
    this.processor = new TailProcessor(b.downstream, b.maxTraces, b.maxBufferedSpans, b.slowThreshold.toNanos(),
        b.errorRate, b.slowRate);
  }

  /** A builder whose kept spans go to {@code downstream} (usually a {@code BatchSpanProcessor}). */
  public static Builder builder(SpanProcessor downstream) {
    return new Builder(downstream);
  }

  /** The sampler to give {@code Tracing.builder().sampler(...)}. */
  public Sampler sampler() {
    return sampler;
  }

  /** The processor to add with {@code Tracing.builder().addSpanProcessor(...)}, in place of the downstream one. */
  public SpanProcessor processor() {
    return processor;
  }

  /** What was kept, dropped and buffered so far. */
  public AdaptiveStats stats() {
    return new AdaptiveStats(
        processor.keptByError.sum(), processor.keptByLatency.sum(), processor.keptByBaseRate.sum(),
        sampler.keptByParent.sum(), processor.dropped.sum(), processor.forcedByOverflow.sum(),
        processor.tracesBuffered.sum(), processor.pendingTraces(), processor.pendingSpans(),
        processor.spansKept.sum(), processor.spansReleased.sum(), processor.orphanSpans.sum());
  }

  int trackedTraces() {
    return processor.trackedTraces();
  }

  @Override
  public String toString() {
    return sampler.description();
  }

  /** Configures {@link AdaptiveSampling}; every setting is checked when set, naming it on error. */
  public static final class Builder {
    private final SpanProcessor downstream;
    private double baseRate = 0.1;
    private RuleSampler baseRules;
    private double errorRate = 1.0;
    private Duration slowThreshold = Duration.ofSeconds(2);
    private double slowRate = 0.5;
    private int maxTraces = 10_000;
    private int maxBufferedSpans = 50_000;

    private Builder(SpanProcessor downstream) {
      if (downstream == null) {
        throw new IllegalArgumentException("downstream processor must not be null");
      }
      this.downstream = downstream;
    }

    /** The share of ordinary traces kept, by the consistent trace-id rule; 0.1 by default. */
    public Builder baseRate(double rate) {
      this.baseRate = ConsistentRatio.checkRate(rate, "baseRate");
      this.baseRules = null;
      return this;
    }

    /**
     * Takes the base rate of each trace from {@code rules} (by its local root's name and start
     * attributes) instead of one base rate: "half of payments, 1% of health checks, and every
     * failed request".
     */
    public Builder baseRules(RuleSampler rules) {
      if (rules == null) {
        throw new IllegalArgumentException("baseRules must not be null");
      }
      this.baseRules = rules;
      return this;
    }

    /** The share of traces with an error that are kept; 1 by default. */
    public Builder errorRate(double rate) {
      this.errorRate = ConsistentRatio.checkRate(rate, "errorRate");
      return this;
    }

    /** How long a local root must take for its trace to count as slow; 2 s by default. */
    public Builder slowThreshold(Duration threshold) {
      if (threshold == null || threshold.isNegative()) {
        throw new IllegalArgumentException("slowThreshold must be >= 0, was " + threshold);
      }
      this.slowThreshold = threshold;
      return this;
    }

    /** The share of slow traces that are kept; 0.5 by default. */
    public Builder slowRate(double rate) {
      this.slowRate = ConsistentRatio.checkRate(rate, "slowRate");
      return this;
    }

    /** How many traces are remembered at most, buffering or decided; 10 000 by default. */
    public Builder maxTraces(int maxTraces) {
      if (maxTraces < 1) {
        throw new IllegalArgumentException("maxTraces must be > 0, was " + maxTraces);
      }
      this.maxTraces = maxTraces;
      return this;
    }

    /** How many ended spans are buffered at most, over all traces; 50 000 by default. */
    public Builder maxBufferedSpans(int maxBufferedSpans) {
      if (maxBufferedSpans < 1) {
        throw new IllegalArgumentException("maxBufferedSpans must be > 0, was " + maxBufferedSpans);
      }
      this.maxBufferedSpans = maxBufferedSpans;
      return this;
    }

    /** The configured pair. */
    public AdaptiveSampling build() {
      return new AdaptiveSampling(this);
    }
  }
}
