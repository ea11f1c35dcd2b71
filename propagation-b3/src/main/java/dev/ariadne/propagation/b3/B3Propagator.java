package dev.ariadne.propagation.b3;

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
 * Propagates the trace context in Zipkin's B3 headers, either the single {@code b3} header or the
 * {@code X-B3-*} headers; which one it writes is chosen at creation, and it reads both.
 *
 * <pre>{@code
 * TextMapPropagator b3 = B3Propagator.injectingMultiHeaders();
 * b3.inject(Context.current(), headers, TextMapSetter.forMap());
 * Context parent = b3.extract(Context.root(), headers, TextMapGetter.forMap());
 * }</pre>
 *
 * <p>Single: {@code b3: {trace-id}-{span-id}-{sampling}-{parent-span-id}}, the last two optional,
 * sampling one of {@code 0}, {@code 1} or {@code d} (debug); {@code {trace-id}-{span-id}-{parent-span-id}}
 * (a deferred decision, as Brave writes it) is read too. Multi: {@code X-B3-TraceId},
 * {@code X-B3-SpanId}, optional {@code X-B3-ParentSpanId}, {@code X-B3-Sampled} ({@code 1} or
 * {@code 0}; {@code true}/{@code false} are read too) and {@code X-B3-Flags: 1} for debug. Trace
 * ids are 16 or 32 lowercase hex digits, span ids 16. Extraction tries {@code b3} first and then
 * the {@code X-B3-*} headers; it never throws, and a malformed value leaves the given context
 * unchanged.
 *
 * <p>Two things B3 can say have no place in a {@link SpanContext}, see RATIONALE.md: a sampling
 * decision without ids ({@code b3: 0}, or {@code X-B3-Sampled} alone) is ignored, and a deferred
 * decision (ids without a sampling state) is read as "not sampled".
 */
public final class B3Propagator implements TextMapPropagator {
  static final String SINGLE_HEADER = "b3";
  static final String TRACE_ID_HEADER = "X-B3-TraceId";
  static final String SPAN_ID_HEADER = "X-B3-SpanId";
  static final String PARENT_SPAN_ID_HEADER = "X-B3-ParentSpanId";
  static final String SAMPLED_HEADER = "X-B3-Sampled";
  static final String FLAGS_HEADER = "X-B3-Flags";

  /**
   * Marks a debug trace: the extracted span context whose trace the remote side flagged as debug.
   * Keyed by trace id so that children of the extracted span are injected as debug too, while a
   * new trace started from the same context is not.
   */
  static final ContextKey<SpanContext> DEBUG = ContextKey.named("b3-debug");

  // Looked up in lowercase: HTTP/2 carriers hold lowercase names, which then match exactly.
  private static final String SINGLE_KEY = "b3";
  private static final String TRACE_ID_KEY = "x-b3-traceid";
  private static final String SPAN_ID_KEY = "x-b3-spanid";
  private static final String PARENT_SPAN_ID_KEY = "x-b3-parentspanid";
  private static final String SAMPLED_KEY = "x-b3-sampled";
  private static final String FLAGS_KEY = "x-b3-flags";

