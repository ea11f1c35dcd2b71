package dev.ariadne.samplers;

import dev.ariadne.core.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; wall and monotonic time advance together. */
final class TestClock implements Clock {
  private final AtomicLong wall = new AtomicLong(1_700_000_000_000_000_000L);
  private final AtomicLong mono = new AtomicLong(42_000_000_000L);

  @Override
  public long now() {
    return wall.get();
  }

  @Override
  public long nanoTime() {
    return mono.get();
  }

  void advance(Duration amount) {
    wall.addAndGet(amount.toNanos());
    mono.addAndGet(amount.toNanos());
  }
}
