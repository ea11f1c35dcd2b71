package dev.ariadne.core.internal;

/**
 * Internal, not API: lets a warning through at most once per interval, so an overload cannot flood
 * the log. For one thread (the batch worker).
 */
public final class LogThrottle {
  private final long intervalNanos;
  private long nextNanos;
  private boolean started;

  /** A throttle allowing one message every {@code intervalNanos}. */
  public LogThrottle(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Whether a message may be logged now; if so, the next one must wait a full interval. */
  public boolean allow() {
    long now = System.nanoTime();
    if (started && now - nextNanos < 0) {
      return false;
    }
    started = true;
    nextNanos = now + intervalNanos;
    return true;
  }
}
