package dev.ariadne.api;

/** The bits of the W3C trace-flags byte carried by a {@link SpanContext}. */
public final class TraceFlags {
  /** No flag set: the trace is not sampled. */
  public static final byte NONE = 0x00;
  /** The caller may have recorded this trace (W3C bit 0). */
  public static final byte SAMPLED = 0x01;
  /** The rightmost 56 bits of the trace id are random (W3C Trace Context Level 2, bit 1). */
  public static final byte RANDOM = 0x02;

  private TraceFlags() {}

  /** Whether the sampled bit is set in {@code flags}. */
  public static boolean isSampled(byte flags) {
    return (flags & SAMPLED) != 0;
  }

  /** The two lowercase hex digits of {@code flags}. */
  public static String toHex(byte flags) {
    return Hex.byteToHex(flags);
  }
}
