package dev.ariadne.core.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each sampled span to the exporter as soon as it ends, on the thread that ended it.
 *
 * <p>Meant for tests, debugging and exporters that only buffer in memory: with a network exporter
 * the application thread would wait on I/O, which the batch processor exists to avoid.
 */
public final class SimpleSpanProcessor implements SpanProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(SimpleSpanProcessor.class);

  private final SpanExporter exporter;
  private final Set<ExportResult> pending = ConcurrentHashMap.newKeySet();
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder droppedByExporter = new LongAdder();
  private final LongAdder droppedShutdown = new LongAdder();
  private volatile boolean shutdown;
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  private final ExportResult shutdownResult = ExportResult.pending();

  private SimpleSpanProcessor(SpanExporter exporter) {
    this.exporter = exporter;
  }

  /** A processor exporting through {@code exporter}. */
  public static SimpleSpanProcessor create(SpanExporter exporter) {
    if (exporter == null) {
      throw new IllegalArgumentException("exporter must not be null");
    }
    return new SimpleSpanProcessor(exporter);
  }

  @Override
  public void onEnd(SpanData span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    if (shutdown) {
      droppedShutdown.increment();
      return;
    }
    ExportResult result;
    try {
      result = exporter.export(List.of(span));
    } catch (RuntimeException e) {
      failed.increment();
      LOG.warn("exporter {} threw; span '{}' dropped", exporter, span.name(), e);
      return;
    }
    if (result == null) {
      failed.increment();
      return;
    }
    if (result.isDone()) {
      count(result);
      return;
    }
    pending.add(result);
    result.whenComplete(() -> {
      pending.remove(result);
      count(result);
    });
  }

  private void count(ExportResult result) {
    if (!result.isSuccess()) {
      failed.increment();
    } else if (result.droppedSpans() > 0) {
      droppedByExporter.increment(); // the batch was this one span
    } else {
      exported.increment();
    }
  }

  @Override
  public ExportResult forceFlush() {
    List<ExportResult> waitFor = new ArrayList<>(pending);
    waitFor.add(CompositeSpanProcessor.guard(exporter::flush));
    return ExportResult.all(waitFor);
  }

  @Override
  public ExportResult shutdown() {
    if (shutdownStarted.compareAndSet(false, true)) {
      shutdown = true;
      ExportResult flushed = forceFlush();
      flushed.whenComplete(() -> {
        ExportResult closed = CompositeSpanProcessor.guard(exporter::shutdown);
        shutdownResult.completeFrom(ExportResult.all(List.of(flushed, closed)));
      });
    }
    return shutdownResult;
  }

  /** Spans the exporter accepted and sent. */
  public long exportedCount() {
    return exported.sum();
  }

  /** Spans the exporter refused or failed on. */
  public long failedCount() {
    return failed.sum();
  }

  /**
   * Spans the exporter dropped itself within a successful export ({@link ExportResult#succeed(int)}),
   * e.g. one too large to send.
   */
  public long droppedByExporterCount() {
    return droppedByExporter.sum();
  }

  /** Spans that ended after shutdown and were dropped. */
  public long droppedShutdownCount() {
    return droppedShutdown.sum();
  }

  @Override
  public String toString() {
    return "SimpleSpanProcessor{" + exporter + '}';
  }
}
