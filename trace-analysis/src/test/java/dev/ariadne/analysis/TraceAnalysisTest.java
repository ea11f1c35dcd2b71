package dev.ariadne.analysis;

import static dev.ariadne.analysis.TestSpan.ms;
import static dev.ariadne.analysis.TestSpan.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceAnalysisTest {
  private static final long MS = 1_000_000;

  /** frontend -> payment -> inventory -> order, each nested 10 ms inside its caller. */
  static List<SpanData> simpleChain() {
    return List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("payment", "POST /pay").id(2).parent(1).at(10, 90).build(),
        span("inventory", "POST /reserve").id(3).parent(2).at(20, 80).build(),
        span("order", "complete_order").id(4).parent(3).at(30, 70).build());
  }

  private static List<Object> segments(TraceAnalysis analysis) {
    List<Object> out = new ArrayList<>();
    for (CriticalPathSegment s : analysis.criticalPath()) {
      out.add(s.service() + " " + (s.startEpochNanos() - ms(0)) / MS + "-" + (s.endEpochNanos() - ms(0)) / MS);
    }
    return out;
  }

  @Test
  void simpleChain_hasRootTotalSelfTimesAndCriticalPath() {
    TraceAnalysis analysis = TraceAnalysis.of(simpleChain());

    assertThat(analysis.traceId()).isEqualTo("00000000000000000af7651916cd43dd");
    assertThat(analysis.spanCount()).isEqualTo(4);
    assertThat(analysis.root()).map(SpanData::name).hasValue("GET /checkout");
    assertThat(analysis.orphans()).isEmpty();
    assertThat(analysis.totalDurationNanos()).isEqualTo(100 * MS);
    assertThat(analysis.selfTimeByService())
        .extracting(ServiceTime::service, ServiceTime::nanos, ServiceTime::share)
        .containsExactly(tuple("order", 40 * MS, 0.4), tuple("frontend", 20 * MS, 0.2),
            tuple("payment", 20 * MS, 0.2), tuple("inventory", 20 * MS, 0.2));
    assertThat(segments(analysis)).containsExactly("frontend 0-10", "payment 10-20", "inventory 20-30",
        "order 30-70", "inventory 70-80", "payment 80-90", "frontend 90-100");
    assertThat(analysis.criticalPathNanos()).isEqualTo(100 * MS);
    assertThat(analysis.criticalPathByService()).first()
        .isEqualTo(new ServiceTime("order", 40 * MS, 0.4));
    assertThat(analysis.errors()).isEmpty();
    assertThat(analysis.hasFailed()).isFalse();
    assertThat(analysis.warnings()).isEmpty();
  }

  @Test
  void overlappingChildren_countOnceInSelfTime_andCriticalPathFollowsLastFinisher() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("auth", "check").id(2).parent(1).at(5, 20).build(),
        span("payment", "pay").id(3).parent(1).at(10, 50).build(),
        span("inventory", "reserve").id(4).parent(1).at(30, 70).build(),
        span("order", "save").id(5).parent(1).at(60, 65).build()));

    // Children cover 5..70 as one union: 65 ms, so the root's own time is 35 ms.
    assertThat(analysis.selfTimeNanos("frontend")).isEqualTo(35 * MS);
    assertThat(analysis.selfTimeNanos("payment")).isEqualTo(40 * MS);
    assertThat(segments(analysis)).containsExactly(
        "frontend 0-5", "auth 5-20", "frontend 20-30", "inventory 30-70", "frontend 70-100");
    assertThat(analysis.criticalPathByService())
        .extracting(ServiceTime::service, ServiceTime::nanos)
        .containsExactly(tuple("frontend", 45 * MS), tuple("inventory", 40 * MS), tuple("auth", 15 * MS));
  }

  @Test
  void asyncChildOutlivingItsParent_isClippedInSelfTimeAndCriticalPath() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("audit", "write_audit_log").id(2).parent(1).at(50, 150).build()));

    assertThat(analysis.totalDurationNanos()).isEqualTo(150 * MS);
    assertThat(analysis.selfTimeNanos("frontend")).isEqualTo(50 * MS);
    assertThat(analysis.selfTimeNanos("audit")).isEqualTo(100 * MS);
    assertThat(segments(analysis)).containsExactly("frontend 0-50", "audit 50-100");
    assertThat(analysis.criticalPathNanos()).isEqualTo(100 * MS);
  }

  @Test
  void childStartingBeforeItsParent_isClippedToTheParent() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(10, 100).build(),
        span("payment", "pay").id(2).parent(1).at(0, 40).build()));

    assertThat(analysis.selfTimeNanos("frontend")).isEqualTo(60 * MS);
    assertThat(segments(analysis)).containsExactly("payment 10-40", "frontend 40-100");
  }

  @Test
  void missingParent_reportsOrphan_andStillAnalysesIt() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("inventory", "POST /reserve").id(3).parent(2).at(20, 60).build(),
        span("order", "complete_order").id(4).parent(3).at(30, 50).build()));

    assertThat(analysis.orphans()).extracting(SpanData::name).containsExactly("POST /reserve");
    assertThat(analysis.roots()).extracting(SpanData::name).containsExactly("GET /checkout", "POST /reserve");
    assertThat(analysis.root()).map(SpanData::name).hasValue("GET /checkout");
    assertThat(analysis.selfTimeNanos("inventory")).isEqualTo(20 * MS);
    assertThat(analysis.selfTimeNanos("order")).isEqualTo(20 * MS);
    assertThat(segments(analysis)).containsExactly("frontend 0-100");
    assertThat(analysis.recommendations()).anySatisfy(r -> assertThat(r)
        .startsWith("1 span(s) have a parent missing").contains("inventory 'POST /reserve'"));
  }

  @Test
  void onlyOrphans_theEarliestOrphanIsTheRoot_andSeparateRootsShareTheCriticalPath() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("payment", "pay").id(2).parent(9).at(0, 30).build(),
        span("order", "save").id(3).parent(8).at(40, 100).build()));

    assertThat(analysis.root()).map(SpanData::name).hasValue("pay");
    assertThat(analysis.orphans()).hasSize(2);
    // The gap 30..40 belongs to no span.
    assertThat(segments(analysis)).containsExactly("payment 0-30", "order 40-100");
    assertThat(analysis.criticalPathNanos()).isEqualTo(90 * MS);
  }

  @Test
  void errors_listStatusAndExceptions_andTheOriginIsTheDeepestError() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("payment", "POST /pay").id(2).parent(1).at(10, 90)
            .exception("java.lang.IllegalStateException", "retrying").build(),
        span("inventory", "POST /reserve").id(3).parent(2).at(20, 80).error("upstream error").build(),
        span("order", "save_order_to_db").id(4).parent(3).at(30, 70)
            .error("database save timed out after 3 s")
            .exception("java.sql.SQLTimeoutException", "query timed out").build()));

    assertThat(analysis.hasFailed()).isTrue();
    assertThat(analysis.errors())
        .extracting(TraceError::service, TraceError::spanName, TraceError::exceptionType,
            TraceError::exceptionMessage, TraceError::statusDescription)
        .containsExactly(
            tuple("payment", "POST /pay", "java.lang.IllegalStateException", "retrying", ""),
            tuple("inventory", "POST /reserve", "", "", "upstream error"),
            tuple("order", "save_order_to_db", "java.sql.SQLTimeoutException", "query timed out",
                "database save timed out after 3 s"));
    assertThat(analysis.errorOrigin()).map(TraceError::spanName).hasValue("save_order_to_db");
    assertThat(analysis.errors().get(1).description()).isEqualTo("upstream error");
    assertThat(analysis.recommendations().get(0)).isEqualTo(
        "The error starts in order 'save_order_to_db': java.sql.SQLTimeoutException: query timed out."
            + " It propagated to 2 more span(s) in payment, inventory.");
  }

  @Test
  void exceptionEventWithoutErrorStatus_isAnErrorButTheTraceDidNotFail() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("payment", "pay").id(1).at(0, 10).exception("java.io.IOException", "reset").build()));

    assertThat(analysis.errors()).hasSize(1);
    assertThat(analysis.hasFailed()).isFalse();
  }

  @Test
  void bottleneck_isTheServiceHoldingMoreThanHalfOfTheCriticalPath() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /checkout").id(1).at(0, 100).build(),
        span("payment", "POST /pay").id(2).parent(1).at(5, 98).build(),
        span("inventory", "POST /reserve").id(3).parent(2).at(8, 97).build(),
        span("order", "complete_order").id(4).parent(3).at(10, 95).build(),
        span("order", "save_order_to_db").id(5).parent(4).at(12, 94).build()));

    assertThat(analysis.bottleneck()).hasValueSatisfying(b -> {
      assertThat(b.service()).isEqualTo("order");
      assertThat(b.nanos()).isEqualTo(85 * MS);
      assertThat(b.share()).isEqualTo(0.85);
    });
    assertThat(analysis.recommendations()).containsExactly(
        "The slow dependency is order: 85.0 ms of the 100.0 ms critical path (85%),"
            + " most of it in 'save_order_to_db' (82.0 ms).");
  }

  @Test
  void bottleneck_isAbsentWhenNoServiceHoldsMoreThanHalf() {
    TraceAnalysis analysis = TraceAnalysis.of(simpleChain());

    assertThat(analysis.bottleneck()).isEmpty();
    assertThat(analysis.recommendations()).isEmpty();
  }

  @Test
  void bottleneck_atExactlyHalf_isAbsent() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /").id(1).at(0, 100).build(),
        span("payment", "pay").id(2).parent(1).at(25, 75).build()));

    assertThat(analysis.criticalPathByService()).extracting(ServiceTime::share).containsExactly(0.5, 0.5);
    assertThat(analysis.bottleneck()).isEmpty();
  }

  @Test
  void bottleneckInTheRootService_isNotCalledADependency() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /").id(1).at(0, 100).build(),
        span("payment", "pay").id(2).parent(1).at(0, 10).build()));

    assertThat(analysis.recommendations()).containsExactly(
        "frontend itself takes 90.0 ms of the 100.0 ms critical path (90%), most of it in 'GET /' (90.0 ms).");
  }

  @Test
  void databaseTimeout_recommendsThePoolTimeoutBudgetAndCircuitBreaker() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("order", "complete_order").id(1).at(0, 3010).build(),
        span("order", "save_order_to_db").id(2).parent(1).at(5, 3005)
            .error("database save timed out after 3 s").build()));

    assertThat(analysis.recommendations()).anySatisfy(r -> assertThat(r)
        .startsWith("order 'save_order_to_db' timed out talking to the database after 3000.0 ms")
        .contains("connection pool size", "timeout budget", "circuit breaker"));
  }

  @Test
  void timeoutOutsideTheDatabase_recommendsABudgetButNotThePool() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("payment", "call_gateway").id(1).at(0, 50)
            .exception("java.net.SocketTimeoutException", "Read timed out").build()));

    assertThat(analysis.recommendations()).anySatisfy(r -> assertThat(r)
        .startsWith("payment 'call_gateway' timed out after 50.0 ms")
        .doesNotContain("connection pool"));
  }

  @Test
  void databaseIsh_isDbSystemOrADatabaseWordInTheName() {
    assertThat(isDatabase(span("s", "save_order_to_db").build())).isTrue();
    assertThat(isDatabase(span("s", "saveOrderToDb").build())).isTrue();
    assertThat(isDatabase(span("s", "SELECT orders").attribute("db.system", "postgresql").build())).isTrue();
    assertThat(isDatabase(span("s", "postgresql query").build())).isTrue();
    assertThat(isDatabase(span("s", "Database.save").build())).isTrue();
    assertThat(isDatabase(span("s", "jdbc:execute").build())).isTrue();
    assertThat(isDatabase(span("s", "debug_handler").build())).isFalse();
    assertThat(isDatabase(span("s", "GET /dbadmin").build())).isFalse();
  }

  private static boolean isDatabase(SpanData span) {
    return SpanRules.isDatabase(new SpanNode(span));
  }

  @Test
  void emptyOrNullInput_givesAnEmptyAnalysis() {
    for (TraceAnalysis analysis : Arrays.asList(TraceAnalysis.of(List.of()), TraceAnalysis.of(null),
        TraceAnalysis.of(Arrays.asList((SpanData) null)))) {
      assertThat(analysis.traceId()).isEmpty();
      assertThat(analysis.spanCount()).isZero();
      assertThat(analysis.root()).isEmpty();
      assertThat(analysis.totalDurationNanos()).isZero();
      assertThat(analysis.criticalPath()).isEmpty();
      assertThat(analysis.selfTimeByService()).isEmpty();
      assertThat(analysis.bottleneck()).isEmpty();
      assertThat(analysis.errors()).isEmpty();
      assertThat(analysis.recommendations()).isEmpty();
      assertThat(analysis.render()).startsWith("Trace (no spans): 0 spans, 0.0 ms");
    }
  }

  @Test
  void singleSpan_isRootWholeCriticalPathAndBottleneck() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(span("order", "save").id(7).at(0, 40).build()));

    assertThat(analysis.root()).map(SpanData::name).hasValue("save");
    assertThat(analysis.selfTimeByService()).containsExactly(new ServiceTime("order", 40 * MS, 1.0));
    assertThat(segments(analysis)).containsExactly("order 0-40");
    assertThat(analysis.bottleneck()).map(ServiceTime::service).hasValue("order");
  }

  @Test
  void spansOfTwoTraces_areRejectedWithAMessage() {
    List<SpanData> spans = List.of(span("a", "x").id(1).trace(1).build(), span("b", "y").id(2).trace(2).build());

    assertThatThrownBy(() -> TraceAnalysis.of(spans))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spans of 2 traces given")
        .hasMessageContaining("TraceSummary.of");
  }

  @Test
  void spanNotEnded_isZeroLengthAtItsStart_andWarned() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("frontend", "GET /").id(1).at(0, 100).build(),
        span("payment", "pay").id(2).parent(1).at(10, 10).notEnded().build()));

    assertThat(analysis.selfTimeNanos("payment")).isZero();
    assertThat(analysis.selfTimeNanos("frontend")).isEqualTo(100 * MS);
    assertThat(analysis.totalDurationNanos()).isEqualTo(100 * MS);
    assertThat(analysis.warnings()).containsExactly(
        "1 span(s) had not ended and are analysed as zero-length: [payment 'pay']");
  }

  @Test
  void spanEndingBeforeItStarts_isZeroLength_andWarned() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(span("frontend", "GET /").id(1).at(50, 20).build()));

    assertThat(analysis.totalDurationNanos()).isZero();
    assertThat(analysis.criticalPath()).isEmpty();
    assertThat(analysis.warnings()).singleElement().asString().contains("end before they start");
  }

  @Test
  void cycleOfParentIds_isCutAtItsEarliestSpan() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("a", "first").id(1).parent(3).at(0, 100).build(),
        span("b", "second").id(2).parent(1).at(10, 90).build(),
        span("c", "third").id(3).parent(2).at(20, 80).build(),
        span("d", "self").id(4).parent(4).at(30, 40).build()));

    assertThat(analysis.root()).map(SpanData::name).hasValue("first");
    assertThat(analysis.roots()).extracting(SpanData::name).containsExactly("first", "self");
    assertThat(analysis.spans()).extracting(SpanData::name).containsExactly("first", "second", "third", "self");
    assertThat(analysis.warnings()).containsExactly(
        "parent ids form a cycle of 3 spans; a 'first' is analysed as a root",
        "parent ids form a cycle of 1 spans; d 'self' is analysed as a root");
  }

  @Test
  void duplicateSpanIds_keepTheFirst_andWarn() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(
        span("a", "first").id(1).at(0, 100).build(),
        span("a", "again").id(1).at(0, 100).build()));

    assertThat(analysis.spans()).extracting(SpanData::name).containsExactly("first");
    assertThat(analysis.warnings()).containsExactly(
        "span id 0000000000000001 appears 2 times; only the first is analysed");
  }

  @Test
  void missingResource_countsAsTheUnknownService() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(span(null, "x").id(1).at(0, 1).build()));

    assertThat(analysis.selfTimeByService()).extracting(ServiceTime::service)
        .containsExactly("unknown_service:java");
  }

  @Test
  void render_showsServicesPathErrorsAndAdvice() {
    String report = TraceAnalysis.of(List.of(
        span("frontend", "GET /").id(1).at(0, 100).build(),
        span("order", "save_order_to_db").id(2).parent(1).at(5, 95).error("timed out").build())).render();

    assertThat(report)
        .contains("2 spans, 100.0 ms, FAILED")
        .contains("order        90.0     90%              90.0              90%\n")
        .contains("Bottleneck: order (90% of the critical path)")
        .contains("- The error starts in order 'save_order_to_db': timed out.");
  }

  @Test
  void deepChain_isAnalysedWithoutRecursion() {
    List<SpanData> spans = new ArrayList<>();
    int depth = 50_000;
    for (int i = 1; i <= depth; i++) {
      spans.add(span("s" + (i % 4), "op").id(i).parent(i - 1).at(i, 2L * depth - i + 1).build());
    }

    TraceAnalysis analysis = TraceAnalysis.of(spans);

    assertThat(analysis.criticalPathNanos()).isEqualTo(analysis.totalDurationNanos());
    assertThat(analysis.criticalPath().size()).isEqualTo(2 * depth - 1);
  }

  @Test
  void spanReturningNullsEverywhere_isAnalysedWithDefaults() {
    TraceAnalysis analysis = TraceAnalysis.of(List.of(new NullSpan()));

    assertThat(analysis.spanCount()).isEqualTo(1);
    assertThat(analysis.traceId()).isEqualTo("00000000000000000000000000000000");
    assertThat(analysis.selfTimeByService()).extracting(ServiceTime::service)
        .containsExactly("unknown_service:java");
    assertThat(analysis.errors()).isEmpty();
    assertThat(Waterfall.ascii(4).lines(analysis)).containsExactly("unknown_service:java   |#   |  0.0 ms");
  }

  /** A badly written SpanData: every object is null, every number 0. */
  private static final class NullSpan implements SpanData {
    @Override public SpanContext spanContext() { return null; }
    @Override public SpanContext parentSpanContext() { return null; }
    @Override public String name() { return null; }
    @Override public SpanKind kind() { return null; }
    @Override public long startEpochNanos() { return 0; }
    @Override public long endEpochNanos() { return 0; }
    @Override public boolean hasEnded() { return true; }
    @Override public Attributes attributes() { return null; }
    @Override public int droppedAttributesCount() { return 0; }
    @Override public int truncatedAttributeValuesCount() { return 0; }
    @Override public List<EventData> events() { return Arrays.asList((EventData) null); }
    @Override public int droppedEventsCount() { return 0; }
    @Override public List<Link> links() { return null; }
    @Override public int droppedLinksCount() { return 0; }
    @Override public StatusCode status() { return null; }
    @Override public String statusDescription() { return null; }
    @Override public Resource resource() { return null; }
    @Override public InstrumentationScope instrumentationScope() { return null; }
  }
}
