package dev.ariadne.core.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Internal, not API: lets a warning through at most once per interval, so an overload cannot flood
 * the log. Safe from any number of threads: of callers racing for the same slot, one wins.
 */
public final class LogThrottle {
  private final long intervalNanos;
  private final AtomicLong nextNanos = new AtomicLong(System.nanoTime());

  /** A throttle allowing one message every {@code intervalNanos}, the first one at once. */
  public LogThrottle(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Whether a message may be logged now; if so, the next one must wait a full interval. */
  public boolean allow() {
    long now = System.nanoTime();
    long due = nextNanos.get();
    return now - due >= 0 && nextNanos.compareAndSet(due, now + intervalNanos);
  }
}
