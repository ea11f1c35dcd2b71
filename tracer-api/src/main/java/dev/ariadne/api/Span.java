package dev.ariadne.api;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One timed unit of work in a trace, with attributes, events and a status; end it exactly once,
 * best through try-with-resources ({@code close()} ends it).
 *
 * <pre>{@code
 * try (ScopedSpan span = tracer.span("save_order_to_db").kind(SpanKind.CLIENT).startScoped()) {
 *   span.attribute("db.system", "postgresql");
 *   repository.save(order);
 * }
 * }</pre>
 *
 * <p>No method throws into the application: bad arguments are ignored or truncated and counted,
 * and every call after {@link #end()} is ignored. A span may be handed to another thread (through an
 * executor or any other happens-before edge) but is not meant for simultaneous mutation from two
 * threads; that never throws, but one of the racing updates may be lost. {@code end()} is
 * exactly-once even when threads race on it.
 */
public interface Span extends AutoCloseable {

  /** Sets a string attribute. */
  Span attribute(String key, String value);

  /** Sets a 64-bit integer attribute. */
  Span attribute(String key, long value);

  /** Sets a double attribute. */
  Span attribute(String key, double value);

  /** Sets a boolean attribute. */
  Span attribute(String key, boolean value);

  /** Sets an attribute through a typed key, lists included. */
  <T> Span attribute(AttributeKey<T> key, T value);

  /** Sets every attribute of {@code attributes}. */
  Span attributes(Attributes attributes);

  /** Records a named event now. */
  Span event(String name);

  /** Records a named event with attributes now. */
  Span event(String name, Attributes attributes);

  /** Records a named event with attributes at a given wall-clock time. */
  Span event(String name, Attributes attributes, long timestamp, TimeUnit unit);

  /**
   * Records {@code exception} as an {@code exception} event with {@code exception.type},
   * {@code exception.message} and {@code exception.stacktrace}; the status is not changed.
   */
  Span recordException(Throwable exception);

  /** Records {@code exception} as above, with extra event attributes. */
  Span recordException(Throwable exception, Attributes attributes);

  /** Sets the status; {@code OK} is final, {@code UNSET} is ignored. */
  Span status(StatusCode code);

  /** Sets the status with a description, which is kept only for {@code ERROR}. */
  Span status(StatusCode code, String description);

  /** Replaces the span's name, for when a better one is known only after start (a route, say). */
  Span name(String name);

  /** Ends the span now; later calls do nothing. */
  void end();

  /** Ends the span at a given wall-clock time; later calls do nothing. */
  void end(long timestamp, TimeUnit unit);

  /** Ends the span at a given instant; later calls do nothing. */
  default void end(Instant timestamp) {
    if (timestamp == null) {
      end();
    } else {
      end(timestamp.getEpochSecond() * 1_000_000_000L + timestamp.getNano(), TimeUnit.NANOSECONDS);
    }
  }

  /** Whether this span records what is set on it; false for unsampled and ended spans. */
  boolean isRecording();

  /** The span's ids, flags and trace state, for propagation and log correlation. */
  SpanContext spanContext();

  /**
   * Makes this span the current span of this thread until the scope is closed; the span is not
   * ended by closing the scope (see {@link SpanBuilder#startScoped()} for that).
   */
  default Scope makeCurrent() {
    return Context.current().with(this).makeCurrent();
  }

  /** Ends the span, so that try-with-resources can manage it. */
  @Override
  default void close() {
    end();
  }

  /** The span current on this thread, or the invalid span. */
  static Span current() {
    return fromContext(Context.current());
  }

  /** The span held by {@code context}, or the invalid span. */
  static Span fromContext(Context context) {
    Span span = context == null ? null : context.span();
    return span == null ? NonRecordingSpan.INVALID : span;
  }

  /** The span with an invalid context that records nothing, shared. */
  static Span invalid() {
    return NonRecordingSpan.INVALID;
  }

  /** A span that records nothing and carries {@code context}, for making a remote parent current. */
  static Span wrap(SpanContext context) {
    return context == null || !context.isValid() ? NonRecordingSpan.INVALID : new NonRecordingSpan(context);
  }
}
