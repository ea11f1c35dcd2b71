/**
 * Analyses finished spans: one trace's critical path, self time, errors, bottleneck and advice
 * ({@link dev.ariadne.analysis.TraceAnalysis}), a terminal waterfall
 * ({@link dev.ariadne.analysis.Waterfall}), and statistics and a service map over many traces
 * ({@link dev.ariadne.analysis.TraceSummary}).
 */
package dev.ariadne.analysis;
