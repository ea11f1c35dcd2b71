package dev.ariadne.propagation.w3c;

/**
 * Optional whitespace as RFC 9110 section 5.6.3 defines it (spaces and horizontal tabs), which both
 * W3C headers allow around their list members.
 */
final class Ows {
  private Ows() {}

  /** Whether {@code c} is a space or a horizontal tab. */
  static boolean is(char c) {
    return c == ' ' || c == '\t';
  }

  /** The index of the first character in [from, end) that is not whitespace, or end. */
  static int skip(CharSequence s, int from, int end) {
    while (from < end && is(s.charAt(from))) {
      from++;
    }
    return from;
  }

  /** The end of [from, end) without its trailing whitespace. */
  static int trimEnd(CharSequence s, int from, int end) {
    while (end > from && is(s.charAt(end - 1))) {
      end--;
    }
    return end;
  }
}
