package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns an analysis into advice; the rules are listed on {@link TraceAnalysis#recommendations()}. */
final class Recommendations {
  private Recommendations() {}

  static List<String> of(TraceAnalysis analysis) {
    List<String> advice = new ArrayList<>();
    analysis.errorOrigin().ifPresent(origin -> advice.add(errorLocation(analysis, origin)));
    for (SpanNode node : analysis.nodes()) {
      if (!SpanRules.timedOut(node)) {
        continue;
      }
      if (SpanRules.isDatabase(node)) {
        advice.add(node + " timed out talking to the database after " + Millis.format(node.duration())
            + " ms: check the connection pool size (a call waiting for a free connection looks like"
            + " this) and the database's slow queries, and give the call a timeout budget and a"
            + " circuit breaker so its callers fail fast.");
      } else {
        advice.add(node + " timed out after " + Millis.format(node.duration())
            + " ms: give the call a timeout budget that fits its callers' and a circuit breaker.");
      }
    }
    analysis.bottleneck().ifPresent(bottleneck -> advice.add(bottleneck(analysis, bottleneck)));
    List<SpanNode> orphans = analysis.nodes().stream().filter(n -> n.orphan).collect(Collectors.toList());
    if (!orphans.isEmpty()) {
      advice.add(orphans.size() + " span(s) have a parent missing from the trace (" + describe(orphans)
          + "): a span was lost or not exported yet; check that every service propagates the trace"
          + " context and exports (and flushes) its spans.");
    }
    return List.copyOf(advice);
  }

  private static String errorLocation(TraceAnalysis analysis, TraceError origin) {
    String sentence = "The error starts in " + origin.service() + " '" + origin.spanName() + "': "
        + origin.description() + ".";
    Set<String> spreadTo = new LinkedHashSet<>();
    int others = 0;
    for (TraceError error : analysis.errors()) {
      if (error.span() != origin.span()) {
        others++;
        spreadTo.add(error.service());
      }
    }
    if (others > 0) {
      sentence += " It propagated to " + others + " more span(s) in " + String.join(", ", spreadTo) + ".";
    }
    return sentence;
  }

  private static String bottleneck(TraceAnalysis analysis, ServiceTime bottleneck) {
    String service = bottleneck.service();
    String share = Millis.format(bottleneck.nanos()) + " ms of the " + Millis.format(analysis.criticalPathNanos())
        + " ms critical path (" + Millis.percent(bottleneck.share()) + ")";
    String subject = analysis.rootNode().map(root -> root.service.equals(service)).orElse(false)
        ? service + " itself takes " + share
        : "The slow dependency is " + service + ": " + share;
    return subject + slowestSpan(analysis, service).map(s -> ", most of it in " + s).orElse("") + ".";
  }

  /** The service's span with the most critical-path time, as "'name' (12.0 ms)". */
  private static Optional<String> slowestSpan(TraceAnalysis analysis, String service) {
    Map<SpanData, Long> bySpan = new IdentityHashMap<>();
    List<CriticalPathSegment> firstOfEach = new ArrayList<>();
    for (CriticalPathSegment segment : analysis.criticalPath()) {
      if (segment.service().equals(service)
          && bySpan.merge(segment.span(), segment.durationNanos(), Long::sum) == segment.durationNanos()) {
        firstOfEach.add(segment);
      }
    }
    CriticalPathSegment slowest = null;
    for (CriticalPathSegment segment : firstOfEach) { // in path order, so ties go to the earliest
      if (slowest == null || bySpan.get(segment.span()) > bySpan.get(slowest.span())) {
        slowest = segment;
      }
    }
    return Optional.ofNullable(slowest)
        .map(s -> "'" + s.name() + "' (" + Millis.format(bySpan.get(s.span())) + " ms)");
  }

  private static String describe(List<SpanNode> nodes) {
    String listed = nodes.stream().limit(3).map(SpanNode::toString).collect(Collectors.joining(", "));
    return nodes.size() > 3 ? listed + ", ..." : listed;
  }
}
