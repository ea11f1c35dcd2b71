package dev.ariadne.samplers;

/**
 * The consistent trace-id rule every sampler of this module shares with core's
 * {@code Sampler.traceIdRatio}: a trace is kept at rate r when the rightmost 56 bits of its trace
 * id, read as an unsigned number, are below {@code r * 2^56}.
 *
 * <p>W3C Trace Context Level 2 makes exactly those bits random, so the rule keeps a fraction r of
 * traces, gives the same answer in every service that uses the same rate, and keeps at every rate
 * above r a trace it keeps at r. Core's sampler does not expose its threshold, so the formula is
 * repeated here and {@code ConsistentRatioTest} proves the two agree bit for bit.
 */
final class ConsistentRatio {
  static final long RANDOM_BITS = 0x00FF_FFFF_FFFF_FFFFL;
  private static final double TWO_TO_56 = 0x1p56;

  private ConsistentRatio() {}

  /** The threshold for {@code rate}, which the caller has checked is within [0, 1]. */
  static long threshold(double rate) {
    return rate >= 1.0 ? RANDOM_BITS + 1 : (long) (rate * TWO_TO_56);
  }

  /** Whether the trace whose low 64 id bits are {@code traceIdLow} is kept under {@code threshold}. */
  static boolean keeps(long traceIdLow, long threshold) {
    return (traceIdLow & RANDOM_BITS) < threshold;
  }

  /** Checks a rate given to a builder or factory, naming the setting when it is out of range. */
  static double checkRate(double rate, String setting) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException(setting + " must be within [0, 1], was " + rate);
    }
    return rate;
  }
}
