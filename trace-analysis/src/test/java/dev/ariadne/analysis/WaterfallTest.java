package dev.ariadne.analysis;

import static dev.ariadne.analysis.TestSpan.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WaterfallTest {

  private static TraceAnalysis knownTimes() {
    return TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("payment", "POST /pay").id(2).parent(1).at(20, 50).build(),
        span("order", "save").id(3).parent(2).at(20, 20).build(),
        span("payment", "refund").id(4).parent(1).at(95, 100).error("declined").build(),
        span("inventory", "peek").id(5).parent(1).at(33, 34).build()));
  }

  private static String bar(String line) {
    return line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
  }

  @Test
  void lines_areOnePerSpan_inTreeOrder_indentedByDepth() {
    List<String> lines = Waterfall.ascii(10).lines(knownTimes());

    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("frontend GET /checkout");
    assertThat(lines.get(1)).startsWith("  payment POST /pay");
    assertThat(lines.get(2)).startsWith("    order save");
    assertThat(lines.get(3)).startsWith("  inventory peek");
    assertThat(lines.get(4)).startsWith("  payment refund");
  }

  @Test
  void bars_arePlacedAndSizedByStartAndDuration() {
    List<String> lines = Waterfall.ascii(10).lines(knownTimes());

    assertThat(lines).extracting(WaterfallTest::bar).containsExactly(
        "##########",
        "  ###     ",
        "  #       ", // zero length still gets one cell
        "   #      ", // 33..34 ms: cell 3 (rounded down) to cell 4 (rounded up)
        "         #");
  }

  @Test
  void columnsLineUp_withDurationsAndAnErrorMarker() {
    List<String> lines = Waterfall.ascii(10).lines(knownTimes());

    assertThat(lines).extracting(l -> l.indexOf('|')).containsOnly(lines.get(0).indexOf('|'));
    assertThat(lines.get(0)).endsWith("|  100.0 ms");
    assertThat(lines.get(2)).endsWith("|    0.0 ms");
    assertThat(lines.get(4)).endsWith("|    5.0 ms  ! ERROR");
    assertThat(lines.subList(0, 4)).noneMatch(l -> l.contains("ERROR"));
  }

  @Test
  void orphans_areMarked() {
    List<String> lines = Waterfall.ascii(4).lines(TraceAnalysis.of(List.of(
        span("inventory", "reserve").id(3).parent(2).at(0, 10).build())));

    assertThat(lines).containsExactly("inventory reserve  |####|  10.0 ms  (parent missing)");
  }

  @Test
  void render_addsAHeader_andUnicodeUsesBlocks() {
    String text = Waterfall.unicode(4).render(TraceAnalysis.of(List.of(
        span("frontend", "GET /").id(1).at(0, 8).build(),
        span("payment", "pay").id(2).parent(1).at(4, 8).build())));

    assertThat(text).isEqualTo("trace 00000000000000000af7651916cd43dd  8.0 ms  2 spans\n"
        + "frontend GET /  |\u2588\u2588\u2588\u2588|  8.0 ms\n"
        + "  payment pay   |  \u2588\u2588|  4.0 ms\n");
  }

  @Test
  void allSpansAtOneInstant_getOneCellEach() {
    List<String> lines = Waterfall.ascii(5).lines(TraceAnalysis.of(List.of(
        span("a", "x").id(1).at(7, 7).build(), span("a", "y").id(2).parent(1).at(7, 7).build())));

    assertThat(lines).extracting(WaterfallTest::bar).containsExactly("#    ", "#    ");
  }

  @Test
  void emptyOrNullAnalysis_rendersNoSpans() {
    assertThat(Waterfall.ascii().render(TraceAnalysis.of(List.of()))).isEqualTo("(no spans)\n");
    assertThat(Waterfall.ascii().render(null)).isEqualTo("(no spans)\n");
    assertThat(Waterfall.ascii().lines(null)).isEmpty();
  }

  @Test
  void barWidthBelowOne_isRejectedNamingTheSetting() {
    assertThatThrownBy(() -> Waterfall.ascii(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("barWidth must be >= 1, was 0");
  }

  @Test
  void defaultWidth_isForty() {
    List<String> lines = Waterfall.ascii().lines(TraceAnalysis.of(List.of(span("a", "x").id(1).at(0, 1).build())));

    assertThat(bar(lines.get(0))).hasSize(Waterfall.DEFAULT_BAR_WIDTH).matches("#{40}");
  }
}
