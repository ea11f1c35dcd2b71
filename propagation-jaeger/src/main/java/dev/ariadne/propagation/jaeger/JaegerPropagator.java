package dev.ariadne.propagation.jaeger;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.ContextKey;
import dev.ariadne.api.Hex;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.Collection;
import java.util.List;

/**
 * Propagates the trace context in Jaeger's {@code uber-trace-id} header and baggage in
 * {@code uberctx-{key}} headers, for talking to services instrumented with Jaeger clients.
 *
 * <pre>{@code
 * TextMapPropagator jaeger = JaegerPropagator.create();
 * jaeger.inject(Context.current(), headers, TextMapSetter.forMap());
 * Context parent = jaeger.extract(Context.root(), headers, TextMapGetter.forMap());
 * }</pre>
 *
 * <p>The header is {@code {trace-id}:{span-id}:{parent-span-id}:{flags}} in lowercase hex; the
 * value may arrive URL-encoded ({@code %3A} for {@code :}). Flags bit 1 is "sampled", bit 2
 * "debug"; debug implies sampled, and a debug trace is injected again with flags {@code 3}. Baggage
 * values are percent-encoded on the wire; keys are lowercased. {@link #fields()} lists only
 * {@code uber-trace-id}, because baggage header names depend on the baggage.
 *
 * <p>Extraction never throws: a malformed trace header leaves the span of the given context
 * unchanged, and malformed baggage headers are skipped one by one. See RATIONALE.md.
 */
public final class JaegerPropagator implements TextMapPropagator {
  static final String TRACE_HEADER = "uber-trace-id";
  static final String BAGGAGE_PREFIX = "uberctx-";
  static final String LEGACY_BAGGAGE_HEADER = "jaeger-baggage";

  /** At most this many baggage entries are read or written per carrier (the W3C baggage limit). */
  static final int MAX_BAGGAGE_ENTRIES = 64;
  /** At most this many characters of baggage keys plus values are read or written per carrier. */
  static final int MAX_BAGGAGE_CHARS = 8192;

  /**
   * Marks a debug trace: the extracted span context whose trace the remote side flagged as debug.
   * Keyed by trace id so that children of the extracted span are injected as debug too, while a
   * new trace started from the same context is not.
   */
  static final ContextKey<SpanContext> DEBUG = ContextKey.named("jaeger-debug");

