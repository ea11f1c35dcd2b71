package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What one trace's spans say about a request: where the time went, what failed, and what to do
 * about it. Immutable; build it with {@link #of(Collection)}.
 *
 * <pre>{@code
 * TraceAnalysis analysis = TraceAnalysis.of(exporter.finishedSpans());
 * System.out.println(Waterfall.ascii().render(analysis));
 * System.out.println(analysis.render());
 * assertThat(analysis.bottleneck()).map(ServiceTime::service).hasValue("order-service");
 * }</pre>
 *
 * <h2>The tree</h2>
 * Spans are linked by parent span id. A span without a parent is a root; a span whose parent is not
 * among the given spans (lost, or not exported yet) is an <em>orphan</em>: it is analysed as a root
 * and listed by {@link #orphans()}. Children are ordered by start time.
 *
 * <h2>Self time</h2>
 * A span's self (exclusive) time is its duration minus the union of its children's intervals, each
 * clipped to the span: overlapping children count once, and an asynchronous child that outlives
 * its parent counts only up to the parent's end. A service's self time is the sum over its spans;
 * its share is that divided by the trace's total duration (shares can add up to more than 1 when
 * work ran in parallel).
 *
 * <h2>The critical path</h2>
 * The chain of span segments that determined the end-to-end latency, computed as Jaeger's
 * critical-path view does. First every span's interval is clipped to its parent's (clipped)
 * interval, so work outside the parent, such as an async child finishing after it, is not on the
 * path. Then, starting at the root's end, the walk repeatedly asks: which child of the current span
 * finished last at or before the current point? If there is one, the stretch from that child's end
 * to the current point belongs to the current span, and the walk moves into the child with the
 * point at the child's end. If there is none, the stretch back to the current span's start belongs
 * to it, and the walk returns to its parent with the point at that start. Each child is entered at
 * most once. Several roots (orphans) are treated as children of a virtual root covering the whole
 * trace; time between them belongs to no span and is not on the path.
 *
 * <h2>Errors, bottleneck, recommendations</h2>
 * A span is an error when its status is ERROR or it recorded an {@code exception} event (the last
 * such event gives the exception type and message). The trace {@linkplain #hasFailed() failed} when
 * any span has status ERROR. The error <em>origin</em> is the earliest-starting error span none of
 * whose descendants is an error: where the failure began before it propagated to the callers. The
 * bottleneck is a service holding more than half of the critical path. Recommendations follow the
 * rules in {@link #recommendations()}; a span is <em>database-ish</em> when it has a
 * {@code db.system} attribute, or when its name has a word {@code db}, {@code database},
 * {@code sql} or {@code jdbc}, or a word ending in {@code sql} ({@code mysql}, {@code postgresql}),
 * words being split at non-letters and at lower-to-upper case changes ({@code saveOrderToDb}).
 *
 * <h2>Bad input</h2>
 * Null collections and null elements are ignored (no spans: an empty analysis). A span not ended, or
 * ending before it starts, is analysed as zero-length at its start. Of spans sharing a span id the
 * first is kept. A cycle of parent ids is cut at its earliest-starting span, which becomes a root.
 * Each of these is reported in {@link #warnings()}. Spans of more than one trace are rejected with an
 * {@link IllegalArgumentException}; group them with {@link TraceSummary#of(Collection)}.
 */
public final class TraceAnalysis {
  private static final Comparator<SpanNode> BY_START = Comparator.comparingLong(n -> n.start);

  private final String traceId;
  private final List<SpanNode> tree;
  private final List<SpanNode> roots;
  private final long start;
  private final long end;
  private final List<ServiceTime> selfTimes;
  private final List<CriticalPathSegment> criticalPath;
  private final long criticalPathNanos;
  private final List<ServiceTime> criticalPathByService;
  private final List<TraceError> errors;
  private final TraceError errorOrigin;
  private final List<String> warnings;

  private TraceAnalysis(String traceId, List<SpanNode> tree, List<SpanNode> roots, List<String> warnings) {
    this.traceId = traceId;
    this.tree = tree;
    this.roots = roots;
    this.warnings = List.copyOf(warnings);
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (SpanNode node : tree) {
      first = Math.min(first, node.start);
      last = Math.max(last, node.end);
    }
    this.start = tree.isEmpty() ? 0 : first;
    this.end = tree.isEmpty() ? 0 : last;
    this.selfTimes = shares(sumByService(tree, n -> n.selfNanos), end - start);
    this.criticalPath = List.copyOf(CriticalPath.compute(roots));
    long onPath = 0;
    Map<String, Long> pathByService = new LinkedHashMap<>();
    for (CriticalPathSegment segment : criticalPath) {
      onPath += segment.durationNanos();
      pathByService.merge(segment.service(), segment.durationNanos(), Long::sum);
    }
    this.criticalPathNanos = onPath;
    this.criticalPathByService = shares(pathByService, onPath);
    List<TraceError> found = new ArrayList<>();
    TraceError origin = null;
    SpanNode originNode = null;
    for (SpanNode node : tree) {
      if (node.isError()) {
        TraceError error = toError(node);
        found.add(error);
        if (!node.errorBelow && (originNode == null || node.start < originNode.start)) {
          origin = error;
          originNode = node;
        }
      }
    }
    this.errors = List.copyOf(found);
    this.errorOrigin = origin;
  }

  /**
   * Analyses the spans of one trace; null or empty input gives an empty analysis.
   *
   * @throws IllegalArgumentException when the spans belong to more than one trace
   */
  public static TraceAnalysis of(Collection<? extends SpanData> spansOfOneTrace) {
    List<SpanNode> nodes = new ArrayList<>();
    if (spansOfOneTrace != null) {
      for (SpanData span : spansOfOneTrace) {
        if (span != null) {
          nodes.add(new SpanNode(span));
        }
      }
    }
    Set<String> traceIds = nodes.stream().map(n -> n.traceId).collect(Collectors.toCollection(LinkedHashSet::new));
    if (traceIds.size() > 1) {
      throw new IllegalArgumentException("spans of " + traceIds.size() + " traces given " + traceIds
          + "; TraceAnalysis.of takes the spans of one trace: use TraceSummary.of(spans).traces() for many");
    }
    return build(traceIds.isEmpty() ? "" : traceIds.iterator().next(), nodes);
  }

  /** Builds the analysis of nodes already known to share one trace id. */
  static TraceAnalysis build(String traceId, List<SpanNode> input) {
    List<String> warnings = new ArrayList<>();
    List<SpanNode> nodes = dropDuplicates(input, warnings);
    Map<Long, SpanNode> byId = new HashMap<>();
    for (SpanNode node : nodes) {
      if (node.spanId != 0) {
        byId.put(node.spanId, node);
      }
    }
    for (SpanNode node : nodes) {
      if (node.parentId != 0) {
        node.parent = byId.get(node.parentId);
        node.orphan = node.parent == null;
      }
    }
    breakCycles(nodes, warnings);
    List<SpanNode> roots = new ArrayList<>();
    for (SpanNode node : nodes) {
      if (node.parent == null) {
        roots.add(node);
      } else {
        node.parent.children.add(node);
      }
    }
    // Stable sorts: equal start times keep the input order, so output is deterministic.
    roots.sort(BY_START);
    for (SpanNode node : nodes) {
      node.children.sort(BY_START);
    }
    List<SpanNode> tree = treeOrder(roots);
    for (SpanNode node : tree) {
      node.selfNanos = selfTime(node);
      long low = node.parent == null ? node.start : node.parent.clippedStart;
      long high = node.parent == null ? node.end : node.parent.clippedEnd;
      node.clippedStart = clamp(node.start, low, high);
      node.clippedEnd = clamp(node.end, low, high);
    }
    // Reverse pre-order visits every child before its parent.
    for (int i = tree.size() - 1; i >= 0; i--) {
      SpanNode node = tree.get(i);
      if (node.parent != null && (node.isError() || node.errorBelow)) {
        node.parent.errorBelow = true;
      }
    }
    describeBadTimes(nodes, warnings);
    return new TraceAnalysis(traceId, List.copyOf(tree), List.copyOf(roots), warnings);
  }

  /** The trace id as 32 lowercase hex digits; empty when there are no spans. */
  public String traceId() {
    return traceId;
  }

  /** How many spans were analysed (after dropping duplicate span ids). */
  public int spanCount() {
    return tree.size();
  }

  /** The analysed spans in tree order: each span followed by its children, by start time. */
  public List<SpanData> spans() {
    return tree.stream().map(n -> n.span).collect(Collectors.toUnmodifiableList());
  }

  /** The earliest start of any span, in nanoseconds since the epoch; 0 when empty. */
  public long startEpochNanos() {
    return start;
  }

  /** The latest end of any span, in nanoseconds since the epoch; 0 when empty. */
  public long endEpochNanos() {
    return end;
  }

  /** The trace's total duration, from the earliest start to the latest end, in nanoseconds. */
  public long totalDurationNanos() {
    return end - start;
  }

  /**
   * The root: the earliest-starting span without a parent, or when every parentless span is
   * missing, the earliest-starting orphan; empty when there are no spans.
   */
  public Optional<SpanData> root() {
    return rootNode().map(n -> n.span);
  }

  /** Every span analysed as a root, by start time: the true roots and the orphans. */
  public List<SpanData> roots() {
    return roots.stream().map(n -> n.span).collect(Collectors.toUnmodifiableList());
  }

  /** The spans whose parent is not among the analysed spans (lost or not yet exported). */
  public List<SpanData> orphans() {
    return tree.stream().filter(n -> n.orphan).map(n -> n.span).collect(Collectors.toUnmodifiableList());
  }

  /** Self time per service with its share of the total duration, largest first. */
  public List<ServiceTime> selfTimeByService() {
    return selfTimes;
  }

  /** The self time of {@code service}'s spans in nanoseconds; 0 for a service not in the trace. */
  public long selfTimeNanos(String service) {
    return find(selfTimes, service).map(ServiceTime::nanos).orElse(0L);
  }

  /** The critical path's segments in time order. */
  public List<CriticalPathSegment> criticalPath() {
    return criticalPath;
  }

  /** The length of the critical path in nanoseconds (the sum of its segments). */
  public long criticalPathNanos() {
    return criticalPathNanos;
  }

  /** Critical-path time per service with its share of the critical path, largest first. */
  public List<ServiceTime> criticalPathByService() {
    return criticalPathByService;
  }

  /** The spans that failed (ERROR status or an exception event), in tree order. */
  public List<TraceError> errors() {
    return errors;
  }

  /** Where the failure began: the earliest error span with no error below it; empty when none. */
  public Optional<TraceError> errorOrigin() {
    return Optional.ofNullable(errorOrigin);
  }

  /** Whether any span has status ERROR. */
  public boolean hasFailed() {
    return tree.stream().anyMatch(n -> n.statusError);
  }

  /** The service holding more than half of the critical path, if one does. */
  public Optional<ServiceTime> bottleneck() {
    return criticalPathByService.stream().filter(t -> t.share() > 0.5).findFirst();
  }

  /**
   * Advice as plain sentences, from these rules in this order: where the error began (and how far it
   * spread); for each database-ish span that timed out, check the connection pool and add a timeout
   * budget and a circuit breaker; for any other span that timed out, a timeout budget and circuit
   * breaker; the bottleneck service, named as the slow dependency when it is not the root's
   * service, with its time and its slowest span on the path; orphans, as lost spans.
   */
  public List<String> recommendations() {
    return Recommendations.of(this);
  }

  /** Problems with the input that the analysis worked around (see "Bad input" above). */
  public List<String> warnings() {
    return warnings;
  }

  /** A plain-text report: totals, time per service, the critical path, errors and advice. */
  public String render() {
    return Report.render(this);
  }

  @Override
  public String toString() {
    return "TraceAnalysis{" + traceId + ", " + tree.size() + " spans, " + Millis.format(totalDurationNanos())
        + " ms" + (hasFailed() ? ", failed" : "") + '}';
  }

  List<SpanNode> nodes() {
    return tree;
  }

  Optional<SpanNode> rootNode() {
    return roots.stream().filter(n -> !n.orphan).findFirst().or(() -> roots.stream().findFirst());
  }

  private static Optional<ServiceTime> find(List<ServiceTime> times, String service) {
    return times.stream().filter(t -> t.service().equals(service)).findFirst();
  }

  private static List<SpanNode> dropDuplicates(List<SpanNode> input, List<String> warnings) {
    Set<Long> seen = new HashSet<>();
    Map<String, Integer> dropped = new LinkedHashMap<>();
    List<SpanNode> kept = new ArrayList<>(input.size());
    for (SpanNode node : input) {
      if (node.spanId == 0 || seen.add(node.spanId)) {
        kept.add(node);
      } else {
        dropped.merge(String.format("%016x", node.spanId), 1, Integer::sum);
      }
    }
    dropped.forEach((id, count) ->
        warnings.add("span id " + id + " appears " + (count + 1) + " times; only the first is analysed"));
    return kept;
  }

  /** Cuts every cycle of parent links at its earliest-starting span, which becomes a root. */
  private static void breakCycles(List<SpanNode> nodes, List<String> warnings) {
    Map<SpanNode, Integer> state = new IdentityHashMap<>(); // absent: unseen, 1: on this walk, 2: done
    for (SpanNode node : nodes) {
      List<SpanNode> walk = new ArrayList<>();
      SpanNode current = node;
      while (current != null && !state.containsKey(current)) {
        state.put(current, 1);
        walk.add(current);
        current = current.parent;
      }
      if (current != null && state.get(current) == 1) {
        List<SpanNode> cycle = walk.subList(walk.indexOf(current), walk.size());
        SpanNode cut = Collections.min(cycle, BY_START);
        cut.parent = null;
        warnings.add("parent ids form a cycle of " + cycle.size() + " spans; " + cut
            + " is analysed as a root");
      }
      for (SpanNode seen : walk) {
        state.put(seen, 2);
      }
    }
  }

  private static List<SpanNode> treeOrder(List<SpanNode> roots) {
    List<SpanNode> order = new ArrayList<>();
    Deque<SpanNode> stack = new ArrayDeque<>();
    for (int i = roots.size() - 1; i >= 0; i--) {
      roots.get(i).depth = 0;
      stack.push(roots.get(i));
    }
    while (!stack.isEmpty()) {
      SpanNode node = stack.pop();
      order.add(node);
      for (int i = node.children.size() - 1; i >= 0; i--) {
        SpanNode child = node.children.get(i);
        child.depth = node.depth + 1;
        stack.push(child);
      }
    }
    return order;
  }

  /** Duration minus the union of the children's intervals clipped to the span. */
  private static long selfTime(SpanNode node) {
    long covered = 0;
    long runStart = 0;
    long runEnd = Long.MIN_VALUE;
    for (SpanNode child : node.children) { // sorted by start, so the runs merge in one pass
      long from = clamp(child.start, node.start, node.end);
      long to = clamp(child.end, node.start, node.end);
      if (to <= from) {
        continue;
      }
      if (from > runEnd) {
        covered += Math.max(0, runEnd - runStart);
        runStart = from;
        runEnd = to;
      } else {
        runEnd = Math.max(runEnd, to);
      }
    }
    covered += Math.max(0, runEnd - runStart);
    return node.duration() - covered;
  }

  private static void describeBadTimes(List<SpanNode> nodes, List<String> warnings) {
    List<SpanNode> unended = nodes.stream().filter(n -> !n.ended).collect(Collectors.toList());
    if (!unended.isEmpty()) {
      warnings.add(unended.size() + " span(s) had not ended and are analysed as zero-length: " + unended);
    }
    List<SpanNode> negative = nodes.stream().filter(n -> n.negative).collect(Collectors.toList());
    if (!negative.isEmpty()) {
      warnings.add(negative.size() + " span(s) end before they start and are analysed as zero-length: "
          + negative);
    }
  }

  private static long clamp(long value, long low, long high) {
    return Math.max(low, Math.min(high, value));
  }

  private static TraceError toError(SpanNode node) {
    return new TraceError(node.span, node.service, node.name, node.exceptionAttribute("exception.type"),
        node.exceptionAttribute("exception.message"), node.statusDescription);
  }

  private static Map<String, Long> sumByService(List<SpanNode> nodes, ToLongFunction<SpanNode> value) {
    Map<String, Long> sums = new LinkedHashMap<>();
    for (SpanNode node : nodes) {
      sums.merge(node.service, value.applyAsLong(node), Long::sum);
    }
    return sums;
  }

  private static List<ServiceTime> shares(Map<String, Long> byService, long whole) {
    List<ServiceTime> times = new ArrayList<>();
    byService.forEach((service, nanos) ->
        times.add(new ServiceTime(service, nanos, whole <= 0 ? 0 : (double) nanos / whole)));
    // Stable: equal times keep first-seen (tree) order.
    times.sort(Comparator.comparingLong(ServiceTime::nanos).reversed());
    return List.copyOf(times);
  }
}
