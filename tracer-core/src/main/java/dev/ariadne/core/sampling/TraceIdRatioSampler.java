package dev.ariadne.core.sampling;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanKind;
import java.util.List;

/**
 * Keeps a trace when the rightmost 56 bits of its trace id, read as a number, fall below
 * {@code ratio * 2^56}. W3C Trace Context Level 2 makes exactly those bits random, so the decision
 * is uniform, the same in every service, and monotone in the ratio.
 */
final class TraceIdRatioSampler implements Sampler {
  private static final long RANDOM_BITS = 0x00FF_FFFF_FFFF_FFFFL;
  private static final double TWO_TO_56 = 0x1p56;

  private final double ratio;
  private final long threshold;
  private final String description;

  TraceIdRatioSampler(double ratio) {
    if (!(ratio >= 0.0 && ratio <= 1.0)) {
      throw new IllegalArgumentException("ratio must be within [0, 1], was " + ratio);
    }
    this.ratio = ratio;
    this.threshold = ratio >= 1.0 ? RANDOM_BITS + 1 : (long) (ratio * TWO_TO_56);
    this.description = "TraceIdRatio{" + ratio + '}';
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    return (traceIdLow & RANDOM_BITS) < threshold ? SamplingResult.recordAndSample() : SamplingResult.drop();
  }

  /** The configured ratio. */
  double ratio() {
    return ratio;
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
