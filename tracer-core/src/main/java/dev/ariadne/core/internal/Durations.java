package dev.ariadne.core.internal;

import java.time.Duration;

/** Internal, not API: durations in log lines as people write them. */
public final class Durations {
  private Durations() {}

  /** {@code 10 s} or {@code 250 ms}, where {@code Duration.toString()} would say {@code PT10S}. */
  public static String readable(Duration d) {
    long millis = d.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
