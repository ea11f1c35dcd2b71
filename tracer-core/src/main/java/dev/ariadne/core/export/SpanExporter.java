package dev.ariadne.core.export;

import java.time.Duration;
import java.util.Collection;

/**
 * Sends finished spans to a backend (Jaeger, an OTLP collector, Zipkin, a log, memory).
 *
 * <p>The batch processor calls it from its one worker thread; {@link SimpleSpanProcessor} calls it
 * on every thread that ends a span, so an exporter used there must be thread-safe (Ariadne's are).
 *
 * <p>An exporter should not block for long: it may return a pending {@link ExportResult} and
 * complete it when the backend answers.
 */
public interface SpanExporter extends AutoCloseable {

  /**
   * Exports a batch of ended, sampled spans. An exporter that leaves some of them out on purpose
   * (too large to send, not representable in its format) while sending the rest says how many with
   * {@link ExportResult#succeed(int)} or {@link ExportResult#success(int)}, so they are counted as
   * dropped, not exported.
   */
  ExportResult export(Collection<SpanData> spans);

  /** Pushes out anything the exporter buffers itself. */
  default ExportResult flush() {
    return ExportResult.success();
  }

  /** Releases the exporter's resources; exports afterwards fail. */
  ExportResult shutdown();

  /** Shuts down and waits up to ten seconds for it. */
  @Override
  default void close() {
    shutdown().await(Duration.ofSeconds(10));
  }
}
