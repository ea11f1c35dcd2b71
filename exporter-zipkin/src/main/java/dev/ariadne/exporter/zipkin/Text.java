package dev.ariadne.exporter.zipkin;

/** String helpers for the encoder that allocate only when they must change something. */
final class Text {
  /** What a lone surrogate becomes: it has no UTF-8 form, and Jackson refuses to write one. */
  static final char REPLACEMENT = '\uFFFD';

  private Text() {}

  /** {@code s} with every unpaired surrogate replaced by U+FFFD; {@code s} itself when it has none. */
  static String wellFormed(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          return repair(s, i);
        }
      }
    }
    return s;
  }

  private static String repair(String s, int from) {
    char[] chars = s.toCharArray();
    for (int i = from; i < chars.length; i++) {
      char c = chars[i];
      if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        chars[i] = REPLACEMENT;
      }
    }
    return new String(chars);
  }

  /**
   * Writes {@code value} in decimal so that it ends just before {@code end} in {@code out};
   * returns where it starts. {@code out} needs 20 characters before {@code end}.
   */
  static int writeDecimal(long value, char[] out, int end) {
    int pos = end;
    // Work with the negative magnitude so that Long.MIN_VALUE needs no special case.
    long v = value < 0 ? value : -value;
    do {
      out[--pos] = (char) ('0' - (v % 10));
      v /= 10;
    } while (v != 0);
    if (value < 0) {
      out[--pos] = '-';
    }
    return pos;
  }
}
