package dev.ariadne.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** Exporters that discard spans and only count them, one per library, so pipelines are compared without I/O. */
public final class CountingExporters {
  private CountingExporters() {}

  /** Ariadne's discarding exporter. */
  public static final class Ariadne implements dev.ariadne.core.export.SpanExporter {
    /** Spans received so far. */
    public final AtomicLong exported = new AtomicLong();

    @Override
    public dev.ariadne.core.export.ExportResult export(Collection<dev.ariadne.core.export.SpanData> spans) {
      exported.addAndGet(spans.size());
      return dev.ariadne.core.export.ExportResult.success();
    }

    @Override
    public dev.ariadne.core.export.ExportResult shutdown() {
      return dev.ariadne.core.export.ExportResult.success();
    }
  }

  /** The OpenTelemetry SDK's discarding exporter. */
  public static final class Otel implements io.opentelemetry.sdk.trace.export.SpanExporter {
    /** Spans received so far. */
    public final AtomicLong exported = new AtomicLong();

    @Override
    public CompletableResultCode export(Collection<io.opentelemetry.sdk.trace.data.SpanData> spans) {
      exported.addAndGet(spans.size());
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
