package dev.ariadne.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a trace as a terminal waterfall: one line per span in tree order, indented by depth, with
 * a bar placed and sized by the span's start and duration relative to the whole trace.
 *
 * <pre>{@code
 * System.out.print(Waterfall.ascii().render(TraceAnalysis.of(exporter.finishedSpans())));
 * }</pre>
 *
 * <p>A line reads {@code <indent><service> <span name>  |<bar>|  <ms> ms}, followed by
 * {@code  ! ERROR} for a span that failed (ERROR status or an exception event) and
 * {@code  (parent missing)} for an orphan. The bar's first cell is the cell holding the span's
 * start (rounded down), its last the cell holding its end (rounded up), and every span gets at
 * least one cell. Immutable and thread-safe.
 */
public final class Waterfall {
  /** The bar width {@link #ascii()} uses. */
  public static final int DEFAULT_BAR_WIDTH = 40;

  private final int barWidth;
  private final char fill;

  private Waterfall(int barWidth, char fill) {
    if (barWidth < 1) {
      throw new IllegalArgumentException("barWidth must be >= 1, was " + barWidth);
    }
    this.barWidth = barWidth;
    this.fill = fill;
  }

  /** Plain ASCII bars ({@code #}) of {@value #DEFAULT_BAR_WIDTH} characters. */
  public static Waterfall ascii() {
    return new Waterfall(DEFAULT_BAR_WIDTH, '#');
  }

  /**
   * Plain ASCII bars ({@code #}) of {@code barWidth} characters.
   *
   * @throws IllegalArgumentException when {@code barWidth} is less than 1
   */
  public static Waterfall ascii(int barWidth) {
    return new Waterfall(barWidth, '#');
  }

  /**
   * Unicode block bars ({@code █}) of {@code barWidth} characters, for terminals that show them.
   *
   * @throws IllegalArgumentException when {@code barWidth} is less than 1
   */
  public static Waterfall unicode(int barWidth) {
    return new Waterfall(barWidth, '\u2588');
  }

  /** A header line naming the trace, then one line per span; every line ends in a newline. */
  public String render(TraceAnalysis analysis) {
    if (analysis == null || analysis.spanCount() == 0) {
      return "(no spans)\n";
    }
    StringBuilder out = new StringBuilder();
    out.append("trace ").append(analysis.traceId()).append("  ")
        .append(Millis.format(analysis.totalDurationNanos())).append(" ms  ")
        .append(analysis.spanCount()).append(" spans\n");
    for (String line : lines(analysis)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }

  /** One line per span in tree order, without a header; empty for a null or empty analysis. */
  public List<String> lines(TraceAnalysis analysis) {
    if (analysis == null) {
      return List.of();
    }
    List<SpanNode> nodes = analysis.nodes();
    List<String> labels = new ArrayList<>(nodes.size());
    List<String> millis = new ArrayList<>(nodes.size());
    int labelWidth = 0;
    int millisWidth = 0;
    for (SpanNode node : nodes) {
      String label = "  ".repeat(node.depth) + node.service + " " + node.name;
      String ms = Millis.format(node.duration());
      labels.add(label);
      millis.add(ms);
      labelWidth = Math.max(labelWidth, label.length());
      millisWidth = Math.max(millisWidth, ms.length());
    }
    List<String> lines = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      SpanNode node = nodes.get(i);
      StringBuilder line = new StringBuilder();
      line.append(labels.get(i)).append(" ".repeat(labelWidth - labels.get(i).length()))
          .append("  |").append(bar(node, analysis.startEpochNanos(), analysis.totalDurationNanos()))
          .append("|  ").append(" ".repeat(millisWidth - millis.get(i).length())).append(millis.get(i))
          .append(" ms");
      if (node.isError()) {
        line.append("  ! ERROR");
      }
      if (node.orphan) {
        line.append("  (parent missing)");
      }
      lines.add(line.toString());
    }
    return List.copyOf(lines);
  }

  private String bar(SpanNode node, long traceStart, long total) {
    int from = 0;
    int to = 1;
    if (total > 0) {
      // Doubles: (offset * width) could overflow a long for traces longer than a few days.
      from = (int) Math.floor((double) (node.start - traceStart) * barWidth / total);
      to = (int) Math.ceil((double) (node.end - traceStart) * barWidth / total);
    }
    from = Math.max(0, Math.min(barWidth - 1, from));
    to = Math.max(from + 1, Math.min(barWidth, to));
    char[] cells = new char[barWidth];
    for (int i = 0; i < barWidth; i++) {
      cells[i] = i >= from && i < to ? fill : ' ';
    }
    return new String(cells);
  }

  @Override
  public String toString() {
    return "Waterfall{barWidth=" + barWidth + ", fill='" + fill + "'}";
  }
}
