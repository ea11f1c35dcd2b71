package dev.ariadne.propagation.w3c;

import java.nio.charset.StandardCharsets;

/**
 * The character classes, percent-encoding and property-list rules of the W3C Baggage header
 * (https://www.w3.org/TR/baggage/#definition), working on index ranges of the input.
 */
final class BaggageCodec {
  private static final byte TCHAR = 1;
  private static final byte OCTET = 2;
  private static final byte[] CLASSES = new byte[128];
  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

  static {
    // token = 1*tchar (RFC 7230 section 3.2.6)
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      CLASSES[c] |= TCHAR;
    }
    for (char c = '0'; c <= '9'; c++) {
      CLASSES[c] |= TCHAR;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      CLASSES[c] |= TCHAR;
      CLASSES[c - 'a' + 'A'] |= TCHAR;
    }
    // baggage-octet = %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E
    for (char c = 0x21; c <= 0x7e; c++) {
      if (c != '"' && c != ',' && c != ';' && c != '\\') {
        CLASSES[c] |= OCTET;
      }
    }
  }

  private BaggageCodec() {}

  /** Whether {@code c} may appear in an RFC 7230 token (a baggage key or property key). */
  static boolean isTokenChar(char c) {
    return c < 128 && (CLASSES[c] & TCHAR) != 0;
  }

  /** Whether {@code c} is a baggage-octet: printable ASCII except {@code "} {@code ,} {@code ;} {@code \}. */
  static boolean isBaggageOctet(char c) {
    return c < 128 && (CLASSES[c] & OCTET) != 0;
  }

  /** Whether {@code key} is a non-empty token, so it may be written as a baggage key. */
  static boolean isValidKey(String key) {
    int length = key.length();
    if (length == 0) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isTokenChar(key.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- percent-decoding ----------------------------------------------------------------------

  /**
   * The value written as the baggage-octets {@code s[from, to)}, percent-decoded as UTF-8.
   *
   * <p>Octet sequences that are not UTF-8 become U+FFFD, as the specification requires. A
   * {@code %} not followed by two hex digits stays a literal {@code %} (the WHATWG URL standard's
   * percent-decode does the same): the header is still grammatical, since {@code %} is a
   * baggage-octet, and nothing the sender meant is lost. A {@code +} stays a plus (this is not
   * form encoding).
   */
  static String decode(String s, int from, int to) {
    int percent = -1;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '%') {
        percent = i;
        break;
      }
    }
    if (percent < 0) {
      return s.substring(from, to);
    }
    byte[] bytes = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i); // a baggage-octet, so ASCII
      if (c == '%' && i + 2 < to) {
        int high = hexValue(s.charAt(i + 1));
        int low = hexValue(s.charAt(i + 2));
        if ((high | low) >= 0) {
          bytes[n++] = (byte) ((high << 4) | low);
          i += 2;
          continue;
        }
      }
      bytes[n++] = (byte) c;
    }
    // The String constructor replaces every malformed UTF-8 sequence with U+FFFD.
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  /** The value of a hex digit of either case, or -1. */
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

  // ---- percent-encoding ----------------------------------------------------------------------

  /**
   * The length of {@code value} percent-encoded: baggage-octets other than {@code %} stay, every
   * other character becomes its UTF-8 bytes as {@code %XX}; a lone surrogate is encoded as U+FFFD.
   */
  static int encodedLength(String value) {
    int length = 0;
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        length += isBaggageOctet(c) && c != '%' ? 1 : 3;
      } else if (c < 0x800) {
        length += 6;
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
        length += 12;
        i++;
      } else {
        length += 9; // three UTF-8 bytes, also for U+FFFD standing in for a lone surrogate
      }
    }
    return length;
  }

  /** Writes {@code value} percent-encoded into {@code out} at {@code pos}; returns the new position. */
  static int encode(String value, char[] out, int pos) {
    int n = value.length();
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        if (isBaggageOctet(c) && c != '%') {
          out[pos++] = c;
        } else {
          pos = writeEscaped(c, out, pos);
        }
      } else if (c < 0x800) {
        pos = writeEscaped(0xc0 | (c >> 6), out, pos);
        pos = writeEscaped(0x80 | (c & 0x3f), out, pos);
      } else {
        int codePoint = c;
        if (Character.isSurrogate(c)) {
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
            codePoint = Character.toCodePoint(c, value.charAt(++i));
            pos = writeEscaped(0xf0 | (codePoint >> 18), out, pos);
            pos = writeEscaped(0x80 | ((codePoint >> 12) & 0x3f), out, pos);
            pos = writeEscaped(0x80 | ((codePoint >> 6) & 0x3f), out, pos);
            pos = writeEscaped(0x80 | (codePoint & 0x3f), out, pos);
            continue;
          }
          codePoint = 0xfffd;
        }
        pos = writeEscaped(0xe0 | (codePoint >> 12), out, pos);
        pos = writeEscaped(0x80 | ((codePoint >> 6) & 0x3f), out, pos);
        pos = writeEscaped(0x80 | (codePoint & 0x3f), out, pos);
      }
    }
    return pos;
  }

  private static int writeEscaped(int octet, char[] out, int pos) {
    out[pos] = '%';
    out[pos + 1] = UPPER_HEX[(octet >> 4) & 0xf];
    out[pos + 2] = UPPER_HEX[octet & 0xf];
    return pos + 3;
  }

  // ---- properties ------------------------------------------------------------------------------

  /**
   * The property list {@code s[from, to)} (what follows a value's first {@code ;}) in canonical
   * form, or null when it is not {@code property *( OWS ";" OWS property )} with
   * {@code property = key OWS "=" OWS value / key OWS}.
   *
   * <p>The canonical form drops the optional whitespace: no key or value can hold a space or tab,
   * so that is all of it. Property values stay percent-encoded: metadata is opaque text, and
   * decoding would let a {@code ;} inside a value split it into two properties.
   */
  static String canonicalProperties(String s, int from, int to) {
    int p = from;
    while (true) {
      p = Ows.skip(s, p, to);
      int keyStart = p;
      while (p < to && isTokenChar(s.charAt(p))) {
        p++;
      }
      if (p == keyStart) {
        return null;
      }
      p = Ows.skip(s, p, to);
      if (p < to && s.charAt(p) == '=') {
        p = Ows.skip(s, p + 1, to);
        while (p < to && isBaggageOctet(s.charAt(p))) {
          p++;
        }
        p = Ows.skip(s, p, to);
      }
      if (p == to) {
        break;
      }
      if (s.charAt(p) != ';') {
        return null;
      }
      p++;
    }
    int firstOws = from;
    while (firstOws < to && !Ows.is(s.charAt(firstOws))) {
      firstOws++;
    }
    if (firstOws == to) {
      return from == 0 && to == s.length() ? s : s.substring(from, to);
    }
    StringBuilder canonical = new StringBuilder(to - from).append(s, from, firstOws);
    for (int i = firstOws + 1; i < to; i++) {
      char c = s.charAt(i);
      if (!Ows.is(c)) {
        canonical.append(c);
      }
    }
    return canonical.toString();
  }
}
