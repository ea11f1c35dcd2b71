package dev.ariadne.core.export;

import dev.ariadne.api.Tracer;
import dev.ariadne.benchmarks.CountingExporters;
import dev.ariadne.benchmarks.PipelineCounts;
import dev.ariadne.core.Tracing;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
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
 * The batch pipeline of Ariadne and of the OpenTelemetry SDK on the same work, each with its
 * default settings (queue 2048, batch 512, delay 1 s) and a discarding exporter.
 *
 * <ul>
 *   <li>{@code enqueue}: handing one already-ended span to the processor ({@code onEnd}): the cost
 *   an application thread pays for the hand-off alone.</li>
 *   <li>{@code sampledSpan}: start and end a span with nothing else, through the whole pipeline;
 *   ops/s is the rate of ended spans offered to the exporter.</li>
 * </ul>
 * At the end of each trial a line {@code [pipeline] ...} reports how many spans ended during the
 * measurement iterations and how many of them were exported or dropped, so throughput is never
 * read without its loss.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class BatchSpanProcessorBenchmark {

  /** One pipeline per library, shared by the benchmark's threads. */
  @State(Scope.Benchmark)
  public static class Pipeline {
    @Param({"ariadne", "otel"})
    public String library;

    final PipelineCounts counts = new PipelineCounts();
    private Tracing tracing;
    private Tracer tracer;
    private BatchSpanProcessor processor;
    private SpanData endedSpan;
    private CountingExporters.Ariadne ariadneExporter;
    private SdkTracerProvider provider;
    private io.opentelemetry.api.trace.Tracer otelTracer;
    private io.opentelemetry.sdk.trace.SpanProcessor otelProcessor;
    private ReadableSpan otelEndedSpan;
    private CountingExporters.Otel otelExporter;

    @Setup(Level.Trial)
    public void setUp() {
      if (library.equals("ariadne")) {
        ariadneExporter = new CountingExporters.Ariadne();
        processor = BatchSpanProcessor.builder(ariadneExporter).build();
        tracing = Tracing.builder().serviceName("bench").addSpanProcessor(processor).build();
        tracer = tracing.tracer("bench");
        try (Tracing plain = Tracing.builder().build()) {
          dev.ariadne.api.Span span = plain.tracer("bench").span("check_inventory").start();
          span.end();
          endedSpan = (SpanData) span;
        }
      } else {
        otelExporter = new CountingExporters.Otel();
        otelProcessor = io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(otelExporter).build();
        provider = SdkTracerProvider.builder().addSpanProcessor(otelProcessor).build();
        otelTracer = provider.get("bench");
        // OpenTelemetry records nothing without a processor, so give it one that does nothing.
        io.opentelemetry.sdk.trace.SpanProcessor idle = new io.opentelemetry.sdk.trace.SpanProcessor() {
          @Override
          public void onStart(io.opentelemetry.context.Context parent, io.opentelemetry.sdk.trace.ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {}

          @Override
          public boolean isEndRequired() {
            return false;
          }
        };
        try (SdkTracerProvider plain = SdkTracerProvider.builder().addSpanProcessor(idle).build()) {
          io.opentelemetry.api.trace.Span span = plain.get("bench").spanBuilder("check_inventory").startSpan();
          span.end();
          otelEndedSpan = (ReadableSpan) span;
        }
      }
    }

    void enqueue() {
      if (processor != null) {
        processor.onEnd(endedSpan);
      } else {
        otelProcessor.onEnd(otelEndedSpan);
      }
    }

    void sampledSpan() {
      if (tracer != null) {
        tracer.span("check_inventory").start().end();
      } else {
        otelTracer.spanBuilder("check_inventory").startSpan().end();
      }
    }

    /** Settles the previous iteration and starts counting this one (see {@link PipelineCounts}). */
    @Setup(Level.Iteration)
    public void beginIteration(IterationParams iteration) {
      counts.beginIteration(iteration, this::flushAndCountExported);
    }

    private long flushAndCountExported(long endedSoFar) {
      if (tracing != null) {
        tracing.forceFlush(Duration.ofSeconds(30));
        return ariadneExporter.exported.get();
      }
      provider.forceFlush().join(30, TimeUnit.SECONDS);
      return otelExporter.exported.get();
    }

    /** Reports the loss over the measurement iterations only (warm-up, with the JIT busy, is left out). */
    @TearDown(Level.Trial)
    public void tearDown(BenchmarkParams benchmark) {
      counts.report(benchmark, this::flushAndCountExported);
      if (tracing != null) {
        tracing.shutdown(Duration.ofSeconds(30));
      } else {
        provider.shutdown().join(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Counts a thread's operations without any shared write on the measured path. */
  @State(Scope.Thread)
  public static class Ops {
    long count;

    @TearDown(Level.Iteration)
    public void publish(Pipeline pipeline) {
      pipeline.counts.publish(count);
      count = 0;
    }
  }

  /** One thread hands already-ended spans to the processor. */
  @Benchmark
  @Threads(1)
  public void enqueue_1thread(Pipeline pipeline, Ops ops) {
    pipeline.enqueue();
    ops.count++;
  }

  /** Two threads hand already-ended spans to the processor. */
  @Benchmark
  @Threads(2)
  public void enqueue_2threads(Pipeline pipeline, Ops ops) {
    pipeline.enqueue();
    ops.count++;
  }

  /** One thread starts and ends spans through the whole pipeline. */
  @Benchmark
  @Threads(1)
  public void sampledSpan_1thread(Pipeline pipeline, Ops ops) {
    pipeline.sampledSpan();
    ops.count++;
  }

  /** Two threads start and end spans through the whole pipeline. */
  @Benchmark
  @Threads(2)
  public void sampledSpan_2threads(Pipeline pipeline, Ops ops) {
    pipeline.sampledSpan();
    ops.count++;
  }
}
