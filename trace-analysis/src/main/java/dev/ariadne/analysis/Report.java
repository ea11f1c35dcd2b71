package dev.ariadne.analysis;

/** Writes {@link TraceAnalysis#render()}. */
final class Report {
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
    TextTable path = new TextTable("critical path", "span", ">ms");
    for (CriticalPathSegment segment : analysis.criticalPath()) {
      path.row(segment.service(), segment.name(), Millis.format(segment.durationNanos()));
    }
    if (!path.isEmpty()) {
      out.append('\n').append(path.render());
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
