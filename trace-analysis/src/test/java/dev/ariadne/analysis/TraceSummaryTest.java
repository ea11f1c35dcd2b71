package dev.ariadne.analysis;

import static dev.ariadne.analysis.TestSpan.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ariadne.api.SpanKind;
import dev.ariadne.core.export.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
  private static final long MS = 1_000_000;

  /**
   * Three traces: frontend -> payment -> inventory (80 ms), frontend -> payment with payment failing
   * (40 ms), and frontend alone with a handled exception (10 ms). Frontend calls out through a CLIENT
   * span of its own, so the service edge starts at that span.
   */
  private static List<SpanData> threeTraces() {
    return List.of(
        span("frontend", "GET /checkout").trace(1).id(1).kind(SpanKind.SERVER).at(0, 80).build(),
        span("frontend", "POST /pay").trace(1).id(2).parent(1).kind(SpanKind.CLIENT).at(5, 75).build(),
        span("payment", "POST /pay").trace(1).id(3).parent(2).kind(SpanKind.SERVER).at(10, 70).build(),
        span("inventory", "POST /reserve").trace(1).id(4).parent(3).at(20, 60).build(),
        span("frontend", "GET /checkout").trace(2).id(11).kind(SpanKind.SERVER).at(100, 140).build(),
        span("frontend", "POST /pay").trace(2).id(12).parent(11).kind(SpanKind.CLIENT).at(105, 135).build(),
        span("payment", "POST /pay").trace(2).id(13).parent(12).at(110, 130).error("card declined").build(),
        span("frontend", "GET /checkout").trace(3).id(21).at(200, 210)
            .exception("java.io.IOException", "retried").build());
  }

  @Test
  void traces_areGroupedByTraceId_andCountedBySuccess() {
    TraceSummary summary = TraceSummary.of(threeTraces());

    assertThat(summary.traceCount()).isEqualTo(3);
    assertThat(summary.failureCount()).isEqualTo(1);
    assertThat(summary.successCount()).isEqualTo(2);
    assertThat(summary.traces()).extracting(TraceAnalysis::spanCount).containsExactly(4, 3, 1);
  }

  @Test
  void serviceLatency_isMeasuredOnEntrySpans() {
    TraceSummary summary = TraceSummary.of(threeTraces());

    assertThat(summary.services())
        .extracting(ServiceStats::service, s -> s.latency().count(), ServiceStats::errorCount,
            s -> s.latency().p50Nanos(), s -> s.latency().maxNanos())
        .containsExactly(
            tuple("frontend", 3, 0, 40 * MS, 80 * MS),
            tuple("inventory", 1, 0, 40 * MS, 40 * MS),
            tuple("payment", 2, 1, 20 * MS, 60 * MS));
  }

  @Test
  void operations_haveLatencyAndErrorCounts() {
    TraceSummary summary = TraceSummary.of(threeTraces());

    assertThat(summary.operations())
        .extracting(OperationStats::service, OperationStats::operation, o -> o.latency().count(),
            OperationStats::errorCount)
        .containsExactly(
            tuple("frontend", "GET /checkout", 3, 0),
            tuple("frontend", "POST /pay", 2, 0),
            tuple("inventory", "POST /reserve", 1, 0),
            tuple("payment", "POST /pay", 2, 1));
    assertThat(summary.errorsByOperation()).extracting(OperationStats::operation).containsExactly("POST /pay");
    assertThat(summary.errorsByOperation().get(0).service()).isEqualTo("payment");
  }

  @Test
  void serviceMap_hasOneEdgePerCallerAndCallee_withCallsErrorsAndLatency() {
    TraceSummary summary = TraceSummary.of(threeTraces());

    assertThat(summary.serviceMap())
        .extracting(ServiceEdge::caller, ServiceEdge::callee, ServiceEdge::calls, ServiceEdge::errorCount,
            e -> e.latency().p50Nanos(), e -> e.latency().p99Nanos())
        .containsExactly(
            tuple("frontend", "payment", 2, 1, 20 * MS, 60 * MS),
            tuple("payment", "inventory", 1, 0, 40 * MS, 40 * MS));
  }

  @Test
  void percentiles_useNearestRank() {
    Percentiles hundred = Percentiles.of(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());
    assertThat(hundred).isEqualTo(new Percentiles(100, 50, 90, 99, 100));

    Percentiles five = Percentiles.of(50, 15, 40, 20, 35);
    assertThat(five).isEqualTo(new Percentiles(5, 35, 50, 50, 50));

    assertThat(Percentiles.of(7)).isEqualTo(new Percentiles(1, 7, 7, 7, 7));
    assertThat(Percentiles.of()).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
    assertThat(Percentiles.of((long[]) null)).isEqualTo(new Percentiles(0, 0, 0, 0, 0));
  }

  @Test
  void percentiles_ofTenValues_pickTheRankedValue() {
    // ranks: p50 -> 5th, p90 -> 9th, p99 -> ceil(9.9) = 10th
    assertThat(Percentiles.of(10, 20, 30, 40, 50, 60, 70, 80, 90, 1000))
        .isEqualTo(new Percentiles(10, 50, 90, 1000, 1000));
  }

  @Test
  void render_printsAlignedTables() {
    String text = TraceSummary.of(threeTraces()).render();

    assertThat(text).startsWith("Traces: 3 (2 ok, 1 failed)\n");
    assertThat(text).contains("\nService map\n"
        + "caller        callee     calls  errors  p50 ms  p99 ms\n"
        + "frontend  ->  payment        2       1    20.0    60.0\n"
        + "payment   ->  inventory      1       0    40.0    40.0\n");
    assertThat(text).contains("\nErrors per operation\n"
        + "service  operation  errors  of\n"
        + "payment  POST /pay       1   2\n");
    List<String> serviceTable = section(text, "Latency per service (entry spans)");
    assertThat(serviceTable).hasSize(4);
    assertThat(serviceTable).extracting(String::length).containsOnly(serviceTable.get(0).length());
    assertThat(serviceTable.get(0)).isEqualTo("service    count  errors  p50 ms  p90 ms  p99 ms  max ms");
  }

  private static List<String> section(String text, String title) {
    List<String> lines = Arrays.asList(text.split("\n"));
    List<String> out = new ArrayList<>();
    for (int i = lines.indexOf(title) + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  @Test
  void emptyOrNullInput_givesAnEmptySummary() {
    for (TraceSummary summary : Arrays.asList(TraceSummary.of(List.of()), TraceSummary.of(null),
        TraceSummary.of(Arrays.asList((SpanData) null)))) {
      assertThat(summary.traceCount()).isZero();
      assertThat(summary.services()).isEmpty();
      assertThat(summary.operations()).isEmpty();
      assertThat(summary.serviceMap()).isEmpty();
      assertThat(summary.render()).isEqualTo("Traces: 0 (0 ok, 0 failed)\n");
    }
  }

  @Test
  void singleSpan_isOneSuccessfulTraceWithNoEdges() {
    TraceSummary summary = TraceSummary.of(List.of(span("order", "save").id(1).at(0, 5).build()));

    assertThat(summary.traceCount()).isEqualTo(1);
    assertThat(summary.successCount()).isEqualTo(1);
    assertThat(summary.services()).singleElement()
        .isEqualTo(new ServiceStats("order", 0, new Percentiles(1, 5 * MS, 5 * MS, 5 * MS, 5 * MS)));
    assertThat(summary.serviceMap()).isEmpty();
  }
}
