package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.Clock;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingDecision;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.List;

/**
 * Keeps at most a fixed number of new traces per second, with a configurable burst, so tracing
 * cost stays flat however much traffic arrives.
 *
 * <pre>{@code
 * Tracing tracing = Tracing.builder()
 *     .sampler(Sampler.parentBased(RateLimitingSampler.builder(100).burst(200).build()))
 *     .build();
 * }</pre>
 *
 * <p>Only local roots (no parent, or a parent from another process) take a token; a span whose
 * parent is in this process follows its parent's sampled flag, so a trace is never cut in the
 * middle by an empty bucket. Over any window of T seconds at most {@code burst + T *
 * tracesPerSecond} traces are kept, from any number of threads: the bucket is one {@code long}
 * updated with a compare-and-set (see {@code TokenBucket}), with no lock and no allocation.
 *
 * <p>Kept local roots carry Jaeger's {@code sampler.type = "ratelimiting"} and {@code
 * sampler.param = tracesPerSecond}, but no {@code sampling.rate}: how likely a trace was to be
 * kept depends on the traffic, which the sampler does not know. Unlike the ratio samplers, services
 * that rate-limit independently do not agree on which traces they keep; use it where the
 * service starts traces, and let downstream services follow the sampled flag.
 */
public final class RateLimitingSampler implements Sampler {
  /** The highest rate: one trace per nanosecond. */
  static final double MAX_TRACES_PER_SECOND = 1e9;
  /** The lowest rate above 0: one trace per day (keeps the bucket's arithmetic far from overflow). */
  static final double MIN_TRACES_PER_SECOND = 1.0 / 86_400;

  private final double tracesPerSecond;
  private final int burst;
  private final TokenBucket bucket;
  private final SamplingResult keptRoot;
  private final String description;

  private RateLimitingSampler(Builder b) {
    this.tracesPerSecond = b.tracesPerSecond;
    this.burst = b.burst > 0 ? b.burst : defaultBurst(b.tracesPerSecond);
    this.bucket = tracesPerSecond == 0
        ? null
        : new TokenBucket(b.clock, (long) Math.ceil(1e9 / tracesPerSecond), burst);
    this.keptRoot = SamplingResult.of(SamplingDecision.RECORD_AND_SAMPLE, Attributes.builder()
        .put(SamplingAttributes.SAMPLER_TYPE, SamplingAttributes.RATE_LIMITING)
        .put(SamplingAttributes.SAMPLER_PARAM, tracesPerSecond)
        .build(), null);
    this.description = "RateLimiting{" + tracesPerSecond + "/s, burst=" + burst + '}';
  }

  /** A sampler keeping at most {@code tracesPerSecond} new traces per second, with a burst of one second's worth. */
  public static RateLimitingSampler create(double tracesPerSecond) {
    return builder(tracesPerSecond).build();
  }

  /**
   * A builder for a sampler keeping at most {@code tracesPerSecond} new traces per second; 0 keeps
   * none.
   *
   * @throws IllegalArgumentException if tracesPerSecond is neither 0 nor within [1/86400, 1e9]
   */
  public static Builder builder(double tracesPerSecond) {
    return new Builder(tracesPerSecond);
  }

  private static int defaultBurst(double tracesPerSecond) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(tracesPerSecond)));
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    if (parent.isValid() && !parent.isRemote()) {
      return parent.isSampled() ? SamplingResult.recordAndSample() : SamplingResult.drop();
    }
    TokenBucket b = bucket;
    return b != null && b.tryAcquire() ? keptRoot : SamplingResult.drop();
  }

  /** The configured rate. */
  public double tracesPerSecond() {
    return tracesPerSecond;
  }

  /** How many traces may be kept at once after a quiet period. */
  public int burst() {
    return burst;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  /** Configures a {@link RateLimitingSampler}; every setting is checked when set. */
  public static final class Builder {
    private final double tracesPerSecond;
    private int burst;
    private Clock clock = Clock.system();

    private Builder(double tracesPerSecond) {
      if (!(tracesPerSecond == 0
          || (tracesPerSecond >= MIN_TRACES_PER_SECOND && tracesPerSecond <= MAX_TRACES_PER_SECOND))) {
        throw new IllegalArgumentException(
            "tracesPerSecond must be 0 or from one per day (1/86400) to 1e9, was " + tracesPerSecond);
      }
      this.tracesPerSecond = tracesPerSecond;
    }

    /**
     * How many traces may be kept at once after a quiet period (the bucket's size); by default one
     * second's worth, at least 1.
     */
    public Builder burst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be >= 1, was " + burst);
      }
      if (tracesPerSecond > 0 && Math.ceil(1e9 / tracesPerSecond) * burst > Long.MAX_VALUE / 4.0) {
        throw new IllegalArgumentException("burst must be at most " + (long) (Long.MAX_VALUE / 4.0
            / Math.ceil(1e9 / tracesPerSecond)) + " at " + tracesPerSecond + " traces per second, was " + burst);
      }
      this.burst = burst;
      return this;
    }

    /** The time source, for tests; only its {@code nanoTime()} is read. */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException("clock must not be null");
      }
      this.clock = clock;
      return this;
    }

    /** The configured sampler. */
    public RateLimitingSampler build() {
      return new RateLimitingSampler(this);
    }
  }
}
