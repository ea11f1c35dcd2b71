package dev.ariadne.core;

import dev.ariadne.api.AttributeList;
import dev.ariadne.api.Attributes;

/** Applying span limits to values that arrive from outside the span (events, links, names). */
final class Limits {
  private Limits() {}

  /**
   * {@code attributes} as they are when within the limits and immutable, otherwise a limited,
   * immutable copy (whose dropped count says what was cut).
   */
  static Attributes limit(Attributes attributes, int maxCount, int maxValueLength) {
    if (attributes == null || attributes.isEmpty()) {
      return Attributes.empty();
    }
    if (attributes instanceof AttributeList && ((AttributeList) attributes).isFrozen()
        && attributes.size() <= maxCount && stringsFit(attributes, maxValueLength)) {
      return attributes;
    }
    return new AttributeList(maxCount, maxValueLength).putAll(attributes).build();
  }

  private static boolean stringsFit(Attributes attributes, int maxValueLength) {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      Object value = attributes.value(i);
      if (value instanceof String && ((String) value).length() > maxValueLength) {
        return false;
      }
      if (value instanceof java.util.List) {
        return false;
      }
    }
    return true;
  }

  static String truncate(String value, int maxLength) {
    if (value.length() <= maxLength) {
      return value;
    }
    int end = maxLength;
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }
}
