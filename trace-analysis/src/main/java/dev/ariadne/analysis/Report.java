package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@link TraceAnalysis#render()}. */
final class Report {
  private static final int CRITICAL_PATH_ROWS = 6;

  private Report() {}

  static String render(TraceAnalysis analysis) {
    StringBuilder out = new StringBuilder();
    out.append("Trace ").append(analysis.traceId().isEmpty() ? "(no spans)" : analysis.traceId())
        .append(": ").append(analysis.spanCount()).append(" spans, ")
        .append(Millis.format(analysis.totalDurationNanos())).append(" ms")
        .append(analysis.hasFailed() ? ", FAILED" : "").append('\n');
    TextTable services = new TextTable("service", ">self ms", ">self %", ">critical path ms", ">critical path %");
    for (ServiceTime self : analysis.selfTimeByService()) {
      ServiceTime onPath = analysis.criticalPathByService().stream()
          .filter(t -> t.service().equals(self.service())).findFirst()
          .orElse(new ServiceTime(self.service(), 0, 0));
      services.row(self.service(), Millis.format(self.nanos()), Millis.percent(self.share()),
          Millis.format(onPath.nanos()), Millis.percent(onPath.share()));
    }
    if (!services.isEmpty()) {
      out.append('\n').append(services.render());
    }
    // The walk alternates between a parent and its children, so one span appears in many short
    // segments; a reader wants the spans that hold the path, largest first.
    Map<SpanData, Long> perSpan = new LinkedHashMap<>();
    Map<SpanData, CriticalPathSegment> firstSegment = new LinkedHashMap<>();
    for (CriticalPathSegment segment : analysis.criticalPath()) {
      perSpan.merge(segment.span(), segment.durationNanos(), Long::sum);
      firstSegment.putIfAbsent(segment.span(), segment);
    }
    List<Map.Entry<SpanData, Long>> largest = new ArrayList<>(perSpan.entrySet());
    largest.sort(Map.Entry.<SpanData, Long>comparingByValue().reversed());
    TextTable path = new TextTable("critical path", "span", ">ms", ">%");
    long total = Math.max(1, analysis.criticalPathNanos());
    for (Map.Entry<SpanData, Long> e : largest.subList(0, Math.min(CRITICAL_PATH_ROWS, largest.size()))) {
      CriticalPathSegment first = firstSegment.get(e.getKey());
      path.row(first.service(), first.name(), Millis.format(e.getValue()),
          Millis.percent((double) e.getValue() / total));
    }
    if (!path.isEmpty()) {
      out.append('\n').append(path.render());
      if (largest.size() > CRITICAL_PATH_ROWS) {
        long rest = 0;
        for (Map.Entry<SpanData, Long> e : largest.subList(CRITICAL_PATH_ROWS, largest.size())) {
          rest += e.getValue();
        }
        out.append("(").append(largest.size() - CRITICAL_PATH_ROWS).append(" more spans on the path: ")
            .append(Millis.format(rest)).append(" ms; all segments in criticalPath())\n");
      }
    }
    TextTable errors = new TextTable("error in", "span", "what");
    for (TraceError error : analysis.errors()) {
      errors.row(error.service(), error.spanName(), error.description());
    }
    if (!errors.isEmpty()) {
      out.append('\n').append(errors.render());
    }
    analysis.bottleneck().ifPresent(b -> out.append("\nBottleneck: ").append(b.service()).append(" (")
        .append(Millis.percent(b.share())).append(" of the critical path)\n"));
    if (!analysis.recommendations().isEmpty()) {
      out.append("\nRecommendations:\n");
      analysis.recommendations().forEach(r -> out.append("- ").append(r).append('\n'));
    }
    if (!analysis.warnings().isEmpty()) {
      out.append("\nWarnings:\n");
      analysis.warnings().forEach(w -> out.append("- ").append(w).append('\n'));
    }
    return out.toString();
  }
}
