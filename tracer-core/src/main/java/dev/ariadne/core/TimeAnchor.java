package dev.ariadne.core;

/**
 * One wall-clock reading paired with a monotonic one, shared by all spans of a trace in this
 * process: their timestamps are the anchor plus a monotonic offset, so durations never go
 * backwards when the wall clock is adjusted, and a span costs one clock read per timestamp.
 */
final class TimeAnchor {
  private final Clock clock;
  private final long epochNanos;
  private final long nanoTime;

  private TimeAnchor(Clock clock, long epochNanos, long nanoTime) {
    this.clock = clock;
    this.epochNanos = epochNanos;
    this.nanoTime = nanoTime;
  }

  static TimeAnchor start(Clock clock) {
    return new TimeAnchor(clock, clock.now(), clock.nanoTime());
  }

  /** The wall-clock time at which the anchor was taken. */
  long epochNanos() {
    return epochNanos;
  }

  /** The current time, as the anchor plus the monotonic time elapsed since it. */
  long now() {
    return epochNanos + (clock.nanoTime() - nanoTime);
  }
}
