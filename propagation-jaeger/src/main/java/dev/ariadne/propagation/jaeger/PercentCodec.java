package dev.ariadne.propagation.jaeger;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of baggage values as Jaeger clients write them: UTF-8 bytes, {@code %XX} for
 * everything but the RFC 3986 unreserved characters on the way out; {@code %XX} (either case) and
 * {@code +} for a space (Jaeger's Java and Go clients form-encode) on the way in.
 *
 * <p>Decoding is lenient and total, so one bad escape does not lose a value: a {@code %} not
 * followed by two hex digits stays as it is, byte sequences that are not UTF-8 and unpaired
 * surrogates become U+FFFD. Its output therefore always encodes and decodes back to itself.
 */
final class PercentCodec {
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  private static final char REPLACEMENT = '\uFFFD';

  private PercentCodec() {}

  /** {@code value} with every character but A-Z, a-z, 0-9, {@code - . _ ~} percent-encoded as UTF-8. */
  static String encode(String value) {
    int n = value.length();
    int i = 0;
    while (i < n && isUnreserved(value.charAt(i))) {
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(value, 0, i);
    for (; i < n; i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendByte(out, c);
      } else if (c < 0x800) {
        appendByte(out, 0xc0 | (c >> 6));
        appendByte(out, 0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, value.charAt(++i));
        appendByte(out, 0xf0 | (codePoint >> 18));
        appendByte(out, 0x80 | ((codePoint >> 12) & 0x3f));
        appendByte(out, 0x80 | ((codePoint >> 6) & 0x3f));
        appendByte(out, 0x80 | (codePoint & 0x3f));
      } else {
        int unit = Character.isSurrogate(c) ? REPLACEMENT : c;
        appendByte(out, 0xe0 | (unit >> 12));
        appendByte(out, 0x80 | ((unit >> 6) & 0x3f));
        appendByte(out, 0x80 | (unit & 0x3f));
      }
    }
    return out.toString();
  }

  /** {@code value} with percent escapes and {@code +} decoded; returns {@code value} itself when nothing changes. */
  static String decode(String value) {
    int n = value.length();
    int i = 0;
    while (i < n) {
      char c = value.charAt(i);
      if (c == '%' || c == '+' || Character.isSurrogate(c)) {
        break;
      }
      i++;
    }
    if (i == n) {
      return value;
    }
    StringBuilder out = new StringBuilder(n);
    out.append(value, 0, i);
    byte[] bytes = null;
    while (i < n) {
      char c = value.charAt(i);
      if (c == '%' && isEscape(value, i, n)) {
        // Collect the whole run of escapes: a multi-byte character spans several.
        if (bytes == null) {
          bytes = new byte[(n - i) / 3];
        }
        int count = 0;
        while (i < n && value.charAt(i) == '%' && isEscape(value, i, n)) {
          bytes[count++] = (byte) (hexValue(value.charAt(i + 1)) << 4 | hexValue(value.charAt(i + 2)));
          i += 3;
        }
        // The JDK decoder replaces malformed input with U+FFFD and never yields a lone surrogate.
        out.append(new String(bytes, 0, count, StandardCharsets.UTF_8));
        continue;
      }
      if (c == '+') {
        out.append(' ');
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else {
        out.append(c);
      }
      i++;
    }
    return out.toString();
  }

  /** {@code value} with unpaired surrogates replaced by U+FFFD (for values that arrive unencoded). */
  static String sanitize(String value) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        char[] chars = value.toCharArray();
        for (int j = i; j < n; j++) {
          char d = chars[j];
          if (Character.isHighSurrogate(d) && j + 1 < n && Character.isLowSurrogate(chars[j + 1])) {
            j++;
          } else if (Character.isSurrogate(d)) {
            chars[j] = REPLACEMENT;
          }
        }
        return new String(chars);
      }
    }
    return value;
  }

  private static boolean isEscape(String s, int i, int n) {
    return i + 2 < n && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(UPPER_HEX[(b >> 4) & 0xf]).append(UPPER_HEX[b & 0xf]);
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }
}
