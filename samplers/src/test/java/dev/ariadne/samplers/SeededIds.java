package dev.ariadne.samplers;

import dev.ariadne.core.IdGenerator;
import java.util.SplittableRandom;

/** Reproducible random ids for one thread: two generators with the same seed make the same ids. */
final class SeededIds implements IdGenerator {
  private final SplittableRandom random;

  SeededIds(long seed) {
    this.random = new SplittableRandom(seed);
  }

  @Override
  public long newSpanId() {
    return nonZero();
  }

  @Override
  public long newTraceIdHigh() {
    return random.nextLong();
  }

  @Override
  public long newTraceIdLow() {
    return nonZero();
  }

  @Override
  public boolean randomTraceIds() {
    return true;
  }

  private long nonZero() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }
}
