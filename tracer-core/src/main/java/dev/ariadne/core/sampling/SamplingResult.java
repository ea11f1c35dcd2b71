package dev.ariadne.core.sampling;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.TraceState;

/**
 * A sampler's answer: the decision, attributes to add to the span, and optionally a new trace
 * state. The three plain results are shared constants, so a sampler need not allocate.
 */
public final class SamplingResult {
  private static final SamplingResult DROP = new SamplingResult(SamplingDecision.DROP, Attributes.empty(), null);
  private static final SamplingResult RECORD_ONLY =
      new SamplingResult(SamplingDecision.RECORD_ONLY, Attributes.empty(), null);
  private static final SamplingResult RECORD_AND_SAMPLE =
      new SamplingResult(SamplingDecision.RECORD_AND_SAMPLE, Attributes.empty(), null);

  private final SamplingDecision decision;
  private final Attributes attributes;
  private final TraceState traceState;

  private SamplingResult(SamplingDecision decision, Attributes attributes, TraceState traceState) {
    this.decision = decision;
    this.attributes = attributes;
    this.traceState = traceState;
  }

  /** Drop: record nothing. */
  public static SamplingResult drop() {
    return DROP;
  }

  /** Record but do not export. */
  public static SamplingResult recordOnly() {
    return RECORD_ONLY;
  }

  /** Record and export. */
  public static SamplingResult recordAndSample() {
    return RECORD_AND_SAMPLE;
  }

  /** The shared result for {@code decision}. */
  public static SamplingResult of(SamplingDecision decision) {
    switch (decision) {
      case RECORD_AND_SAMPLE:
        return RECORD_AND_SAMPLE;
      case RECORD_ONLY:
        return RECORD_ONLY;
      default:
        return DROP;
    }
  }

  /**
   * A result that also adds {@code attributes} to the span and, when {@code traceState} is not
   * null, replaces the parent's trace state.
   */
  public static SamplingResult of(SamplingDecision decision, Attributes attributes, TraceState traceState) {
    if (decision == null) {
      throw new IllegalArgumentException("decision must not be null");
    }
    return new SamplingResult(decision, attributes == null ? Attributes.empty() : attributes, traceState);
  }

  /** The decision. */
  public SamplingDecision decision() {
    return decision;
  }

  /** Attributes the span gets in addition to its own. */
  public Attributes attributes() {
    return attributes;
  }

  /** The trace state for the new span, given its parent's. */
  public TraceState traceState(TraceState parentTraceState) {
    return traceState != null ? traceState : parentTraceState;
  }

  @Override
  public String toString() {
    return "SamplingResult{" + decision + (attributes.isEmpty() ? "" : ", " + attributes) + '}';
  }
}
