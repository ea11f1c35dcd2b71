package dev.ariadne.api;

/**
 * Starts spans for one instrumented library or application part; get one from a
 * {@link TracerProvider}.
 *
 * <pre>{@code
 * Tracer tracer = tracing.tracer("com.example.orders");
 * try (ScopedSpan span = tracer.span("validate_order").startScoped()) {
 *   validate(order);
 * }
 * }</pre>
 */
public interface Tracer {

  /** A builder for a span named {@code name}; a null or blank name is replaced and counted. */
  SpanBuilder span(String name);

  /**
   * A tracer whose spans record nothing and cost no allocation; a current non-recording span (a
   * remote parent) is passed on so its context still propagates.
   */
  static Tracer noop() {
    return NoopTracer.INSTANCE;
  }
}
