package dev.ariadne.analysis;

import java.util.Arrays;

/**
 * Latency percentiles by the nearest-rank method: the p-th percentile of n sorted values is the
 * value at rank {@code ceil(p / 100 * n)} (1-based), so it is always one of the observed values.
 *
 * @param count how many values there were
 * @param p50Nanos the median, in nanoseconds
 * @param p90Nanos the 90th percentile, in nanoseconds
 * @param p99Nanos the 99th percentile, in nanoseconds
 * @param maxNanos the largest value, in nanoseconds
 */
public record Percentiles(int count, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {

  /** The percentiles of {@code values}; all zero for no values (null counts as none). */
  public static Percentiles of(long... values) {
    if (values == null || values.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Percentiles(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 90),
        nearestRank(sorted, 99), sorted[sorted.length - 1]);
  }

  /** The nearest-rank {@code percent}-th percentile of non-empty, ascending {@code sorted}. */
  static long nearestRank(long[] sorted, double percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
  }
}
