package dev.ariadne.api.propagation;

import dev.ariadne.api.Context;
import java.util.Arrays;
import java.util.Collection;

/**
 * Writes a context into a carrier's text fields and reads it back on the other side of a process
 * boundary, in one wire format (W3C trace-context, baggage, B3, Jaeger, ...).
 *
 * <pre>{@code
 * // client
 * propagator.inject(Context.current(), headers, TextMapSetter.forMap());
 * // server
 * Context parent = propagator.extract(Context.current(), headers, TextMapGetter.forMap());
 * try (ScopedSpan span = tracer.span("GET /orders").parent(parent).kind(SpanKind.SERVER).startScoped()) { ... }
 * }</pre>
 *
 * <p>Extraction never throws: a malformed value means "nothing extracted" and the given context is
 * returned as it was.
 */
public interface TextMapPropagator {

  /** The carrier keys this propagator writes, so carriers can clear them before reuse. */
  Collection<String> fields();

  /** Writes what {@code context} holds into {@code carrier} through {@code setter}. */
  <C> void inject(Context context, C carrier, TextMapSetter<C> setter);

  /** Returns {@code context} plus what {@code carrier} holds, read through {@code getter}. */
  <C> Context extract(Context context, C carrier, TextMapGetter<C> getter);

  /**
   * One propagator that injects with every one given and extracts with each in turn, later ones
   * adding to (and for the same key, overriding) what earlier ones found.
   */
  static TextMapPropagator composite(TextMapPropagator... propagators) {
    return composite(Arrays.asList(propagators));
  }

  /** As {@link #composite(TextMapPropagator...)}, from a collection. */
  static TextMapPropagator composite(Collection<? extends TextMapPropagator> propagators) {
    return CompositePropagator.of(propagators);
  }

  /** A propagator that writes and reads nothing. */
  static TextMapPropagator noop() {
    return CompositePropagator.NOOP;
  }
}
