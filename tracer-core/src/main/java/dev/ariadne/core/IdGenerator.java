package dev.ariadne.core;

import java.util.concurrent.ThreadLocalRandom;

/** Makes new trace and span ids; the default is random, per-thread and lock-free. */
public interface IdGenerator {

  /** A new span id; never 0. */
  long newSpanId();

  /** The high 64 bits of a new trace id. */
  long newTraceIdHigh();

  /** The low 64 bits of a new trace id; never 0. */
  long newTraceIdLow();

  /**
   * Whether the rightmost 56 bits of the trace ids are random, so the W3C Level 2 {@code random}
   * flag may be set and ratio samplers may rely on them.
   */
  default boolean randomTraceIds() {
    return false;
  }

  /** Random ids from {@link ThreadLocalRandom}: no shared state, no lock. */
  static IdGenerator random() {
    return RandomIdGenerator.INSTANCE;
  }
}

enum RandomIdGenerator implements IdGenerator {
  INSTANCE;

  @Override
  public long newSpanId() {
    return nonZero();
  }

  @Override
  public long newTraceIdHigh() {
    return ThreadLocalRandom.current().nextLong();
  }

  @Override
  public long newTraceIdLow() {
    return nonZero();
  }

  @Override
  public boolean randomTraceIds() {
    return true;
  }

  private static long nonZero() {
    long id;
    do {
      id = ThreadLocalRandom.current().nextLong();
    } while (id == 0);
    return id;
  }
}
