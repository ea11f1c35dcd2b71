package dev.ariadne.core;

import dev.ariadne.api.Context;
import dev.ariadne.api.ScopeDecorator;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import org.slf4j.MDC;

/**
 * Puts the current span's {@code trace_id}, {@code span_id} and {@code trace_flags} into the slf4j
 * MDC while its context is current, and puts the previous values back when it stops being current,
 * so every log line written inside a span can be joined with its trace.
 *
 * <p>Enable it with {@code Tracing.builder().mdcCorrelation(true)}; a logging pattern such as
 * {@code %X{trace_id} %X{span_id}} then prints the ids.
 */
public final class MdcScopeDecorator implements ScopeDecorator {
  /** MDC key of the trace id (32 hex digits). */
  public static final String TRACE_ID = "trace_id";
  /** MDC key of the span id (16 hex digits). */
  public static final String SPAN_ID = "span_id";
  /** MDC key of the trace flags (2 hex digits: bit 0 sampled, bit 1 W3C random trace id, so "03" or "01" when sampled). */
  public static final String TRACE_FLAGS = "trace_flags";

  @Override
  public Runnable decorate(Context attached) {
    SpanContext span = Span.fromContext(attached).spanContext();
    String previousTraceId = MDC.get(TRACE_ID);
    String previousSpanId = MDC.get(SPAN_ID);
    String previousFlags = MDC.get(TRACE_FLAGS);
    if (span.isValid()) {
      if (span.spanIdHex().equals(previousSpanId) && span.traceIdHex().equals(previousTraceId)) {
        return null;
      }
      MDC.put(TRACE_ID, span.traceIdHex());
      MDC.put(SPAN_ID, span.spanIdHex());
      MDC.put(TRACE_FLAGS, TraceFlags.toHex(span.traceFlags()));
    } else if (previousTraceId == null && previousSpanId == null && previousFlags == null) {
      return null;
    } else {
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
      MDC.remove(TRACE_FLAGS);
    }
    return () -> {
      restore(TRACE_ID, previousTraceId);
      restore(SPAN_ID, previousSpanId);
      restore(TRACE_FLAGS, previousFlags);
    };
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  @Override
  public String toString() {
    return "MdcScopeDecorator";
  }
}
