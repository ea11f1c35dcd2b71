package dev.ariadne.core;

import dev.ariadne.benchmarks.CheckInventory;
import dev.ariadne.benchmarks.LibraryFixture;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An unsampled span: with a sampler that never samples, start {@code check_inventory} as a new
 * trace, set four attributes (string, long, boolean, double), end. What instrumentation costs on
 * the requests a service does not trace.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class UnsampledSpanBenchmark {
  /** Which library makes the span. */
  @Param({"ariadne", "otel", "brave"})
  public String library;

  private LibraryFixture fixture;

  /** Builds the library's tracer with a sampler that never samples. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = LibraryFixture.unsampled(library);
  }

  /** Shuts the tracer down. */
  @TearDown(Level.Trial)
  public void tearDown() {
    fixture.close();
  }

  /** Start, four attributes, end; the span is handed to the blackhole so nothing is optimised away. */
  @Benchmark
  public void unsampledSpan(Blackhole blackhole) {
    switch (fixture.library) {
      case ARIADNE: {
        dev.ariadne.api.Span span = CheckInventory.ariadne(fixture.ariadneTracer, 4, false);
        span.end();
        blackhole.consume(span);
        break;
      }
      case OTEL: {
        io.opentelemetry.api.trace.Span span = CheckInventory.otel(fixture.otelTracer, 4, false);
        span.end();
        blackhole.consume(span);
        break;
      }
      default: {
        brave.Span span = CheckInventory.brave(fixture.braveTracer, 4, false);
        span.finish();
        blackhole.consume(span);
        break;
      }
    }
  }
}
