package dev.ariadne.propagation.w3c;

import dev.ariadne.api.Context;
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
 * Propagates the span context in the W3C Trace Context {@code traceparent} and {@code tracestate}
 * headers (Levels 1 and 2, https://www.w3.org/TR/trace-context-2/).
 *
 * <pre>{@code
 * TextMapPropagator propagator = TextMapPropagator.composite(
 *     W3CTraceContextPropagator.create(), W3CBaggagePropagator.create());
 * propagator.inject(Context.current(), headers, TextMapSetter.forMap());
 * }</pre>
 *
 * <p>Extraction never throws and runs in time linear in the header length: a malformed
 * {@code traceparent} leaves the context as it was (the next span starts a new trace) and its
 * {@code tracestate} is ignored; a malformed {@code tracestate} is dropped as a whole while the
 * {@code traceparent} is kept. Injection writes nothing for an invalid span context.
 */
public final class W3CTraceContextPropagator implements TextMapPropagator {
  /** The header carrying version, trace id, parent id and flags. */
  static final String TRACEPARENT = "traceparent";
  /** The header carrying the vendors' key/value list. */
  static final String TRACESTATE = "tracestate";

  private static final W3CTraceContextPropagator INSTANCE = new W3CTraceContextPropagator();
  private static final List<String> FIELDS = List.of(TRACEPARENT, TRACESTATE);

  // "vv-" + 32 + "-" + 16 + "-" + "ff": the length of a version 00 traceparent.
  private static final int TRACEPARENT_LENGTH = 55;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[TRACEPARENT_LENGTH]);
  private static final int TRACE_ID_OFFSET = 3;
  private static final int SPAN_ID_OFFSET = 36;
  private static final int FLAGS_OFFSET = 53;

  /*
   * The flags this version defines: sampled (bit 0, Level 1) and random-trace-id (bit 1, Level 2).
   * Every other bit is cleared, on extract and on inject, because the specification says of them:
   * "The behavior of other flags, such as (00000100) is not defined and is reserved for future
   * use. Vendors MUST set those to zero." (Trace Context Level 2, section "Other Flags",
   * https://www.w3.org/TR/trace-context-2/#other-flags; the processing model adds "Vendors will
   * set all unparsed / unknown trace-flags to 0 on outgoing requests").
   */
  private static final int KNOWN_FLAGS = TraceFlags.SAMPLED | TraceFlags.RANDOM;

  private W3CTraceContextPropagator() {}

  /** The shared instance; it holds no state. */
  public static W3CTraceContextPropagator create() {
    return INSTANCE;
  }

  /** The headers this propagator writes: {@code traceparent} and {@code tracestate}. */
  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  /**
   * Writes the {@code traceparent} (version 00) and, when non-empty, the {@code tracestate} of the
   * span in {@code context}; writes nothing when that span's context is invalid.
   */
  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    SpanContext spanContext = Span.fromContext(context).spanContext();
    if (spanContext == null || !spanContext.isValid()) {
      return;
    }
    setter.set(carrier, TRACEPARENT, traceparent(spanContext));
    TraceState traceState = spanContext.traceState();
    if (!traceState.isEmpty()) {
      // Every entry was validated when the state was built, so the text is a valid header.
      setter.set(carrier, TRACESTATE, traceState.toString());
    }
  }

  /** The version 00 {@code traceparent} of a valid span context, written into one array. */
  static String traceparent(SpanContext spanContext) {
    // a per-thread scratch array: the String is the only allocation
    char[] out = BUFFER.get();
    out[0] = '0';
    out[1] = '0';
    out[2] = '-';
    Hex.writeLong(spanContext.traceIdHigh(), out, TRACE_ID_OFFSET);
    Hex.writeLong(spanContext.traceIdLow(), out, TRACE_ID_OFFSET + 16);
    out[SPAN_ID_OFFSET - 1] = '-';
    Hex.writeLong(spanContext.spanId(), out, SPAN_ID_OFFSET);
    out[FLAGS_OFFSET - 1] = '-';
    Hex.writeByte((byte) (spanContext.traceFlags() & KNOWN_FLAGS), out, FLAGS_OFFSET);
    return new String(out, 0, TRACEPARENT_LENGTH);
  }

  /**
   * Returns {@code context} holding the remote parent read from the carrier, or {@code context}
   * unchanged when there is no valid {@code traceparent}.
   */
  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    String traceparent = getter.get(carrier, TRACEPARENT);
    int start = traceparentStart(traceparent);
    if (start < 0) {
      return context;
    }
    // One pass over the digits: Hex.parseLong returns 0 at the first character that is not lowercase
    // hex, so a non-zero value proves its digits valid, and only a zero needs a second look.
    long traceIdHigh = Hex.parseLong(traceparent, start + TRACE_ID_OFFSET);
    long traceIdLow = Hex.parseLong(traceparent, start + TRACE_ID_OFFSET + 16);
    long spanId = Hex.parseLong(traceparent, start + SPAN_ID_OFFSET);
    if ((traceIdHigh | traceIdLow) == 0 || spanId == 0) {
      return context; // all-zero ids are invalid, and with them the whole header
    }
    long flagBits = Hex.parseLong(traceparent, start + FLAGS_OFFSET, 2);
    if ((traceIdHigh == 0 && !Hex.isLowerHex(traceparent, start + TRACE_ID_OFFSET, 16))
        || (traceIdLow == 0 && !Hex.isLowerHex(traceparent, start + TRACE_ID_OFFSET + 16, 16))
        || (flagBits == 0 && !Hex.isLowerHex(traceparent, start + FLAGS_OFFSET, 2))) {
      return context;
    }
    byte flags = (byte) (flagBits & KNOWN_FLAGS);
    // Only now is tracestate read: "If the vendor failed to parse traceparent, it MUST NOT attempt
    // to parse tracestate."
    TraceState traceState = parseTraceState(getter.get(carrier, TRACESTATE));
    return context.with(Span.wrap(
        SpanContext.createFromRemoteParent(traceIdHigh, traceIdLow, spanId, flags, traceState)));
  }

  /**
   * Where the four fields of a {@code traceparent} start in {@code value}, or -1: the version is
   * lowercase hex and not {@code ff}, the fields have exact lengths separated by dashes, a version
   * 00 value has exactly 55 characters, and a higher version is read by its first four fields
   * (section "Versioning of traceparent"). The caller checks the digits of the ids and flags while
   * parsing them, and rejects all-zero ids.
   */
  static int traceparentStart(String value) {
    if (value == null) {
      return -1;
    }
    // An HTTP field value excludes leading and trailing whitespace (RFC 9110, section 5.5), and
    // the W3C test suite sends " 00-...-01\t" expecting it to be accepted; interior whitespace
    // stays invalid.
    int start = Ows.skip(value, 0, value.length());
    int end = Ows.trimEnd(value, start, value.length());
    int length = end - start;
    if (length < TRACEPARENT_LENGTH) {
      return -1;
    }
    if (!Hex.isLowerHex(value, start, 2) || value.charAt(start + 2) != '-') {
      return -1;
    }
    if (value.charAt(start) == '0' && value.charAt(start + 1) == '0') {
      if (length != TRACEPARENT_LENGTH) {
        return -1;
      }
    } else if ((value.charAt(start) == 'f' && value.charAt(start + 1) == 'f')
        || !isFutureVersionTail(value, start + TRACEPARENT_LENGTH, end)) {
      return -1;
    }
    if (value.charAt(start + SPAN_ID_OFFSET - 1) != '-' || value.charAt(start + FLAGS_OFFSET - 1) != '-') {
      return -1;
    }
    return start; // the digits of the ids and flags are checked as they are parsed
  }

  /**
   * Whether the characters after the four fields of a future version may follow them: none, or a
   * dash starting further fields. A comma anywhere means the header was repeated and its values
   * joined (as {@code TextMapGetter.forMultiMap()} does): several parents are no parent at all.
   */
  private static boolean isFutureVersionTail(String s, int from, int end) {
    if (from == end) {
      return true;
    }
    if (s.charAt(from) != '-') {
      return false;
    }
    for (int i = from + 1; i < end; i++) {
      if (s.charAt(i) == ',') {
        return false;
      }
    }
    return true;
  }

  /**
   * The trace state of a {@code tracestate} header value (several header fields joined with commas
   * are one list, RFC 9110 section 5.3), or the empty state when it is missing, over 32 members or
   * malformed anywhere: the specification allows discarding an unparsable header as a whole
   * (processing model step 3), and a half-kept list would misstate the vendors' positions.
   *
   * <p>A key repeated in the list keeps its first (left-most, most recent) value and the later
   * ones are dropped: the list is then still valid, because since 2022 the specification makes
   * unique keys the sender's duty and lets receivers "discard duplicate keys that were not
   * generated by them" ("Mutating the tracestate Field"; w3c/trace-context#477, whose change to
   * the test suite calls dropping the whole tracestate on a duplicate a bug).
   */
  static TraceState parseTraceState(String header) {
    if (header == null || header.isEmpty()) {
      return TraceState.empty();
    }
    TraceState.Builder builder = TraceState.builder();
    int length = header.length();
    int members = 0;
    int i = 0;
    while (i <= length) {
      int comma = header.indexOf(',', i);
      int memberEnd = comma < 0 ? length : comma;
      // Spaces and tabs around a member are ignored; an empty or blank member is allowed.
      int start = Ows.skip(header, i, memberEnd);
      int end = Ows.trimEnd(header, start, memberEnd);
      if (start < end) {
        if (++members > TraceState.MAX_ENTRIES) {
          return TraceState.empty();
        }
        int equals = start;
        while (equals < end && header.charAt(equals) != '=') {
          equals++;
        }
        if (equals == end || equals - start > 256 || end - equals - 1 > 256) {
          return TraceState.empty(); // no '=', or a key or value too long to be valid: no copy made
        }
        // The key ends at the first '=' (no whitespace before it: "foo =1" is invalid); the value
        // keeps its leading spaces, as the specification requires, and may not hold another '='.
        String key = header.substring(start, equals);
        String value = header.substring(equals + 1, end);
        if (!TraceState.isValidKey(key) || !TraceState.isValidValue(value)) {
          return TraceState.empty();
        }
        // A valid member that the builder refuses, with fewer than 33 members seen, is a
        // duplicate key: dropped, the first value kept.
        builder.append(key, value);
      }
      if (comma < 0) {
        break;
      }
      i = comma + 1;
    }
    return builder.build();
  }

  @Override
  public String toString() {
    return "W3CTraceContextPropagator";
  }
}
