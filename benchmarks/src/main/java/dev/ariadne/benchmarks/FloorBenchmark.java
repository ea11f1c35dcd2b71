package dev.ariadne.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
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
 * the few of these it must do, so read the other tables against these numbers. The two
 * {@code traceparentCarrier} cases are the same for propagation: what an inject or an extract on a
 * {@code HashMap} carrier costs before it does any work of its own.
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

  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static final byte[] TRACEPARENT_BYTES = TRACEPARENT.getBytes(StandardCharsets.ISO_8859_1);
  private final Map<String, String> outgoing = new HashMap<>();
  private final Map<String, String> incoming = new HashMap<>(Map.of("traceparent", TRACEPARENT));

  /**
   * The least any traceparent inject does: make a new 55-character string (from bytes already
   * written) and put it into a {@code HashMap} carrier; no id is formatted.
   */
  @Benchmark
  public String traceparentCarrierWrite() {
    return outgoing.put("traceparent", new String(TRACEPARENT_BYTES, 0, 55, StandardCharsets.ISO_8859_1));
  }

  /**
   * The least any traceparent extract does before parsing: read {@code traceparent} and
   * {@code tracestate} from a {@code HashMap} carrier and look at each of the 55 characters once.
   */
  @Benchmark
  public int traceparentCarrierRead() {
    String value = incoming.get("traceparent");
    String state = incoming.get("tracestate");
    int seen = state == null ? 0 : 1;
    for (int i = 0; i < value.length(); i++) {
      seen |= value.charAt(i);
    }
    return seen;
  }

  /** One {@code ThreadLocalRandom.current().nextLong()}. */
  @Benchmark
  public long randomLong() {
    return ThreadLocalRandom.current().nextLong();
  }
}
