package dev.ariadne.exporter.jaeger;

import java.util.List;

/**
 * Writes an array attribute as the JSON-list string that OpenTelemetry's Jaeger mapping asks for,
 * since a Jaeger tag holds only scalars.
 */
final class JsonList {
  private JsonList() {}

  /**
   * {@code values} as a JSON array: strings quoted and escaped, numbers and booleans bare, null
   * elements as {@code null}. NaN and the infinities have no JSON literal, so they are written as
   * the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
   */
  static String toJson(List<?> values) {
    StringBuilder out = new StringBuilder(2 + values.size() * 8);
    out.append('[');
    for (int i = 0, n = values.size(); i < n; i++) {
      if (i > 0) {
        out.append(',');
      }
      Object value = values.get(i);
      if (value == null) {
        out.append("null");
      } else if (value instanceof Double || value instanceof Float) {
        double d = ((Number) value).doubleValue();
        if (Double.isFinite(d)) {
          out.append(d);
        } else {
          appendQuoted(out, Double.toString(d));
        }
      } else if (value instanceof Number || value instanceof Boolean) {
        out.append(value);
      } else {
        appendQuoted(out, value.toString());
      }
    }
    return out.append(']').toString();
  }

  private static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) {
            out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }
}
