package dev.ariadne.exporter.zipkin;

/**
 * Tells IP address literals from host names without a DNS lookup or a regex, because Zipkin's
 * endpoint has separate {@code ipv4} / {@code ipv6} fields and silently drops a value that is not
 * an address.
 */
final class IpLiteral {
  static final int NONE = 0;
  static final int V4 = 4;
  static final int V6 = 6;

  private IpLiteral() {}

  /** {@link #V4}, {@link #V6} or {@link #NONE} for {@code s}. */
  static int kind(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return NONE;
    }
    if (isV4(s, 0, s.length())) {
      return V4;
    }
    return isV6(s) ? V6 : NONE;
  }

  /** Dotted-quad, each part 0 to 255 written with at most three digits. */
  static boolean isV4(String s, int from, int to) {
    int parts = 0;
    int digits = 0;
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        if (++digits > 3 || value > 255) {
          return false;
        }
      } else if (c == '.' && digits > 0 && parts < 3) {
        parts++;
        digits = 0;
        value = 0;
      } else {
        return false;
      }
    }
    return parts == 3 && digits > 0;
  }

  /**
   * Eight groups of up to four hex digits, at most one {@code ::}, optionally ending in a dotted
   * quad that counts as two groups. Zone ids ({@code %eth0}) are not addresses Zipkin stores.
   */
  static boolean isV6(String s) {
    int n = s.length();
    int groups = 0;
    boolean compressed = false;
    int i = 0;
    if (s.startsWith("::")) {
      compressed = true;
      i = 2;
      if (i == n) {
        return true;
      }
    } else if (s.charAt(0) == ':') {
      return false;
    }
    while (i < n) {
      int start = i;
      while (i < n && i - start < 5 && isHex(s.charAt(i))) {
        i++;
      }
      int len = i - start;
      if (i < n && s.charAt(i) == '.') {
        // an embedded IPv4 address must be the last part
        if (!isV4(s, start, n)) {
          return false;
        }
        groups += 2;
        i = n;
        break;
      }
      if (len == 0 || len > 4) {
        return false;
      }
      groups++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (compressed) {
          return false;
        }
        compressed = true;
        i++;
      } else if (i == n) {
        return false;
      }
    }
    return compressed ? groups < 8 : groups == 8;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
