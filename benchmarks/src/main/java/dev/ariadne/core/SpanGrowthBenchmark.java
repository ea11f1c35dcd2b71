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

/**
 * How the sampled span's cost grows: with its attribute count ({@code attributes}: 0, 4, 16, 64,
 * in the string/long/boolean/double pattern, plus one event), and with nesting
 * ({@code depth}: a trace of 1, 8 or 32 spans, each made current while its child starts, then
 * closed and ended innermost first; the score is the whole nest, so divide by depth for a span).
 *
 * <p>Spans go to a processor that only counts them: this measures the span, not a queue (the
 * sampled-span benchmark has both).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SpanGrowthBenchmark {

  /** One library's tracer with a counting processor, under a current parent span. */
  @State(Scope.Thread)
  public static class Library {
    /** Which library makes the spans. */
    @Param({"ariadne", "otel", "brave"})
    public String library;

    LibraryFixture fixture;
    private AutoCloseable parent;

    /** Builds the tracer. */
    @Setup(Level.Trial)
    public void setUp() {
      fixture = LibraryFixture.counting(library);
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
  }

  /** The attribute-count axis. */
  @State(Scope.Thread)
  public static class AttributeCount {
    /** Attributes per span. */
    @Param({"0", "4", "16", "64"})
    public int attributes;

    /** Rejects counts the workload cannot make. */
    @Setup(Level.Trial)
    public void check() {
      CheckInventory.checkAttributes(attributes);
    }
  }

  /** The nesting axis, with room for one trace's spans and scopes so the loop allocates nothing of its own. */
  @State(Scope.Thread)
  public static class Nesting {
    /** Spans in one nested trace. */
    @Param({"1", "8", "32"})
    public int depth;

    Object[] spans;
    AutoCloseable[] scopes;

    /** Sizes the arrays. */
    @Setup(Level.Trial)
    public void setUp() {
      spans = new Object[depth];
      scopes = new AutoCloseable[depth];
    }
  }

  /** One span with the given number of attributes and one event, ended into the counting processor. */
  @Benchmark
  public void attributes(Library library, AttributeCount count) {
    LibraryFixture fixture = library.fixture;
    switch (fixture.library) {
      case ARIADNE:
        CheckInventory.ariadne(fixture.ariadneTracer, count.attributes, true).end();
        break;
      case OTEL:
        CheckInventory.otel(fixture.otelTracer, count.attributes, true).end();
        break;
      default:
        CheckInventory.brave(fixture.braveTracer, count.attributes, true).finish();
        break;
    }
  }

  /** A nest of {@code depth} spans (four attributes and one event each), each current while its child starts. */
  @Benchmark
  public void depth(Library library, Nesting nesting) throws Exception {
    LibraryFixture fixture = library.fixture;
    Object[] spans = nesting.spans;
    AutoCloseable[] scopes = nesting.scopes;
    int depth = nesting.depth;
    switch (fixture.library) {
      case ARIADNE:
        for (int i = 0; i < depth; i++) {
          dev.ariadne.api.Span span = CheckInventory.ariadne(fixture.ariadneTracer, 4, true);
          spans[i] = span;
          scopes[i] = span.makeCurrent();
        }
        for (int i = depth - 1; i >= 0; i--) {
          scopes[i].close();
          ((dev.ariadne.api.Span) spans[i]).end();
        }
        break;
      case OTEL:
        for (int i = 0; i < depth; i++) {
          io.opentelemetry.api.trace.Span span = CheckInventory.otel(fixture.otelTracer, 4, true);
          spans[i] = span;
          scopes[i] = span.makeCurrent();
        }
        for (int i = depth - 1; i >= 0; i--) {
          scopes[i].close();
          ((io.opentelemetry.api.trace.Span) spans[i]).end();
        }
        break;
      default:
        for (int i = 0; i < depth; i++) {
          brave.Span span = CheckInventory.brave(fixture.braveTracer, 4, true);
          spans[i] = span;
          scopes[i] = fixture.braveTracer.withSpanInScope(span);
        }
        for (int i = depth - 1; i >= 0; i--) {
          scopes[i].close();
          ((brave.Span) spans[i]).finish();
        }
        break;
    }
  }
}
