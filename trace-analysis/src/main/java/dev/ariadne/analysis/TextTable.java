package dev.ariadne.analysis;

import java.util.ArrayList;
import java.util.List;

/** A text table whose columns are padded to line up; numbers are right-aligned. */
final class TextTable {
  private final String[] header;
  private final boolean[] rightAligned;
  private final List<String[]> rows = new ArrayList<>();

  /** Columns named in {@code header}; a name starting with '>' is right-aligned (the '>' dropped). */
  TextTable(String... header) {
    this.header = new String[header.length];
    this.rightAligned = new boolean[header.length];
    for (int i = 0; i < header.length; i++) {
      rightAligned[i] = header[i].startsWith(">");
      this.header[i] = rightAligned[i] ? header[i].substring(1) : header[i];
    }
  }

  TextTable row(Object... cells) {
    String[] row = new String[header.length];
    for (int i = 0; i < header.length; i++) {
      row[i] = i < cells.length && cells[i] != null ? cells[i].toString() : "";
    }
    rows.add(row);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The header and the rows, each line ending in a newline, with no trailing spaces. */
  String render() {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths);
    for (String[] row : rows) {
      line(out, row, widths);
    }
    return out.toString();
  }

  private void line(StringBuilder out, String[] cells, int[] widths) {
    int lineStart = out.length();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append("  ");
      }
      String pad = " ".repeat(widths[i] - cells[i].length());
      out.append(rightAligned[i] ? pad + cells[i] : cells[i] + pad);
    }
    int end = out.length();
    while (end > lineStart && out.charAt(end - 1) == ' ') {
      end--;
    }
    out.setLength(end);
    out.append('\n');
  }
}
