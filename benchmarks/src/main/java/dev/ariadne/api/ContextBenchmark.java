package dev.ariadne.api;

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
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Context in-process, under a current parent span:
 *
 * <ul>
 *   <li>{@code makeCurrent}: make a span current, read the current span inside the scope (as the
 *   code in it would), close the scope.</li>
 *   <li>{@code wrapAndRun}: wrap a {@code Runnable} in the current context and run it, as a
 *   context-carrying executor does for every task; the task reads the current span.</li>
 * </ul>
 * Brave reads its current {@code TraceContext} (its allocation-free read; {@code currentSpan()}
 * would allocate a span object).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class ContextBenchmark {
  /** Which library's context. */
  @Param({"ariadne", "otel", "brave"})
  public String library;

  private LibraryFixture fixture;
  private AutoCloseable parent;
  private Span ariadneSpan;
  private io.opentelemetry.api.trace.Span otelSpan;
  private brave.Span braveSpan;
  private Object seen;
  private Runnable ariadneTask;
  private Runnable otelTask;
  private Runnable braveTask;

  /** Builds the tracer and the span to make current (left open: it is never the work measured). */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = LibraryFixture.counting(library);
    switch (fixture.library) {
      case ARIADNE:
        ariadneSpan = fixture.ariadneTracer.span("check_inventory").start();
        ariadneTask = () -> seen = Span.current();
        break;
      case OTEL:
        otelSpan = fixture.otelTracer.spanBuilder("check_inventory").startSpan();
        otelTask = () -> seen = io.opentelemetry.api.trace.Span.current();
        break;
      default:
        braveSpan = fixture.braveTracer.nextSpan().name("check_inventory").start();
        braveTask = () -> seen = fixture.braveContext.get();
        break;
    }
  }

  /** Makes a parent span current on this benchmark thread. */
  @Setup(Level.Iteration)
  public void enter() {
    parent = fixture.enterParent();
  }

  /** Leaves the parent's scope. */
  @TearDown(Level.Iteration)
  public void exit() throws Exception {
    parent.close();
  }

  /** Shuts the tracer down. */
  @TearDown(Level.Trial)
  public void tearDown() {
    fixture.close();
  }

  /** Make a span current, read it back, close the scope. */
  @Benchmark
  public Object makeCurrent() {
    switch (fixture.library) {
      case ARIADNE:
        try (Scope scope = ariadneSpan.makeCurrent()) {
          return Span.current();
        }
      case OTEL:
        try (io.opentelemetry.context.Scope scope = otelSpan.makeCurrent()) {
          return io.opentelemetry.api.trace.Span.current();
        }
      default:
        try (brave.Tracer.SpanInScope scope = fixture.braveTracer.withSpanInScope(braveSpan)) {
          return fixture.braveContext.get();
        }
    }
  }

  /** Wrap a task in the current context and run it. */
  @Benchmark
  public Object wrapAndRun() {
    switch (fixture.library) {
      case ARIADNE:
        Context.current().wrap(ariadneTask).run();
        break;
      case OTEL:
        io.opentelemetry.context.Context.current().wrap(otelTask).run();
        break;
      default:
        fixture.braveContext.wrap(braveTask).run();
        break;
    }
    return seen;
  }
}