  private static final B3Propagator SINGLE = new B3Propagator(true);
  private static final B3Propagator MULTI = new B3Propagator(false);
  // trace id (32) + '-' + span id (16) + '-' + sampling state
  private static final int MAX_SINGLE_LENGTH = 32 + 1 + 16 + 2;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[MAX_SINGLE_LENGTH]);

  private final boolean single;
  private final List<String> fields;

  private B3Propagator(boolean single) {
    this.single = single;
    // PARENT_SPAN_ID_HEADER is never written, but listed so that a reused carrier drops a stale one.
    this.fields = single
        ? List.of(SINGLE_HEADER)
        : List.of(TRACE_ID_HEADER, SPAN_ID_HEADER, PARENT_SPAN_ID_HEADER, SAMPLED_HEADER, FLAGS_HEADER);
  }

  /** A B3 propagator that writes the single {@code b3} header and reads both forms. */
  public static B3Propagator injectingSingleHeader() {
    return SINGLE;
  }

  /** A B3 propagator that writes the {@code X-B3-*} headers and reads both forms. */
  public static B3Propagator injectingMultiHeaders() {
    return MULTI;
  }

  /**
   * The headers this propagator writes: {@code b3}, or the {@code X-B3-*} headers including
   * {@code X-B3-ParentSpanId}, which is never written but should be cleared from a reused carrier.
   */
  @Override
  public Collection<String> fields() {
    return fields;
  }

  /** Writes the span context of {@code context} when it is valid; writes nothing otherwise. */
  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    SpanContext spanContext = Span.fromContext(context).spanContext();
    if (spanContext == null || !spanContext.isValid()) {
      return;
    }
    boolean debug = isDebug(context, spanContext);
    if (single) {
      setter.set(carrier, SINGLE_HEADER, writeSingle(spanContext, debug));
      return;
    }
    setter.set(carrier, TRACE_ID_HEADER, spanContext.traceIdHigh() != 0
        ? spanContext.traceIdHex() : Hex.longToHex(spanContext.traceIdLow()));
    setter.set(carrier, SPAN_ID_HEADER, spanContext.spanIdHex());
    if (debug) {
      // The specification: debug implies sampled, so X-B3-Sampled is not sent with it.
      setter.set(carrier, FLAGS_HEADER, "1");
    } else {
      setter.set(carrier, SAMPLED_HEADER, spanContext.isSampled() ? "1" : "0");
    }
  }

  /** Returns {@code context} with the remote span of the {@code b3} header, else of the {@code X-B3-*} headers. */
  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    String value = getter.get(carrier, SINGLE_KEY);
    if (value != null) {
      Context extracted = parseSingle(context, value);
      if (extracted != context) {
        return extracted;
      }
    }
    return extractMulti(context, carrier, getter);
  }

  /** Whether {@code context} marks the trace of {@code spanContext} as a debug trace. */
  static boolean isDebug(Context context, SpanContext spanContext) {
    SpanContext marker = context.get(DEBUG);
    return marker != null && spanContext.isSampled()
        && marker.traceIdHigh() == spanContext.traceIdHigh()
        && marker.traceIdLow() == spanContext.traceIdLow();
  }

  /** {@code trace-span-sampling}: 16 trace-id digits when the high half is zero, else 32. */
  static String writeSingle(SpanContext spanContext, boolean debug) {
    char[] out = BUFFER.get();
    int pos = Hex.writeTraceId(spanContext.traceIdHigh(), spanContext.traceIdLow(), out, 0);
    out[pos++] = '-';
    Hex.writeLong(spanContext.spanId(), out, pos);
    pos += 16;
    out[pos++] = '-';
    out[pos++] = debug ? 'd' : spanContext.isSampled() ? '1' : '0';
    return new String(out, 0, pos);
  }

  /**
   * Parses the single header in one pass; returns {@code context} itself when the value is
   * malformed or carries only a sampling decision. Surrounding spaces and tabs are ignored.
   */
  static Context parseSingle(Context context, String value) {
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
    if (traceLength != 16 && traceLength != 32) {
      return context; // also "0", "1" and "d" alone: a decision without ids, see the class javadoc
    }
    pos += traceLength;
    if (pos == end || value.charAt(pos) != '-') {
      return context;
    }
    int spanStart = ++pos;
    if (hexRun(value, pos, end, 16) != 16) {
      return context;
    }
    pos += 16;
    int sampling = -1; // deferred
    if (pos < end) {
      if (value.charAt(pos) != '-') {
        return context;
      }
      // A one-character field is the sampling state. With the decision deferred, Brave writes the
      // parent span id in its place, so a third field of 16 digits is the parent.
      if (end - pos - 1 != 16) {
        if (pos + 1 == end) {
          return context;
        }
        sampling = value.charAt(pos + 1);
        if (sampling != '0' && sampling != '1' && sampling != 'd') {
          return context;
        }
        pos += 2;
      }
      if (pos < end) {
        // The parent span id: checked, then ignored (our SpanContext has no parent).
        if (value.charAt(pos) != '-' || end - pos - 1 != 16 || hexRun(value, pos + 1, end, 16) != 16) {
          return context;
        }
      }
    }
    return withRemote(context, value, traceStart, traceLength, value, spanStart,
        sampling == '1' || sampling == 'd', sampling == 'd');
  }

  private static <C> Context extractMulti(Context context, C carrier, TextMapGetter<C> getter) {
    String traceId = getter.get(carrier, TRACE_ID_KEY);
    if (traceId == null) {
      return context; // also X-B3-Sampled alone: a decision without ids, see the class javadoc
    }
    String spanId = getter.get(carrier, SPAN_ID_KEY);
    if (spanId == null) {
      return context;
    }
    int traceStart = start(traceId);
    int traceLength = end(traceId, traceStart) - traceStart;
    if ((traceLength != 16 && traceLength != 32) || !Hex.isLowerHex(traceId, traceStart, traceLength)) {
      return context;
    }
    int spanStart = start(spanId);
    if (end(spanId, spanStart) - spanStart != 16 || !Hex.isLowerHex(spanId, spanStart, 16)) {
      return context;
    }
    String parent = getter.get(carrier, PARENT_SPAN_ID_KEY);
    if (parent != null) {
      int parentStart = start(parent);
      int parentLength = end(parent, parentStart) - parentStart;
      if (parentLength != 0 && (parentLength != 16 || !Hex.isLowerHex(parent, parentStart, 16))) {
        return context;
      }
    }
    boolean sampled = false; // absent: deferred
    String sampledValue = getter.get(carrier, SAMPLED_KEY);
    if (sampledValue != null) {
      int sampledStart = start(sampledValue);
      int sampledEnd = end(sampledValue, sampledStart);
      if (is(sampledValue, sampledStart, sampledEnd, "1") || is(sampledValue, sampledStart, sampledEnd, "true")) {
        sampled = true;
      } else if (!is(sampledValue, sampledStart, sampledEnd, "0") && !is(sampledValue, sampledStart, sampledEnd, "false")
          && sampledStart != sampledEnd) {
        return context;
      }
    }
    String flags = getter.get(carrier, FLAGS_KEY);
    boolean debug = false;
    if (flags != null) {
      int flagsStart = start(flags);
      // The specification: any value other than 1 is ignored.
      debug = is(flags, flagsStart, end(flags, flagsStart), "1");
    }
    return withRemote(context, traceId, traceStart, traceLength, spanId, spanStart, sampled || debug, debug);
  }

  /** {@code context} with the remote span; itself when an id is all zero. Digits are already checked. */
  private static Context withRemote(Context context, String traceSource, int traceStart, int traceLength,
      String spanSource, int spanStart, boolean sampled, boolean debug) {
    long high = 0;
    long low;
    if (traceLength == 32) {
      high = Hex.parseLong(traceSource, traceStart, 16);
      low = Hex.parseLong(traceSource, traceStart + 16, 16);
    } else {
      low = Hex.parseLong(traceSource, traceStart, 16);
    }
    long spanId = Hex.parseLong(spanSource, spanStart, 16);
    if ((high | low) == 0 || spanId == 0) {
      return context;
    }
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
    int i = from;
    while (i < end && Hex.digit(s.charAt(i)) >= 0) {
      if (i - from == max) {
        return 0;
      }
      i++;
    }
    return i - from;
  }

  /**
   * Whether {@code s[start, end)} equals the lowercase {@code expected}, ignoring ASCII case only
   * ({@code regionMatches} would also let non-ASCII letters such as U+017F match {@code s}).
   */
  private static boolean is(String s, int start, int end, String expected) {
    if (end - start != expected.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      char c = s.charAt(start + i);
      char e = expected.charAt(i);
      if (c != e && !(e >= 'a' && e <= 'z' && c == e - ('a' - 'A'))) {
        return false;
      }
    }
    return true;
  }

  private static int start(String s) {
    int i = 0;
    while (i < s.length() && isOws(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int end(String s, int start) {
    int i = s.length();
    while (i > start && isOws(s.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public String toString() {
    return single ? "B3Propagator{inject=b3}" : "B3Propagator{inject=X-B3-*}";
  }
}
