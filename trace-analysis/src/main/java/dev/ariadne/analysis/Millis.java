package dev.ariadne.analysis;

import java.util.Locale;

/** Formats nanoseconds as milliseconds for the text output. */
final class Millis {
  private Millis() {}

  /** Milliseconds with one decimal, always with a dot. */
  static String format(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }

  /** A share as a whole percentage, such as {@code 97%}. */
  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", share * 100.0);
  }
}
