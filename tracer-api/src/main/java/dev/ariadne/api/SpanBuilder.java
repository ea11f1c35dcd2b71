package dev.ariadne.api;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Configures and starts one span; get one from {@link Tracer#span(String)}.
 *
 * <pre>{@code
 * try (ScopedSpan span = tracer.span("checkout")
 *     .kind(SpanKind.SERVER)
 *     .attribute("user.id", userId)
 *     .startScoped()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>By default the parent is the span current when {@link #start()} is called. A builder is for
 * one span only.
 */
public interface SpanBuilder {

  /** Uses the span in {@code context} as the parent instead of the current one. */
  SpanBuilder parent(Context context);

  /** Starts a new trace, ignoring any current span. */
  SpanBuilder noParent();

  /** Sets the kind; {@link SpanKind#INTERNAL} by default. */
  SpanBuilder kind(SpanKind kind);

  /** Sets a string attribute, visible to the sampler. */
  SpanBuilder attribute(String key, String value);

  /** Sets a 64-bit integer attribute, visible to the sampler. */
  SpanBuilder attribute(String key, long value);

  /** Sets a double attribute, visible to the sampler. */
  SpanBuilder attribute(String key, double value);

  /** Sets a boolean attribute, visible to the sampler. */
  SpanBuilder attribute(String key, boolean value);

  /** Sets an attribute through a typed key, visible to the sampler. */
  <T> SpanBuilder attribute(AttributeKey<T> key, T value);

  /** Sets every attribute of {@code attributes}. */
  SpanBuilder attributes(Attributes attributes);

  /** Links the span to another span's context, for example a batch's messages. */
  SpanBuilder link(SpanContext context);

  /** Links the span to another span's context, with attributes describing the link. */
  SpanBuilder link(SpanContext context, Attributes attributes);

  /** Sets an explicit start time, for work whose start was observed earlier. */
  SpanBuilder startTimestamp(long timestamp, TimeUnit unit);

  /** Sets an explicit start time. */
  default SpanBuilder startTimestamp(Instant timestamp) {
    return timestamp == null
        ? this
        : startTimestamp(timestamp.getEpochSecond() * 1_000_000_000L + timestamp.getNano(), TimeUnit.NANOSECONDS);
  }

  /** Starts the span; the caller must end it. */
  Span start();

  /** Starts the span and makes it current; closing the result ends it and restores the context. */
  default ScopedSpan startScoped() {
    Span span = start();
    return new ScopedSpanImpl(span, span.makeCurrent());
  }

  /**
   * Runs {@code task} inside a new current span; a thrown exception is recorded with ERROR status
   * and rethrown.
   */
  default void run(Runnable task) {
    try (ScopedSpan span = startScoped()) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        ScopedSpanImpl.fail(span, e);
        throw e;
      }
    }
  }

  /**
   * Calls {@code task} inside a new current span and returns its result; a thrown exception is
   * recorded with ERROR status and rethrown.
   */
  default <T> T call(Callable<T> task) throws Exception {
    try (ScopedSpan span = startScoped()) {
      try {
        return task.call();
      } catch (Exception | Error e) {
        ScopedSpanImpl.fail(span, e);
        throw e;
      }
    }
  }
}
