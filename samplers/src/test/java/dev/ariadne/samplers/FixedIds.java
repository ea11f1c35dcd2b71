package dev.ariadne.samplers;

import dev.ariadne.core.IdGenerator;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/** Trace ids whose low bits the test chooses (queued with {@link #next}); span ids count up. */
final class FixedIds implements IdGenerator {
  /** Low trace-id bits that every rate below 1 keeps. */
  static final long ALWAYS_KEPT = 0L;
  /** Low trace-id bits that no rate below 1 keeps. */
  static final long NEVER_KEPT = 0x00FF_FFFF_FFFF_FFFFL;

  private final ConcurrentLinkedDeque<Long> lows = new ConcurrentLinkedDeque<>();
  private final AtomicLong spanIds = new AtomicLong();
  private final AtomicLong highs = new AtomicLong();

  /** The next new trace gets {@code traceIdLow}. */
  FixedIds next(long traceIdLow) {
    lows.add(traceIdLow);
    return this;
  }

  @Override
  public long newSpanId() {
    return spanIds.incrementAndGet();
  }

  @Override
  public long newTraceIdHigh() {
    return highs.incrementAndGet();
  }

  @Override
  public long newTraceIdLow() {
    Long low = lows.poll();
    if (low == null) {
      throw new IllegalStateException("the test did not choose the next trace id");
    }
    return low;
  }

  @Override
  public boolean randomTraceIds() {
    return true;
  }
}
