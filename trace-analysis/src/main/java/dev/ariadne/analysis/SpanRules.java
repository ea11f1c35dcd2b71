package dev.ariadne.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The written-down rules that classify a span: database-ish, timed out. */
final class SpanRules {
  /** The OpenTelemetry semantic-convention attribute naming the database product. */
  static final String DB_SYSTEM = "db.system";

  private SpanRules() {}

  /**
   * Whether the span talks to a database: a {@code db.system} attribute, or a name with a word
   * {@code db}, {@code database}, {@code sql}, {@code jdbc}, or a word ending in {@code sql}.
   */
  static boolean isDatabase(SpanNode node) {
    if (node.attributes.get(DB_SYSTEM) != null) {
      return true;
    }
    for (String word : words(node.name)) {
      if (word.equals("db") || word.equals("database") || word.equals("jdbc") || word.endsWith("sql")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the span failed by timing out: its status description, exception type or exception
   * message mentions "timeout", "timed out" or "time out" (in any case).
   */
  static boolean timedOut(SpanNode node) {
    return mentionsTimeout(node.statusDescription)
        || mentionsTimeout(node.exceptionAttribute("exception.type"))
        || mentionsTimeout(node.exceptionAttribute("exception.message"));
  }

  private static boolean mentionsTimeout(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("timeout") || lower.contains("timed out") || lower.contains("time out");
  }

  /** Lower-case words, split at non-letters/digits and where a lower-case letter meets an upper. */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char previous = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean boundary = !Character.isLetterOrDigit(c)
          || (Character.isUpperCase(c) && Character.isLowerCase(previous));
      if (boundary && word.length() > 0) {
        words.add(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      }
      previous = c;
    }
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
    }
    return words;
  }
}
