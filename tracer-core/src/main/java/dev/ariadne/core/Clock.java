package dev.ariadne.core;

import java.time.Instant;

/**
 * The time source of a tracer: a wall clock read once per local trace, and a monotonic clock for
 * every duration after it. Replace it in tests to control time.
 */
public interface Clock {

  /** Wall-clock time in nanoseconds since the epoch. */
  long now();

  /** A monotonic reading in nanoseconds, meaningful only as a difference (like {@link System#nanoTime()}). */
  long nanoTime();

  /** The system clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}

enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long now() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }
}
