package dev.ariadne.benchmarks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor under every span figure on this machine: a monotonic clock read, one atomic
 * increment, allocating an object of eight fields, one random long. A span cannot cost less than
 * the few of these it must do, so read the other tables against these numbers.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FloorBenchmark {
  private final AtomicLong counter = new AtomicLong();

  /** An object the size of a small span record's header: eight fields. */
  public static final class EightFields {
    long a;
    long b;
    long c;
    long d;
    int e;
    int f;
    Object g;
    Object h;

    EightFields(long seed, Object g) {
      this.a = seed;
      this.b = seed + 1;
      this.c = seed + 2;
      this.d = seed + 3;
      this.e = (int) seed;
      this.f = (int) seed + 1;
      this.g = g;
      this.h = this;
    }
  }

  /** One {@code System.nanoTime()}. */
  @Benchmark
  public long nanoTime() {
    return System.nanoTime();
  }

  /** One uncontended {@code AtomicLong.getAndIncrement()}. */
  @Benchmark
  public long atomicIncrement() {
    return counter.getAndIncrement();
  }

  /** Allocating one object of eight fields (returned, so it escapes and is really allocated). */
  @Benchmark
  public EightFields allocateEightFields() {
    return new EightFields(42, counter);
  }

  /** One {@code ThreadLocalRandom.current().nextLong()}. */
  @Benchmark
  public long randomLong() {
    return ThreadLocalRandom.current().nextLong();
  }
}
