package dev.ariadne.core.export;

import dev.ariadne.api.Context;
import java.util.Arrays;
import java.util.List;

/**
 * Sees every recording span start and end, and decides what happens to ended spans (export them
 * one by one, batch them, filter them).
 *
 * <p>{@code onStart} and {@code onEnd} run on the application thread: they must be fast and must
 * not block. An exception they throw is caught, counted and logged, never passed to the
 * application.
 */
public interface SpanProcessor extends AutoCloseable {

  /** Called when a recording span starts, with its parent context; may add attributes. */
  default void onStart(Context parentContext, ReadWriteSpan span) {}

  /** Whether {@link #onStart} must be called; false lets the tracer skip it. */
  default boolean isStartRequired() {
    return false;
  }

  /** Called exactly once when a recording span ends (sampled or not: check the flag). */
  void onEnd(SpanData span);

  /** Exports everything ended so far; completes when that is done or failed. */
  default ExportResult forceFlush() {
    return ExportResult.success();
  }

  /** Flushes, then releases resources; spans ended afterwards are dropped. */
  default ExportResult shutdown() {
    return forceFlush();
  }

  /** Shuts down; for try-with-resources in tests. */
  @Override
  default void close() {
    shutdown().await(java.time.Duration.ofSeconds(10));
  }

  /** One processor that calls each of {@code processors} in order. */
  static SpanProcessor composite(SpanProcessor... processors) {
    return composite(Arrays.asList(processors));
  }

  /** One processor that calls each of {@code processors} in order. */
  static SpanProcessor composite(List<SpanProcessor> processors) {
    return CompositeSpanProcessor.of(processors);
  }
}
