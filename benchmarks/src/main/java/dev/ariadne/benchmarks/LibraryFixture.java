package dev.ariadne.benchmarks;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.BatchSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.sampling.Sampler;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import zipkin2.reporter.ReporterMetrics;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/**
 * One library's tracer wired the way a benchmark asks, so every scenario builds Ariadne, the
 * OpenTelemetry SDK and Brave the same way: through each library's normal asynchronous pipeline
 * into a discarding exporter, through a processor that only counts ended spans (no queue), or
 * with a sampler that never samples.
 *
 * <p>Exactly one of {@link #ariadneTracer}, {@link #otelTracer} and {@link #braveTracer} is set.
 */
public final class LibraryFixture implements AutoCloseable {

  /** The libraries compared. */
  public enum Library {
    /** This project. */
    ARIADNE,
    /** The OpenTelemetry Java SDK. */
    OTEL,
    /** Brave, with zipkin-reporter for its asynchronous pipeline. */
    BRAVE;

    /** The library named by a benchmark's {@code library} parameter. */
    public static Library of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /** The library this fixture holds. */
  public final Library library;
  /** Ariadne's tracer, or null. */
  public final dev.ariadne.api.Tracer ariadneTracer;
  /** The OpenTelemetry SDK's tracer, or null. */
  public final io.opentelemetry.api.trace.Tracer otelTracer;
  /** Brave's tracer, or null. */
  public final brave.Tracer braveTracer;
  /** Brave's current-context holder, or null. */
  public final brave.propagation.CurrentTraceContext braveContext;

  private final Tracing ariadneTracing;
  private final SdkTracerProvider otelProvider;
  private final brave.Tracing braveTracing;
  private final AsyncZipkinSpanHandler braveHandler;
  private final LongSupplier exported;
  private final ReporterCounts braveCounts;
  private final ThreadLocal<Object> parents = new ThreadLocal<>();

  private LibraryFixture(Library library, Tracing ariadneTracing, SdkTracerProvider otelProvider,
      brave.Tracing braveTracing, AsyncZipkinSpanHandler braveHandler, LongSupplier exported,
      ReporterCounts braveCounts) {
    this.library = library;
    this.braveCounts = braveCounts;
    this.ariadneTracing = ariadneTracing;
    this.otelProvider = otelProvider;
    this.braveTracing = braveTracing;
    this.braveHandler = braveHandler;
    this.exported = exported;
    this.ariadneTracer = ariadneTracing == null ? null : ariadneTracing.tracer("bench");
    this.otelTracer = otelProvider == null ? null : otelProvider.get("bench");
    this.braveTracer = braveTracing == null ? null : braveTracing.tracer();
    this.braveContext = braveTracing == null ? null : braveTracing.currentTraceContext();
  }

  /**
   * Each library's normal asynchronous pipeline at its defaults into a discarding exporter:
   * Ariadne's and OpenTelemetry's {@code BatchSpanProcessor}, Brave's {@code AsyncZipkinSpanHandler}
   * (which encodes every span as Zipkin JSON before its sender sees it).
   */
  public static LibraryFixture batch(String library) {
    switch (Library.of(library)) {
      case ARIADNE: {
        CountingExporters.Ariadne exporter = new CountingExporters.Ariadne();
        Tracing tracing = Tracing.builder().serviceName("bench")
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build()).build();
        return new LibraryFixture(Library.ARIADNE, tracing, null, null, null, exporter.exported::get, null);
      }
      case OTEL: {
        CountingExporters.Otel exporter = new CountingExporters.Otel();
        SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(io.opentelemetry.sdk.trace.export.BatchSpanProcessor.builder(exporter).build())
            .build();
        return new LibraryFixture(Library.OTEL, null, provider, null, null, exporter.exported::get, null);
      }
      default: {
        CountingExporters.Brave sender = new CountingExporters.Brave();
        ReporterCounts counts = new ReporterCounts();
        AsyncZipkinSpanHandler handler = AsyncZipkinSpanHandler.newBuilder(sender).metrics(counts).build();
        return new LibraryFixture(Library.BRAVE, null, null, braveTracing(handler, true), handler,
            sender.exported::get, counts);
      }
    }
  }

  /**
   * A processor that counts ended spans and keeps nothing: the span's own cost, without any
   * queue or exporter.
   */
  public static LibraryFixture counting(String library) {
    return counting(library, true);
  }

  /** A sampler that never samples (and a counting processor that should see nothing). */
  public static LibraryFixture unsampled(String library) {
    return counting(library, false);
  }

