package dev.ariadne.api;

/**
 * Lowercase hex encoding and decoding of trace ids, span ids and flags, working on the input
 * directly (no substrings, no intermediate strings), for propagators and exporters.
 */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

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
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
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
    if (length < 1 || length > 16 || offset < 0 || offset + length > s.length()) {
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
    if (offset < 0 || length < 0 || offset + length > s.length()) {
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
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
