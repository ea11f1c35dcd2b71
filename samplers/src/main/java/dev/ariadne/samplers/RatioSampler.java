package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.List;

/**
 * Keeps a fraction of traces by the consistent trace-id rule (the same bits and threshold as
 * core's {@code Sampler.traceIdRatio}), and records the rate on the local root of every trace it
 * keeps ({@link SamplingAttributes}).
 *
 * <pre>{@code
 * Tracing tracing = Tracing.builder()
 *     .sampler(Sampler.parentBased(RatioSampler.create(0.1))) // 10% of new traces
 *     .build();
 * }</pre>
 *
 * <p>The decision is a pure function of the trace id: every service using the same rate keeps the
 * same traces, and a trace kept at rate r is kept at every rate above r. It allocates nothing: the
 * kept result, with its attributes, is made once when the sampler is created.
 */
public final class RatioSampler implements Sampler {
  private final double rate;
  private final long threshold;
  private final SamplingResult keptRoot;
  private final String description;

  private RatioSampler(double rate) {
    this.rate = rate;
    this.threshold = ConsistentRatio.threshold(rate);
    this.keptRoot = SamplingAttributes.sampledAt(rate);
    this.description = "Ratio{" + rate + '}';
  }

  /**
   * A sampler keeping the fraction {@code rate} of traces.
   *
   * @throws IllegalArgumentException if rate is not within [0, 1]
   */
  public static RatioSampler create(double rate) {
    return new RatioSampler(ConsistentRatio.checkRate(rate, "rate"));
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    if (!ConsistentRatio.keeps(traceIdLow, threshold)) {
      return SamplingResult.drop();
    }
    return SamplingAttributes.isLocalRoot(parentContext) ? keptRoot : SamplingResult.recordAndSample();
  }

  /** The configured rate. */
  public double rate() {
    return rate;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
