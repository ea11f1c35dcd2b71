package dev.ariadne.samplers;

/**
 * Reads the string form of {@link RuleSampler} (grammar in its class comment) in one pass over the
 * text, by index: no split, no regular expression. Every error names the index and the text of
 * the bad part and draws a caret under it.
 */
final class RuleParser {
  private final String text;
  private final RuleSampler.Builder builder = RuleSampler.builder();
  private int defaultAt = -1;

  private RuleParser(String text) {
    this.text = text;
  }

  static RuleSampler.Builder parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("sampling rules must not be null");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("sampling rules must not be empty; for example \"/api/health=0.01,*=0.1\"");
    }
    RuleParser parser = new RuleParser(text);
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      parser.entry(start, end);
      if (comma < 0) {
        return parser.builder;
      }
      start = comma + 1;
    }
  }

  private void entry(int from, int to) {
    int start = skipBlanks(from, to);
    int end = trimBlanks(start, to);
    if (start == end) {
      throw error(Math.min(from, text.length() - 1), "", "empty entry; expected <pattern>=<rate>");
    }
    int equals = text.lastIndexOf('=', end - 1);
    if (equals < start) {
      throw error(start, text.substring(start, end), "expected <pattern>=<rate>, found no '='");
    }
    int selectorEnd = trimBlanks(start, equals);
    int valueStart = skipBlanks(equals + 1, end);
    if (selectorEnd == start) {
      throw error(start, text.substring(start, end), "missing pattern before '='");
    }
    if (valueStart == end) {
      throw error(equals, text.substring(start, end), "missing rate after '='");
    }
    if (text.charAt(start) == '[' && text.lastIndexOf(']', end - 1) > equals) {
      int close = text.lastIndexOf(']', end - 1);
      throw error(close, text.substring(start, end), "expected '=<rate>' after the selector's ']'");
    }
    boolean multiplier = text.charAt(valueStart) == 'x';
    double value = number(valueStart, end, multiplier);

    if (selectorEnd - start == 1 && text.charAt(start) == '*') {
      if (multiplier) {
        throw error(valueStart, text.substring(valueStart, end), "the default '*' takes a rate, not a multiplier");
      }
      if (defaultAt >= 0) {
        throw error(start, text.substring(start, end), "a second default; the first is at index " + defaultAt);
      }
      defaultAt = start;
      builder.defaultRate(value);
      return;
    }
    Match match = selector(start, selectorEnd);
    if (multiplier) {
      if (builder.hasTier(match)) {
        throw error(start, text.substring(start, end), "duplicate tier; the earlier one always wins");
      }
      builder.tier(match, value);
      return;
    }
    if (defaultAt >= 0) {
      throw error(start, text.substring(start, end),
          "a rule after the default '*' (index " + defaultAt + ") would never match; put the default last");
    }
    if (builder.hasRule(match)) {
      throw error(start, text.substring(start, end), "duplicate rule; the earlier one always wins");
    }
    builder.rule(match, value);
  }

  private Match selector(int start, int end) {
    if (text.charAt(start) != '[') {
      return Match.endpoint(text.substring(start, end));
    }
    if (text.charAt(end - 1) != ']' || end - start < 2) {
      throw error(end - 1, text.substring(start, end), "expected ']' to close the selector before '='");
    }
    int close = end - 1;
    int keyStart = start + 1;
    int i = keyStart;
    while (i < close) {
      char c = text.charAt(i);
      if (c == '=' || c == '^' || c == '~') {
        break;
      }
      if (c == ']' || Character.isWhitespace(c)) {
        throw error(i, text.substring(keyStart, i + 1), "a key may not contain blanks or ']'");
      }
      i++;
    }
    if (i == keyStart) {
      throw error(keyStart, text.substring(start, end), "missing attribute key after '['");
    }
    if (i == close) {
      throw error(keyStart, text.substring(keyStart, close), "expected '=', '^=' or '~=' after the key");
    }
    String key = text.substring(keyStart, i);
    char op = text.charAt(i);
    int patternStart;
    if (op == '=') {
      patternStart = i + 1;
    } else if (i + 1 < close && text.charAt(i + 1) == '=') {
      patternStart = i + 2;
    } else {
      throw error(i, text.substring(i, Math.min(i + 2, close)), "expected '=' after '" + op + "'");
    }
    if (patternStart >= close) {
      throw error(Math.min(patternStart, close), text.substring(start, end), "empty pattern");
    }
    String pattern = text.substring(patternStart, close);
    Match.Target target = key.equals(Match.SPAN_NAME_KEY) ? Match.spanName() : Match.attribute(key);
    return op == '=' ? target.exact(pattern) : op == '^' ? target.prefix(pattern) : target.glob(pattern);
  }

  /**
   * The rate, or the multiplier after its 'x', in {@code [valueStart, end)}: a plain decimal
   * number (digits, one '.', an optional exponent); no sign, NaN, infinity, hex or type suffix.
   */
  private double number(int valueStart, int end, boolean multiplier) {
    String token = text.substring(valueStart, end);
    String what = multiplier ? "multiplier" : "rate";
    int start = multiplier ? valueStart + 1 : valueStart;
    int i = start;
    int digits = 0;
    while (i < end && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < end && text.charAt(i) == '.') {
      i++;
      while (i < end && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits > 0 && i < end && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      int exponent = i++;
      if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = i;
      while (i < end && isDigit(text.charAt(i))) {
        i++;
      }
      if (i == exponentDigits) {
        i = exponent;
      }
    }
    if (digits == 0 || i != end) {
      throw error(digits == 0 ? start : i, token,
          what + " '" + token + "' is not a number" + (multiplier ? " (write x1.5)" : " in [0, 1]"));
    }
    double value = Double.parseDouble(text.substring(start, end));
    if (!multiplier && value > 1.0) {
      throw error(start, token, "rate " + token + " is above 1; a rate is a fraction, 0.5 keeps half");
    }
    if (multiplier && Double.isInfinite(value)) {
      throw error(start, token, "multiplier " + token + " is too large");
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int skipBlanks(int from, int to) {
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private int trimBlanks(int from, int to) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  /** An error naming the index and the bad text, with the rules and a caret under the index. */
  private IllegalArgumentException error(int index, String token, String reason) {
    StringBuilder message = new StringBuilder("bad sampling rules at index ").append(index)
        .append(" ('").append(token).append("'): ").append(reason).append('\n').append("  ").append(text).append('\n').append("  ");
    for (int i = 0; i < index; i++) {
      message.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    message.append('^');
    return new IllegalArgumentException(message.toString());
  }
}
