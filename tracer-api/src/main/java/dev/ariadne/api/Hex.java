package dev.ariadne.api;

/** Lowercase hex rendering and parsing of ids, without intermediate strings. */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  static String longToHex(long value) {
    char[] out = new char[16];
    writeLong(value, out, 0);
    return new String(out);
  }

  static String twoLongsToHex(long high, long low) {
    char[] out = new char[32];
    writeLong(high, out, 0);
    writeLong(low, out, 16);
    return new String(out);
  }

  static String byteToHex(byte value) {
    return new String(new char[] {DIGITS[(value >> 4) & 0xf], DIGITS[value & 0xf]});
  }

  static void writeLong(long value, char[] out, int offset) {
    for (int i = 15; i >= 0; i--) {
      out[offset + i] = DIGITS[(int) (value & 0xf)];
      value >>>= 4;
    }
  }

  /**
   * Parses 16 lowercase hex digits of {@code s} starting at {@code offset}; returns 0 and sets
   * nothing else when a character is not lowercase hex (callers treat 0 as invalid anyway).
   */
  static long parseLong(CharSequence s, int offset) {
    long result = 0;
    for (int i = 0; i < 16; i++) {
      int digit = digit(s.charAt(offset + i));
      if (digit < 0) {
        return 0;
      }
      result = (result << 4) | digit;
    }
    return result;
  }

  /** Whether {@code length} characters of {@code s} from {@code offset} are all lowercase hex. */
  static boolean isLowerHex(CharSequence s, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (digit(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }

  static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }
}
