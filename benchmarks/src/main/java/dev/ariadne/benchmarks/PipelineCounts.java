package dev.ariadne.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongUnaryOperator;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * How many spans a pipeline benchmark ended during its measurement iterations, and how many of
 * them reached the exporter, so a throughput figure is never read without its loss.
 *
 * <p>Benchmark threads count their own spans and {@link #publish} them at the end of each
 * iteration (counting with a shared counter would put a contended write on the measured path); the pipeline's state calls {@link #beginIteration} from its iteration set-up (after
 * every thread has finished the previous iteration, so the counts are complete, and outside the
 * measured time, so the flush costs nothing measured) and {@link #report} from its trial
 * tear-down. Warm-up iterations, with the JIT busy, are left out.
 *
 * <p>The report is one line, {@code [pipeline] benchmark=<name> params=<k:v,...> ended=...
 * exported=... dropped=...}, which {@link ResultsWriter} reads back from the run's log.
 */
public final class PipelineCounts {
  /** The line prefix {@link ResultsWriter} looks for. */
  public static final String PREFIX = "[pipeline]";

  private static final Map<String, long[]> REPORTED = new ConcurrentHashMap<>();

  private final AtomicLong endedPublished = new AtomicLong();
  private final AtomicLong publications = new AtomicLong();
  private long iterations;
  private boolean started;
  private boolean measuring;
  private long baseEnded;
  private long baseExported;
  private long measuredEnded;
  private long measuredExported;

  /** Adds spans a benchmark thread ended during the iteration that just finished. */
  public void publish(long ended) {
    endedPublished.addAndGet(ended);
    publications.incrementAndGet();
  }

  /**
   * Settles the previous iteration and starts counting this one; {@code exported} flushes the
   * pipeline and returns how many spans its exporter has received, given how many have ended.
   */
  public void beginIteration(IterationParams iteration, LongUnaryOperator exported) {
    settle(exported);
    iterations++;
    measuring = iteration.getType() == IterationType.MEASUREMENT;
    baseEnded = endedPublished.get();
    baseExported = exported.applyAsLong(baseEnded);
    started = true;
  }

  private void settle(LongUnaryOperator exported) {
    if (!started) {
      return;
    }
    long endedNow = endedPublished.get() - baseEnded;
    long exportedNow = exported.applyAsLong(endedPublished.get()) - baseExported;
    if (measuring) {
      measuredEnded += endedNow;
      measuredExported += exportedNow;
    }
    started = false;
  }

  /** Settles the last iteration, prints the {@code [pipeline]} line and records it for tests. */
  public void report(BenchmarkParams benchmark, LongUnaryOperator exported) {
    awaitLastPublications(benchmark.getThreads());
    settle(exported);
    long dropped = measuredEnded - measuredExported;
    String params = params(benchmark);
    System.out.printf("%n%s benchmark=%s params=%s ended=%d exported=%d dropped=%d (%.2f%%)%n", PREFIX,
        benchmark.getBenchmark(), params, measuredEnded, measuredExported, dropped,
        measuredEnded == 0 ? 0.0 : 100.0 * dropped / measuredEnded);
    REPORTED.put(benchmark.getBenchmark() + " " + params, new long[] {measuredEnded, measuredExported});
  }

  /**
   * Waits until every thread has published its last iteration. JMH runs the trial tear-down on
   * the first thread to finish the last iteration, while the others may still be about to publish
   * theirs (each publishes before it waits for the tear-down, so this cannot wait forever).
   */
  private void awaitLastPublications(int threads) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (publications.get() < iterations * threads && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** The benchmark's parameters as {@code key:value} pairs in key order, joined by commas. */
  static String params(BenchmarkParams benchmark) {
    Map<String, String> sorted = new TreeMap<>();
    for (String key : benchmark.getParamsKeys()) {
      sorted.put(key, benchmark.getParam(key));
    }
    StringBuilder out = new StringBuilder();
    sorted.forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append(':').append(v));
    return out.toString();
  }

  /**
   * Every report made in this JVM so far, keyed by benchmark and parameters, as {ended, exported}:
   * the smoke test, which runs benchmarks in its own JVM, checks that exporters received spans.
   */
  public static Map<String, long[]> reported() {
    return Map.copyOf(REPORTED);
  }
}
