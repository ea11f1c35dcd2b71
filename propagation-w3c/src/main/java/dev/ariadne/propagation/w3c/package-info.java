/**
 * Propagators for the W3C headers: {@link dev.ariadne.propagation.w3c.W3CTraceContextPropagator}
 * ({@code traceparent}, {@code tracestate}) and {@link dev.ariadne.propagation.w3c.W3CBaggagePropagator}
 * ({@code baggage}). Design decisions are in this module's {@code RATIONALE.md}.
 */
package dev.ariadne.propagation.w3c;
