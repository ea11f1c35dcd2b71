package dev.ariadne.analysis;

import static dev.ariadne.analysis.TestSpan.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.SpanKind;
import dev.ariadne.core.export.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order-flow demo's failing request: frontend -> payment -> inventory -> order, the save timing out. */
class DemoScenarioTest {

  static List<SpanData> timedOutOrder() {
    return List.of(
        span("frontend", "GET /checkout").id(1).kind(SpanKind.SERVER).at(0, 3120)
            .error("HTTP 500").build(),
        span("frontend", "POST /payment").id(2).parent(1).kind(SpanKind.CLIENT).at(4, 3115)
            .error("HTTP 500").build(),
        span("payment", "POST /payment").id(3).parent(2).kind(SpanKind.SERVER).at(6, 3112)
            .error("HTTP 500").build(),
        span("payment", "validate_card").id(4).parent(3).at(8, 40).build(),
        span("payment", "POST /inventory").id(5).parent(3).kind(SpanKind.CLIENT).at(42, 3108)
            .error("HTTP 500").build(),
        span("inventory", "POST /inventory").id(6).parent(5).kind(SpanKind.SERVER).at(44, 3106)
            .error("HTTP 500").build(),
        span("inventory", "reserve_items").id(7).parent(6).at(45, 90).build(),
        span("inventory", "POST /order").id(8).parent(6).kind(SpanKind.CLIENT).at(92, 3104)
            .error("HTTP 500").build(),
        span("order", "POST /order").id(9).parent(8).kind(SpanKind.SERVER).at(94, 3102)
            .error("save failed").build(),
        span("order", "save_order_to_db").id(10).parent(9).kind(SpanKind.CLIENT).at(96, 3100)
            .attribute("db.system", "postgresql")
            .error("database save timed out after 3 s")
            .exception("java.sql.SQLTimeoutException", "connection not available after 3000 ms").build());
  }

  @Test
  void timedOutSave_isTheBottleneckTheOriginAndTheAdvice() {
    TraceAnalysis analysis = TraceAnalysis.of(timedOutOrder());

    assertThat(analysis.bottleneck()).map(ServiceTime::service).hasValue("order");
    assertThat(analysis.errorOrigin()).map(TraceError::spanName).hasValue("save_order_to_db");
    assertThat(analysis.recommendations()).containsExactly(
        "The error starts in order 'save_order_to_db': java.sql.SQLTimeoutException: connection not"
            + " available after 3000 ms. It propagated to 7 more span(s) in frontend, payment, inventory, order.",
        "order 'save_order_to_db' timed out talking to the database after 3004.0 ms: check the connection"
            + " pool size (a call waiting for a free connection looks like this) and the database's slow"
            + " queries, and give the call a timeout budget and a circuit breaker so its callers fail fast.",
        "The slow dependency is order: 3008.0 ms of the 3120.0 ms critical path (96%), most of it in"
            + " 'save_order_to_db' (3004.0 ms).");
    assertThat(Waterfall.ascii().lines(analysis).get(9))
        .startsWith("              order save_order_to_db  | #######################################|")
        .endsWith("3004.0 ms  ! ERROR");
  }

  @Test
  void report_listsTheSpansHoldingTheCriticalPath_largestFirst_summedOverTheirSegments() {
    String report = TraceAnalysis.of(timedOutOrder()).render();
    String table = report.substring(report.indexOf("critical path  span"), report.indexOf("(4 more spans on the path:"));
    List<String> rows = table.lines().skip(1).toList();

    assertThat(rows).containsExactly(
        "order          save_order_to_db  3004.0  96%",
        "inventory      reserve_items       45.0   1%",
        "payment        validate_card       32.0   1%",
        "frontend       GET /checkout        9.0   0%",
        // payment's server span holds the path in three segments around its children: 2 + 2 + 4 ms
        "payment        POST /payment        8.0   0%",
        "frontend       POST /payment        5.0   0%");
  }
}
