package dev.ariadne.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.analysis.ServiceTime;
import dev.ariadne.analysis.TraceAnalysis;
import dev.ariadne.analysis.TraceError;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.examples.orders.OrderDemo.Outcome;
import dev.ariadne.examples.orders.OrderDemo.Report;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole demo, run once with a fixed seed at a fast time scale, checked trace by trace. */
class OrderDemoTest {
  // at this scale the 3 s database timeout takes 150 ms, far above the HTTP overhead of a busy CI machine,
  // so the bottleneck assertion is about the simulated system, not about scheduling noise
  private static final DemoOptions OPTIONS = new DemoOptions(30, 42, 0.05, 3, 2000);

  private static Report report;
  private static String printed;
  private static Map<String, TraceAnalysis> traces;

  @BeforeAll
  static void runDemo() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report = OrderDemo.run(OPTIONS, null, new PrintStream(out, true, StandardCharsets.UTF_8));
    printed = out.toString(StandardCharsets.UTF_8);
    traces = new HashMap<>();
    report.summary().traces().forEach(t -> traces.put(t.traceId(), t));
  }

  private static TraceAnalysis traceOf(Outcome o) {
    String traceId = report.traceIdByOrder().get(o.orderId());
    assertThat(traceId).as("trace id of %s", o.orderId()).isNotNull();
    return traces.get(traceId);
  }

  @Test
  void everyOrder_endsAsItsSeededBehaviourSays() {
    assertThat(report.outcomes()).hasSize(OPTIONS.orders());
    for (Outcome o : report.outcomes()) {
      OrderBehaviour b = OrderBehaviour.of(OPTIONS.seed(), o.number());
      int expected = b.paymentDeclined() ? 402 : b.outOfStock() ? 409 : b.dbTimesOut() ? 502 : 200;
      assertThat(o.status()).as("order %s (%s)", o.orderId(), b).isEqualTo(expected);
    }
    // the seed gives this run every kind of outcome, so the checks below all have something to check
    assertThat(report.outcomes()).extracting(Outcome::status).contains(200, 402, 409, 502);
  }

  @Test
  void everyOrder_isOneTraceRootedAtTheFrontendWithNoLostSpans() {
    assertThat(report.traceIdByOrder()).hasSize(OPTIONS.orders());
    assertThat(Set.copyOf(report.traceIdByOrder().values())).hasSize(OPTIONS.orders());
    assertThat(report.summary().traceCount()).isEqualTo(OPTIONS.orders());
    for (Outcome o : report.outcomes()) {
      TraceAnalysis trace = traceOf(o);
      assertThat(trace.orphans()).as("orphans in %s", o.orderId()).isEmpty();
      assertThat(trace.roots()).hasSize(1);
      SpanData root = trace.root().orElseThrow();
      assertThat(root.resource().serviceName()).isEqualTo(Shop.FRONTEND);
      assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
      assertThat(root.name()).isEqualTo("POST /api/order");
    }
  }

  @Test
  void orderThatGetsThrough_spansAllFourServicesLinkedAcrossEachHop() {
    Outcome ok = report.outcomes().stream().filter(Outcome::succeeded).findFirst().orElseThrow();
    TraceAnalysis trace = traceOf(ok);
    Map<Long, SpanData> byId = trace.spans().stream().collect(Collectors.toMap(s -> s.spanContext().spanId(), s -> s));
    assertThat(trace.spans()).extracting(s -> s.resource().serviceName()).contains(
        Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY, Shop.ORDER);
    int hops = 0;
    for (SpanData span : trace.spans()) {
      if (span.kind() == SpanKind.SERVER && span != trace.root().orElseThrow()) {
        SpanData parent = byId.get(span.parentSpanContext().spanId());
        assertThat(parent).as("parent of %s", span.name()).isNotNull();
        assertThat(parent.kind()).isEqualTo(SpanKind.CLIENT);
        assertThat(parent.resource().serviceName()).isNotEqualTo(span.resource().serviceName());
        assertThat(span.parentSpanContext().isRemote()).isTrue();
        hops++;
      }
    }
    assertThat(hops).isEqualTo(3);
    assertThat(trace.spans()).extracting(SpanData::name).contains("validate_order", "call_payment_service",
        "validate_payment_info", "call_payment_gateway", "check_inventory", "deduct_inventory",
        "notify_order_service", "database_connection", "save_order_to_db", "send_confirmation_email",
        "complete_order");
  }

  @Test
  void timedOutOrder_isBlamedOnTheOrderDatabaseSave() {
    Outcome timedOut = report.outcomes().stream()
        .filter(o -> OrderBehaviour.of(OPTIONS.seed(), o.number()).dbTimesOut()
            && !OrderBehaviour.of(OPTIONS.seed(), o.number()).paymentDeclined()
            && !OrderBehaviour.of(OPTIONS.seed(), o.number()).outOfStock())
        .findFirst().orElseThrow();
    TraceAnalysis trace = traceOf(timedOut);

    assertThat(trace.hasFailed()).isTrue();
    TraceError origin = trace.errorOrigin().orElseThrow();
    assertThat(origin.service()).isEqualTo(Shop.ORDER);
    assertThat(origin.spanName()).isEqualTo("save_order_to_db");
    assertThat(trace.bottleneck()).map(ServiceTime::service).hasValue(Shop.ORDER);
    assertThat(String.join("\n", trace.recommendations())).contains("save_order_to_db").contains("connection pool");
  }

  @Test
  void logLinesOfOneOrder_carryOneTraceIdAcrossServices() {
    Outcome failed = report.outcomes().stream().filter(o -> o.status() == 502).findFirst().orElseThrow();
    String traceId = report.traceIdByOrder().get(failed.orderId());
    List<LogCapture.Line> lines = report.logLines().stream()
        .filter(l -> l.message().contains(failed.orderId())).toList();

    assertThat(lines).extracting(LogCapture.Line::traceId).containsOnly(traceId);
    assertThat(lines).extracting(LogCapture.Line::service).contains(Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY,
        Shop.ORDER);
    assertThat(lines).extracting(LogCapture.Line::spanId).allSatisfy(id -> assertThat(id).hasSize(16));
  }

  @Test
  void output_showsEachFailedOrderAndTheSummary() {
    long failed = report.outcomes().stream().filter(o -> !o.succeeded()).count();
    assertThat(printed.split("=== order ", -1).length - 1).isGreaterThanOrEqualTo((int) failed);
    assertThat(printed).contains("Log lines of this order from every service");
    assertThat(printed).contains("=== summary of 30 orders");
    assertThat(printed).contains(Shop.FRONTEND).contains(Shop.ORDER);
    assertThat(report.summary().failureCount()).isEqualTo((int) failed);
    assertThat(report.summary().successCount()).isEqualTo(OPTIONS.orders() - (int) failed);
  }

  @Test
  void serviceMap_hasTheThreeHopsWithTheirCalls() {
    assertThat(report.summary().serviceMap()).extracting(e -> e.caller() + "->" + e.callee())
        .contains(Shop.FRONTEND + "->" + Shop.PAYMENT, Shop.PAYMENT + "->" + Shop.INVENTORY,
            Shop.INVENTORY + "->" + Shop.ORDER);
  }
}
