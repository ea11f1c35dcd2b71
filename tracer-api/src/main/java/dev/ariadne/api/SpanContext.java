package dev.ariadne.api;

/**
 * The identity of a span as it travels between services: a 128-bit trace id, a 64-bit span id,
 * the trace flags and the trace state.
 *
 * <p>Ids are held as primitives; their lowercase hex forms are made on first use and cached. An
 * all-zero trace id or span id makes the context invalid.
 */
public final class SpanContext {
  private static final SpanContext INVALID =
      new SpanContext(0, 0, 0, TraceFlags.NONE, TraceState.empty(), false);

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final byte flags;
  private final TraceState traceState;
  private final boolean remote;
  // Benign races: any thread that computes these computes the same immutable string.
  private String traceIdHex;
  private String spanIdHex;

  private SpanContext(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState, boolean remote) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.flags = flags;
    this.traceState = traceState == null ? TraceState.empty() : traceState;
    this.remote = remote;
  }

  /** A context created in this process. */
  public static SpanContext create(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, false);
  }

  /** A context received from another process, for example extracted from headers. */
  public static SpanContext createFromRemoteParent(
      long traceIdHigh, long traceIdLow, long spanId, byte flags, TraceState traceState) {
    return new SpanContext(traceIdHigh, traceIdLow, spanId, flags, traceState, true);
  }

  /**
   * A context from 32 and 16 lowercase hex digits; the invalid context when either id is malformed
   * or all zero.
   */
  public static SpanContext fromHex(
      String traceIdHex, String spanIdHex, byte flags, TraceState traceState, boolean remote) {
    if (traceIdHex == null || spanIdHex == null
        || traceIdHex.length() != 32 || spanIdHex.length() != 16
        || !Hex.isLowerHex(traceIdHex, 0, 32) || !Hex.isLowerHex(spanIdHex, 0, 16)) {
      return INVALID;
    }
    SpanContext context = new SpanContext(
        Hex.parseLong(traceIdHex, 0), Hex.parseLong(traceIdHex, 16), Hex.parseLong(spanIdHex, 0),
        flags, traceState, remote);
    return context.isValid() ? context : INVALID;
  }

  /** The invalid context: no trace, no span. */
  public static SpanContext invalid() {
    return INVALID;
  }

  /** The high 64 bits of the trace id. */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** The low 64 bits of the trace id; W3C Level 2 makes its rightmost 56 bits random. */
  public long traceIdLow() {
    return traceIdLow;
  }

  /** The span id. */
  public long spanId() {
    return spanId;
  }

  /** The trace id as 32 lowercase hex digits. */
  public String traceIdHex() {
    String hex = traceIdHex;
    if (hex == null) {
      hex = Hex.twoLongsToHex(traceIdHigh, traceIdLow);
      traceIdHex = hex;
    }
    return hex;
  }

  /** The span id as 16 lowercase hex digits. */
  public String spanIdHex() {
    String hex = spanIdHex;
    if (hex == null) {
      hex = Hex.longToHex(spanId);
      spanIdHex = hex;
    }
    return hex;
  }

  /** The trace flags byte; see {@link TraceFlags}. */
  public byte traceFlags() {
    return flags;
  }

  /** Whether the sampled flag is set. */
  public boolean isSampled() {
    return (flags & TraceFlags.SAMPLED) != 0;
  }

  /** The vendor trace state. */
  public TraceState traceState() {
    return traceState;
  }

  /** Whether this context came from another process. */
  public boolean isRemote() {
    return remote;
  }

  /** Whether both ids are non-zero. */
  public boolean isValid() {
    return (traceIdHigh | traceIdLow) != 0 && spanId != 0;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SpanContext)) {
      return false;
    }
    SpanContext that = (SpanContext) o;
    return traceIdHigh == that.traceIdHigh && traceIdLow == that.traceIdLow && spanId == that.spanId
        && flags == that.flags && remote == that.remote && traceState.equals(that.traceState);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(traceIdLow) * 31 + Long.hashCode(spanId);
  }

  @Override
  public String toString() {
    return "SpanContext{traceId=" + traceIdHex() + ", spanId=" + spanIdHex()
        + ", flags=" + TraceFlags.toHex(flags) + (remote ? ", remote" : "") + '}';
  }
}
