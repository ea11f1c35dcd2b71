package dev.ariadne.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand; wall and monotonic time advance together unless told otherwise. */
final class TestClock implements Clock {
  private final AtomicLong wall = new AtomicLong(1_700_000_000_000_000_000L);
  private final AtomicLong mono = new AtomicLong(42_000_000_000L);
  private final AtomicLong wallReads = new AtomicLong();

  @Override
  public long now() {
    wallReads.incrementAndGet();
    return wall.get();
  }

  @Override
  public long nanoTime() {
    return mono.get();
  }

  void advance(long amount, TimeUnit unit) {
    wall.addAndGet(unit.toNanos(amount));
    mono.addAndGet(unit.toNanos(amount));
  }

  /** Moves only the wall clock, as an NTP adjustment would. */
  void jumpWallClock(long amount, TimeUnit unit) {
    wall.addAndGet(unit.toNanos(amount));
  }

  long wallNanos() {
    return wall.get();
  }

  long wallReads() {
    return wallReads.get();
  }
}
