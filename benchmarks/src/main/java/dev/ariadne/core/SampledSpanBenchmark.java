package dev.ariadne.core;

import dev.ariadne.benchmarks.CheckInventory;
import dev.ariadne.benchmarks.LibraryFixture;
import dev.ariadne.benchmarks.PipelineCounts;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * A sampled span as instrumentation makes one: under a current parent, start
 * {@code check_inventory}, set four attributes (string, long, boolean, double), add one event,
 * end. Ariadne, the OpenTelemetry SDK and Brave on the same work.
 *
 * <ul>
 *   <li>{@code processor=batch}: each library's normal asynchronous pipeline into a discarding
 *   exporter (Ariadne's and OpenTelemetry's {@code BatchSpanProcessor}, Brave's
 *   {@code AsyncZipkinSpanHandler}, whose figure includes encoding each span as Zipkin JSON).</li>
 *   <li>{@code processor=counting}: a processor that only counts ended spans, no queue: the span's
 *   own cost, so the difference is what the queue costs.</li>
 * </ul>
 * Each trial ends with a {@code [pipeline]} line: spans ended, exported and dropped during the
 * measurement iterations.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class SampledSpanBenchmark {

  /** One library's pipeline, shared by the benchmark's threads. */
  @State(Scope.Benchmark)
  public static class Pipeline {
    /** Which library makes the span. */
    @Param({"ariadne", "otel", "brave"})
    public String library;

    /** {@code batch}: the library's asynchronous pipeline; {@code counting}: a processor that only counts. */
    @Param({"batch", "counting"})
    public String processor;

    LibraryFixture fixture;
    final PipelineCounts counts = new PipelineCounts();

    /** Builds the library's tracer and pipeline. */
    @Setup(Level.Trial)
    public void setUp() {
      fixture = processor.equals("batch") ? LibraryFixture.batch(library) : LibraryFixture.counting(library);
    }

    /** Settles the previous iteration's counts and starts this one's. */
    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
      counts.beginIteration(iteration, fixture::flushAndCountExported);
    }

    /** Prints the {@code [pipeline]} line and shuts the pipeline down. */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams benchmark) {
      counts.report(benchmark, fixture::flushAndCountExported);
      fixture.close();
    }
  }

  /** A benchmark thread's current parent span and its count of ended spans. */
  @State(Scope.Thread)
  public static class Caller {
    long ended;
    private AutoCloseable parent;

    /** Makes a parent span current on this benchmark thread (iteration set-up runs on it). */
    @Setup(Level.Iteration)
    public void enter(Pipeline pipeline) {
      parent = pipeline.fixture.enterParent();
    }

    /** Leaves the parent's scope and publishes this thread's count. */
    @TearDown(Level.Iteration)
    public void exit(Pipeline pipeline) throws Exception {
      parent.close();
      pipeline.counts.publish(ended);
      ended = 0;
    }
  }

  static void checkInventory(LibraryFixture fixture) {
    switch (fixture.library) {
      case ARIADNE:
        CheckInventory.ariadne(fixture.ariadneTracer, 4, true).end();
        break;
      case OTEL:
        CheckInventory.otel(fixture.otelTracer, 4, true).end();
        break;
      default:
        CheckInventory.brave(fixture.braveTracer, 4, true).finish();
        break;
    }
  }

  /** One application thread makes spans. */
  @Benchmark
  @Threads(1)
  public void checkInventory_1thread(Pipeline pipeline, Caller caller) {
    checkInventory(pipeline.fixture);
    caller.ended++;
  }

  /** Two application threads make spans into the same pipeline. */
  @Benchmark
  @Threads(2)
  public void checkInventory_2threads(Pipeline pipeline, Caller caller) {
    checkInventory(pipeline.fixture);
    caller.ended++;
  }
}
