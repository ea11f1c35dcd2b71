package dev.ariadne.api;

/**
 * Lowercase hex encoding and decoding of trace ids, span ids and flags, working on the input
 * directly (no substrings, no intermediate strings), for propagators and exporters.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  // two hex digits per byte value, so writing a long takes 8 lookups rather than 16
  private static final char[] BYTE_DIGITS = new char[512];
  // the value of each ASCII character as a lowercase hex digit, or -1
  private static final byte[] VALUES = new byte[128];

  static {
    for (int b = 0; b < 256; b++) {
      BYTE_DIGITS[2 * b] = DIGITS[b >>> 4];
      BYTE_DIGITS[2 * b + 1] = DIGITS[b & 0xf];
    }
    java.util.Arrays.fill(VALUES, (byte) -1);
    for (int d = 0; d < 16; d++) {
      VALUES[DIGITS[d]] = (byte) d;
    }
  }

  private Hex() {}

  /** {@code value} as 16 lowercase hex digits. */
  public static String longToHex(long value) {
    char[] out = new char[16];
    writeLong(value, out, 0);
    return new String(out);
  }

  /** A 128-bit id as 32 lowercase hex digits, high half first. */
  public static String twoLongsToHex(long high, long low) {
    char[] out = new char[32];
    writeLong(high, out, 0);
    writeLong(low, out, 16);
    return new String(out);
  }

  /** {@code value} as 2 lowercase hex digits. */
  public static String byteToHex(byte value) {
    return new String(new char[] {DIGITS[(value >> 4) & 0xf], DIGITS[value & 0xf]});
  }

  /** Writes {@code value} as 16 lowercase hex digits into {@code out} at {@code offset}. */
  public static void writeLong(long value, char[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      int b = (int) (value >>> (56 - 8 * i)) & 0xff;
      out[offset + 2 * i] = BYTE_DIGITS[2 * b];
      out[offset + 2 * i + 1] = BYTE_DIGITS[2 * b + 1];
    }
  }

  /**
   * Writes a trace id at {@code offset} as 16 digits when its high half is zero (the 64-bit form
   * Jaeger and B3 peers send) and as 32 otherwise; returns the offset after it.
   */
  public static int writeTraceId(long high, long low, char[] out, int offset) {
    int pos = offset;
    if (high != 0) {
      writeLong(high, out, pos);
      pos += 16;
    }
    writeLong(low, out, pos);
    return pos + 16;
  }

  /** Writes {@code value} as 2 lowercase hex digits into {@code out} at {@code offset}. */
  public static void writeByte(byte value, char[] out, int offset) {
    out[offset] = DIGITS[(value >> 4) & 0xf];
    out[offset + 1] = DIGITS[value & 0xf];
  }

  /**
   * Parses 16 lowercase hex digits of {@code s} starting at {@code offset}; returns 0 when a
   * character is not lowercase hex (callers treat a zero id as invalid anyway).
   */
  public static long parseLong(CharSequence s, int offset) {
    return parseLong(s, offset, 16);
  }

  /**
   * Parses {@code length} (1 to 16) lowercase hex digits of {@code s} from {@code offset} as an
   * unsigned number; returns 0 when a character is not lowercase hex or the length is out of range.
   */
  public static long parseLong(CharSequence s, int offset, int length) {
    // offset > length - count rather than offset + count > length, which overflows for huge offsets
    if (length < 1 || length > 16 || offset < 0 || offset > s.length() - length) {
      return 0;
    }
    long result = 0;
    for (int i = 0; i < length; i++) {
      int digit = digit(s.charAt(offset + i));
      if (digit < 0) {
        return 0;
      }
      result = (result << 4) | digit;
    }
    return result;
  }

  /** Whether {@code length} characters of {@code s} from {@code offset} are all lowercase hex. */
  public static boolean isLowerHex(CharSequence s, int offset, int length) {
    if (offset < 0 || length < 0 || offset > s.length() - length) {
      return false;
    }
    for (int i = offset; i < offset + length; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The value of a lowercase hex digit, or -1. */
  public static int digit(char c) {
    return c < 128 ? VALUES[c] : -1;
  }
}