  private static LibraryFixture counting(String library, boolean sampled) {
    LongAdder ended = new LongAdder();
    switch (Library.of(library)) {
      case ARIADNE: {
        Tracing tracing = Tracing.builder().serviceName("bench")
            .sampler(sampled ? Sampler.alwaysOn() : Sampler.alwaysOff())
            .addSpanProcessor(new AriadneCounting(ended)).build();
        return new LibraryFixture(Library.ARIADNE, tracing, null, null, null, ended::sum, null);
      }
      case OTEL: {
        SdkTracerProvider provider = SdkTracerProvider.builder()
            .setSampler(sampled ? io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOn()
                : io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
            .addSpanProcessor(new OtelCounting(ended)).build();
        return new LibraryFixture(Library.OTEL, null, provider, null, null, ended::sum, null);
      }
      default: {
        return new LibraryFixture(Library.BRAVE, null, null, braveTracing(new BraveCounting(ended), sampled), null,
            ended::sum, null);
      }
    }
  }

  // Brave's default trace id is 64 bits; the other two write 128-bit ids, so Brave does too.
  private static brave.Tracing braveTracing(SpanHandler handler, boolean sampled) {
    return brave.Tracing.newBuilder().localServiceName("bench")
        .sampler(sampled ? brave.sampler.Sampler.ALWAYS_SAMPLE : brave.sampler.Sampler.NEVER_SAMPLE)
        .traceId128Bit(true)
        .addSpanHandler(handler).build();
  }

  /**
   * Flushes whatever the pipeline holds and returns how many spans its exporter has received;
   * {@code endedSoFar}, the spans ended since the fixture was built, lets Brave's count settle.
   */
  public long flushAndCountExported(long endedSoFar) {
    if (ariadneTracing != null) {
      ariadneTracing.forceFlush(Duration.ofSeconds(30));
    } else if (otelProvider != null) {
      otelProvider.forceFlush().join(30, TimeUnit.SECONDS);
    } else if (braveHandler != null) {
      // A flush sends what the reporter's queue holds, but its own thread may hold a message being
      // filled for up to its message timeout (1 s), so wait until every ended span is sent or dropped.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      do {
        braveHandler.flush();
      } while (exported.getAsLong() + braveCounts.dropped.sum() < endedSoFar && sleptUntil(deadline));
    }
    return exported.getAsLong();
  }

  private static boolean sleptUntil(long deadline) {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return System.nanoTime() < deadline;
  }

  /** Spans the library itself reports as dropped, where it counts them (Brave's reporter), else -1. */
  public long droppedByLibrary() {
    return braveCounts == null ? -1 : braveCounts.dropped.sum();
  }

  /**
   * Makes this thread's parent span current and returns what undoes it. Each thread has one
   * parent for the fixture's life, started on first use and never ended, as a request's server
   * span stays open while its children run; ending it, or dropping it for a new one each
   * iteration, would add spans the workload did not make (Brave reports a lost unfinished span
   * as orphaned).
   */
  public AutoCloseable enterParent() {
    Object parent = parents.get();
    switch (library) {
      case ARIADNE: {
        if (parent == null) {
          parent = ariadneTracer.span("handle_order").start();
          parents.set(parent);
        }
        dev.ariadne.api.Scope scope = ((dev.ariadne.api.Span) parent).makeCurrent();
        return scope::close;
      }
      case OTEL: {
        if (parent == null) {
          parent = otelTracer.spanBuilder("handle_order").startSpan();
          parents.set(parent);
        }
        io.opentelemetry.context.Scope scope = ((io.opentelemetry.api.trace.Span) parent).makeCurrent();
        return scope::close;
      }
      default: {
        if (parent == null) {
          parent = braveTracer.nextSpan().name("handle_order").start();
          parents.set(parent);
        }
        brave.Tracer.SpanInScope scope = braveTracer.withSpanInScope((brave.Span) parent);
        return scope::close;
      }
    }
  }

  /** Shuts the pipeline down, flushing what it holds. */
  @Override
  public void close() {
    if (ariadneTracing != null) {
      ariadneTracing.shutdown(Duration.ofSeconds(30));
    }
    if (otelProvider != null) {
      otelProvider.shutdown().join(30, TimeUnit.SECONDS);
    }
    if (braveTracing != null) {
      braveTracing.close();
    }
    if (braveHandler != null) {
      braveHandler.close();
    }
  }

  /** Counts ended spans; nothing else. */
  private static final class AriadneCounting implements SpanProcessor {
    private final LongAdder ended;

    AriadneCounting(LongAdder ended) {
      this.ended = ended;
    }

    @Override
    public void onEnd(SpanData span) {
      ended.increment();
    }
  }

  /** Counts ended spans; nothing else. */
  private static final class OtelCounting implements io.opentelemetry.sdk.trace.SpanProcessor {
    private final LongAdder ended;

    OtelCounting(LongAdder ended) {
      this.ended = ended;
    }

    @Override
    public void onStart(io.opentelemetry.context.Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      ended.increment();
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  /** Counts ended spans; nothing else. */
  private static final class BraveCounting extends SpanHandler {
    private final LongAdder ended;

    BraveCounting(LongAdder ended) {
      this.ended = ended;
    }

    @Override
    public boolean end(TraceContext context, MutableSpan span, Cause cause) {
      ended.increment();
      return true;
    }
  }

  /** Counts the spans Brave's reporter drops (queue full or failed send). */
  private static final class ReporterCounts implements ReporterMetrics {
    final LongAdder dropped = new LongAdder();

    @Override public void incrementMessages() {}
    @Override public void incrementMessagesDropped(Throwable cause) {}
    @Override public void incrementSpans(int quantity) {}
    @Override public void incrementSpanBytes(int quantity) {}
    @Override public void incrementMessageBytes(int quantity) {}
    @Override public void incrementSpansDropped(int quantity) {
      dropped.add(quantity);
    }
    @Override public void updateQueuedSpans(int update) {}
    @Override public void updateQueuedBytes(int update) {}
  }
}