  private static final JaegerPropagator INSTANCE = new JaegerPropagator();
  private static final List<String> FIELDS = List.of(TRACE_HEADER);
  // trace id (32) + ':' + span id (16) + ":0:" + one flags digit
  private static final int MAX_HEADER_LENGTH = 32 + 1 + 16 + 3 + 1;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[MAX_HEADER_LENGTH]);

  private JaegerPropagator() {}

  /** The Jaeger propagator; it has no settings, so every call returns the same instance. */
  public static JaegerPropagator create() {
    return INSTANCE;
  }

  /** Only {@code uber-trace-id}: the {@code uberctx-} baggage header names depend on the baggage. */
  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  /** Writes {@code uber-trace-id} for a valid span context and one {@code uberctx-} header per baggage entry. */
  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    SpanContext spanContext = Span.fromContext(context).spanContext();
    if (spanContext != null && spanContext.isValid()) {
      setter.set(carrier, TRACE_HEADER, writeTraceHeader(spanContext, isDebug(context, spanContext)));
    }
    Baggage baggage = Baggage.fromContext(context);
    if (!baggage.isEmpty()) {
      JaegerBaggage.inject(baggage, carrier, setter);
    }
  }

  /** Returns {@code context} with the remote span of {@code uber-trace-id} and the baggage found in the carrier. */
  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    String value = getter.get(carrier, TRACE_HEADER);
    if (value != null) {
      context = parseTraceHeader(context, value);
    }
    return JaegerBaggage.extract(context, carrier, getter);
  }

  /** Whether {@code context} marks the trace of {@code spanContext} as a debug trace. */
  static boolean isDebug(Context context, SpanContext spanContext) {
    SpanContext marker = context.get(DEBUG);
    return marker != null && spanContext.isSampled()
        && marker.traceIdHigh() == spanContext.traceIdHigh()
        && marker.traceIdLow() == spanContext.traceIdLow();
  }

  /**
   * The header value: a 16-digit trace id when the high half is zero (what 64-bit Jaeger clients
   * send and can read), else 32 digits; the span id in 16 digits; the deprecated parent as "0".
   */
  static String writeTraceHeader(SpanContext spanContext, boolean debug) {
    char[] out = BUFFER.get();
    int pos = Hex.writeTraceId(spanContext.traceIdHigh(), spanContext.traceIdLow(), out, 0);
    out[pos++] = ':';
    Hex.writeLong(spanContext.spanId(), out, pos);
    pos += 16;
    out[pos++] = ':';
    out[pos++] = '0';
    out[pos++] = ':';
    out[pos++] = debug ? '3' : spanContext.isSampled() ? '1' : '0';
    return new String(out, 0, pos);
  }

  /**
   * Parses {@code trace:span:parent:flags} in one pass over {@code value}; returns {@code context}
   * with the remote span, or {@code context} itself when the value is malformed. Each field is a
   * run of lowercase hex digits ended by {@code :} or {@code %3A}; the trace id has 1 to 32
   * digits, the span and parent ids 1 to 16, the flags 1 or 2. Surrounding spaces and tabs are
   * ignored, as HTTP allows them around a header value.
   */
  static Context parseTraceHeader(Context context, String value) {
    int end = value.length();
    int pos = 0;
    while (pos < end && isOws(value.charAt(pos))) {
      pos++;
    }
    while (end > pos && isOws(value.charAt(end - 1))) {
      end--;
    }
    int traceStart = pos;
    int traceLength = hexRun(value, pos, end, 32);
    if (traceLength == 0) {
      return context;
    }
    pos = afterSeparator(value, pos + traceLength, end);
    int spanStart = pos;
    int spanLength = hexRun(value, pos, end, 16);
    if (spanLength == 0) {
      return context;
    }
    pos = afterSeparator(value, pos + spanLength, end);
    int parentLength = hexRun(value, pos, end, 16); // deprecated: checked, then ignored
    if (parentLength == 0) {
      return context;
    }
    pos = afterSeparator(value, pos + parentLength, end);
    int flagsStart = pos;
    int flagsLength = hexRun(value, pos, end, 2);
    if (flagsLength == 0 || flagsStart + flagsLength != end) {
      return context;
    }

    long high = 0;
    long low;
    if (traceLength > 16) {
      high = Hex.parseLong(value, traceStart, traceLength - 16);
      low = Hex.parseLong(value, traceStart + traceLength - 16, 16);
    } else {
      low = Hex.parseLong(value, traceStart, traceLength);
    }
    long spanId = Hex.parseLong(value, spanStart, spanLength);
    if ((high | low) == 0 || spanId == 0) {
      return context;
    }
    int flags = (int) Hex.parseLong(value, flagsStart, flagsLength);
    boolean debug = (flags & 2) != 0;
    boolean sampled = debug || (flags & 1) != 0;
    SpanContext remote = SpanContext.createFromRemoteParent(
        high, low, spanId, sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, TraceState.empty());
    Context result = context.with(Span.wrap(remote));
    if (debug) {
      return result.with(DEBUG, remote);
    }
    // A marker left from an earlier extraction must not turn this trace into a debug one.
    return result.get(DEBUG) == null ? result : result.with(DEBUG, null);
  }

  /**
   * The number of lowercase hex digits at {@code from}, or 0 when there are none or more than
   * {@code max} (so a too-long field is rejected without scanning the rest of the value).
   */
  private static int hexRun(String s, int from, int end, int max) {
    if (from < 0) {
      return 0;
    }
    int i = from;
    while (i < end && Hex.digit(s.charAt(i)) >= 0) {
      if (i - from == max) {
        return 0;
      }
      i++;
    }
    return i - from;
  }

  /** The index after a {@code :} or {@code %3A} separator at {@code pos}, or -1. */
  private static int afterSeparator(String s, int pos, int end) {
    if (pos < end && s.charAt(pos) == ':') {
      return pos + 1;
    }
    if (pos + 2 < end && s.charAt(pos) == '%' && s.charAt(pos + 1) == '3'
        && (s.charAt(pos + 2) == 'A' || s.charAt(pos + 2) == 'a')) {
      return pos + 3;
    }
    return -1;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return "JaegerPropagator";
  }
}
