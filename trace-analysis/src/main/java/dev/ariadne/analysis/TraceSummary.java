package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Statistics over many traces: success and failure counts, latency percentiles per service and per
 * operation, errors per operation, and the service map. Immutable; build it with
 * {@link #of(Collection)} and print it with {@link #render()}.
 *
 * <pre>{@code
 * TraceSummary summary = TraceSummary.of(exporter.finishedSpans());
 * System.out.print(summary.render());
 * }</pre>
 *
 * <p>A trace fails when any of its spans has status ERROR. Service latency is measured on each
 * service's entry spans (local roots: a parent in another service, missing, or none), which works
 * whether or not spans carry a SERVER kind. Percentiles are nearest-rank ({@link Percentiles}).
 * Every list is sorted by name, so output is stable.
 */
public final class TraceSummary {
  private final List<TraceAnalysis> traces;
  private final List<ServiceStats> services;
  private final List<OperationStats> operations;
  private final List<ServiceEdge> serviceMap;

  private TraceSummary(List<TraceAnalysis> traces) {
    this.traces = List.copyOf(traces);
    Map<String, Samples> byService = new LinkedHashMap<>();
    Map<List<String>, Samples> byOperation = new LinkedHashMap<>();
    Map<List<String>, Samples> byEdge = new LinkedHashMap<>();
    for (TraceAnalysis trace : traces) {
      for (SpanNode node : trace.nodes()) {
        byOperation.computeIfAbsent(List.of(node.service, node.name), k -> new Samples()).add(node);
        if (node.parent == null || !node.parent.service.equals(node.service)) {
          byService.computeIfAbsent(node.service, k -> new Samples()).add(node);
        }
        if (node.parent != null && !node.parent.service.equals(node.service)) {
          byEdge.computeIfAbsent(List.of(node.parent.service, node.service), k -> new Samples()).add(node);
        }
      }
    }
    this.services = sorted(byService, (service, s) -> new ServiceStats(service, s.errors, s.percentiles()),
        Comparator.comparing(ServiceStats::service));
    this.operations = sorted(byOperation, (key, s) -> new OperationStats(key.get(0), key.get(1), s.errors,
        s.percentiles()), Comparator.comparing(OperationStats::service).thenComparing(OperationStats::operation));
    this.serviceMap = sorted(byEdge, (key, s) -> new ServiceEdge(key.get(0), key.get(1), s.errors,
        s.percentiles()), Comparator.comparing(ServiceEdge::caller).thenComparing(ServiceEdge::callee));
  }

  /**
   * Groups spans by trace id and analyses each trace; null input or null elements count as no spans.
   */
  public static TraceSummary of(Collection<? extends SpanData> spansOfManyTraces) {
    Map<String, List<SpanNode>> byTrace = new LinkedHashMap<>();
    if (spansOfManyTraces != null) {
      for (SpanData span : spansOfManyTraces) {
        if (span != null) {
          SpanNode node = new SpanNode(span);
          byTrace.computeIfAbsent(node.traceId, k -> new ArrayList<>()).add(node);
        }
      }
    }
    List<TraceAnalysis> traces = new ArrayList<>();
    byTrace.forEach((traceId, nodes) -> traces.add(TraceAnalysis.build(traceId, nodes)));
    traces.sort(Comparator.comparingLong(TraceAnalysis::startEpochNanos));
    return new TraceSummary(traces);
  }

  /** Each trace's analysis, by start time. */
  public List<TraceAnalysis> traces() {
    return traces;
  }

  /** How many traces there are. */
  public int traceCount() {
    return traces.size();
  }

  /** How many traces have no span with status ERROR. */
  public int successCount() {
    return traceCount() - failureCount();
  }

  /** How many traces have a span with status ERROR. */
  public int failureCount() {
    return (int) traces.stream().filter(TraceAnalysis::hasFailed).count();
  }

  /** Latency of each service's entry spans, by service name. */
  public List<ServiceStats> services() {
    return services;
  }

  /** Latency and errors per operation (service and span name), by service then span name. */
  public List<OperationStats> operations() {
    return operations;
  }

  /** The operations with at least one ERROR span, most errors first. */
  public List<OperationStats> errorsByOperation() {
    return operations.stream().filter(o -> o.errorCount() > 0)
        .sorted(Comparator.comparingInt(OperationStats::errorCount).reversed())
        .toList();
  }

  /** The service map: every caller-to-callee edge with its calls, errors and latency. */
  public List<ServiceEdge> serviceMap() {
    return serviceMap;
  }

  /** The summary as aligned text tables (milliseconds), each line ending in a newline. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Traces: ").append(traceCount()).append(" (").append(successCount()).append(" ok, ")
        .append(failureCount()).append(" failed)\n");
    TextTable serviceTable = latencyTable("service");
    services.forEach(s -> latencyRow(serviceTable, s.latency(), s.errorCount(), s.service()));
    section(out, "Latency per service (entry spans)", serviceTable);
    TextTable operationTable = latencyTable("service", "operation");
    operations.forEach(o -> latencyRow(operationTable, o.latency(), o.errorCount(), o.service(), o.operation()));
    section(out, "Latency per operation", operationTable);
    TextTable errorTable = new TextTable("service", "operation", ">errors", ">of");
    errorsByOperation().forEach(o ->
        errorTable.row(o.service(), o.operation(), o.errorCount(), o.latency().count()));
    section(out, "Errors per operation", errorTable);
    TextTable mapTable = new TextTable("caller", "", "callee", ">calls", ">errors", ">p50 ms", ">p99 ms");
    serviceMap.forEach(e -> mapTable.row(e.caller(), "->", e.callee(), e.calls(), e.errorCount(),
        Millis.format(e.latency().p50Nanos()), Millis.format(e.latency().p99Nanos())));
    section(out, "Service map", mapTable);
    return out.toString();
  }

  @Override
  public String toString() {
    return "TraceSummary{" + traceCount() + " traces, " + failureCount() + " failed}";
  }

  private static TextTable latencyTable(String... names) {
    List<String> header = new ArrayList<>(List.of(names));
    header.addAll(List.of(">count", ">errors", ">p50 ms", ">p90 ms", ">p99 ms", ">max ms"));
    return new TextTable(header.toArray(new String[0]));
  }

  private static void latencyRow(TextTable table, Percentiles p, int errors, String... names) {
    List<Object> cells = new ArrayList<>(List.of(names));
    cells.addAll(List.of(p.count(), errors, Millis.format(p.p50Nanos()), Millis.format(p.p90Nanos()),
        Millis.format(p.p99Nanos()), Millis.format(p.maxNanos())));
    table.row(cells.toArray());
  }

  private static void section(StringBuilder out, String title, TextTable table) {
    if (!table.isEmpty()) {
      out.append('\n').append(title).append('\n').append(table.render());
    }
  }

  private static <K, T> List<T> sorted(Map<K, Samples> groups, BiFunction<K, Samples, T> toStats,
      Comparator<T> order) {
    List<T> stats = new ArrayList<>(groups.size());
    groups.forEach((key, samples) -> stats.add(toStats.apply(key, samples)));
    stats.sort(order);
    return List.copyOf(stats);
  }

  /** Durations and an error count collected for one group. */
  private static final class Samples {
    private long[] durations = new long[8];
    private int size;
    int errors;

    void add(SpanNode node) {
      if (size == durations.length) {
        durations = Arrays.copyOf(durations, size * 2);
      }
      durations[size++] = node.duration();
      if (node.statusError) {
        errors++;
      }
    }

    Percentiles percentiles() {
      return Percentiles.of(Arrays.copyOf(durations, size));
    }
  }
}
