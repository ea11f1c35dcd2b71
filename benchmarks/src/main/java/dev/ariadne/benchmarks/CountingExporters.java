package dev.ariadne.benchmarks;

import io.opentelemetry.sdk.common.CompletableResultCode;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exporters that discard spans and only count them, one per library, so pipelines are compared
 * without I/O. Brave's is a Zipkin sender: its spans arrive already encoded (JSON), so a Brave
 * pipeline figure includes the encoding the other two libraries leave to their exporters.
 */
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

  /** A Zipkin sender for Brave's {@code AsyncZipkinSpanHandler} that counts encoded spans and discards them. */
  public static final class Brave implements zipkin2.reporter.BytesMessageSender {
    // the default of Zipkin's HTTP senders, so the reporter batches as it would in production
    private static final int MESSAGE_MAX_BYTES = 5 * 1024 * 1024;

    /** Spans received so far. */
    public final AtomicLong exported = new AtomicLong();

    @Override
    public zipkin2.reporter.Encoding encoding() {
      return zipkin2.reporter.Encoding.JSON;
    }

    @Override
    public int messageMaxBytes() {
      return MESSAGE_MAX_BYTES;
    }

    @Override
    public int messageSizeInBytes(List<byte[]> encodedSpans) {
      return encoding().listSizeInBytes(encodedSpans);
    }

    @Override
    public int messageSizeInBytes(int encodedSizeInBytes) {
      return encoding().listSizeInBytes(encodedSizeInBytes);
    }

    @Override
    public void send(List<byte[]> encodedSpans) {
      exported.addAndGet(encodedSpans.size());
    }

    @Override
    public void close() {}
  }
}
