package dev.ariadne.exporter.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, initial * 2^(n-1))}, so retries from many processes spread out but never shrink to
 * nothing.
 */
final class Backoff {
  private final long initialNanos;
  private final long maxNanos;

  Backoff(long initialNanos, long maxNanos) {
    this.initialNanos = initialNanos;
    this.maxNanos = maxNanos;
  }

  /** The wait before retry number {@code retry} (1 for the first retry), in nanoseconds. */
  long delayNanos(int retry) {
    long ceiling = initialNanos;
    for (int i = 1; i < retry && ceiling < maxNanos; i++) {
      ceiling = ceiling > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : ceiling * 2;
    }
    ceiling = Math.min(ceiling, maxNanos);
    long half = ceiling / 2;
    return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
  }
}
