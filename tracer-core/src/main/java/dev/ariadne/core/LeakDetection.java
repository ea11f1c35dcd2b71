package dev.ariadne.core;

/** Whether the tracer looks for spans that were started but never ended, and how much it records. */
public enum LeakDetection {
  /** No tracking (the default): costs nothing. */
  OFF,
  /** Tracks each recording span with a weak reference; a span collected unended is counted and logged by name. */
  ON,
  /** As {@link #ON}, and also records where each span was started, at the cost of a stack trace per span. */
  ON_WITH_STACK_TRACES
}
