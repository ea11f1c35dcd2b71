package dev.ariadne.api;

/**
 * A span that is also the current span until closed: one resource for try-with-resources whose
 * {@code close()} ends the span and restores the previous context.
 */
public interface ScopedSpan extends Span, Scope {

  /** Ends the span and restores the context that was current before it started. */
  @Override
  void close();
}
