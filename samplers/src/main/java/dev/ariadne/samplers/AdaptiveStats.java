package dev.ariadne.samplers;

/**
 * A snapshot of what {@link AdaptiveSampling} kept, dropped and holds. Trace counts: a local trace
 * is kept at its start because its remote parent was sampled ({@link #keptByParent()}) or is
 * buffered ({@link #tracesBuffered()}), and at rest {@code tracesBuffered = keptByError +
 * keptByLatency + keptByBaseRate + dropped + forcedByOverflow + pendingTraces}. Span counts cover
 * unsampled spans only (sampled ones go straight through): every one that ended is in {@code
 * spansKept}, {@code spansReleased}, {@code orphanSpans} or {@code pendingSpans}.
 */
public final class AdaptiveStats {
  private final long keptByError;
  private final long keptByLatency;
  private final long keptByBaseRate;
  private final long keptByParent;
  private final long dropped;
  private final long forcedByOverflow;
  private final long tracesBuffered;
  private final int pendingTraces;
  private final int pendingSpans;
  private final long spansKept;
  private final long spansReleased;
  private final long orphanSpans;

  AdaptiveStats(long keptByError, long keptByLatency, long keptByBaseRate, long keptByParent, long dropped,
      long forcedByOverflow, long tracesBuffered, int pendingTraces, int pendingSpans, long spansKept,
      long spansReleased, long orphanSpans) {
    this.keptByError = keptByError;
    this.keptByLatency = keptByLatency;
    this.keptByBaseRate = keptByBaseRate;
    this.keptByParent = keptByParent;
    this.dropped = dropped;
    this.forcedByOverflow = forcedByOverflow;
    this.tracesBuffered = tracesBuffered;
    this.pendingTraces = pendingTraces;
    this.pendingSpans = pendingSpans;
    this.spansKept = spansKept;
    this.spansReleased = spansReleased;
    this.orphanSpans = orphanSpans;
  }

  /** Traces kept at the error rate because a span failed (the error rate being above their base rate). */
  public long keptByError() {
    return keptByError;
  }

  /** Traces kept at the slow rate because the local root was slow (and no higher rate applied). */
  public long keptByLatency() {
    return keptByLatency;
  }

  /** Traces kept at their base rate, their outcome raising no rate. */
  public long keptByBaseRate() {
    return keptByBaseRate;
  }

  /** Local roots kept at their start because their remote parent was sampled (never buffered). */
  public long keptByParent() {
    return keptByParent;
  }

  /** Traces dropped when their local root ended (or at shutdown, root still running). */
  public long dropped() {
    return dropped;
  }

  /** Traces decided early by their base rate, before their root ended, because the buffer was full. */
  public long forcedByOverflow() {
    return forcedByOverflow;
  }

  /** Traces that went through the buffer so far. */
  public long tracesBuffered() {
    return tracesBuffered;
  }

  /** Traces buffered now, waiting for their local root to end. */
  public int pendingTraces() {
    return pendingTraces;
  }

  /** Spans buffered now. */
  public int pendingSpans() {
    return pendingSpans;
  }

  /** Buffered or late spans handed downstream because their trace was kept. */
  public long spansKept() {
    return spansKept;
  }

  /** Buffered or late spans released because their trace was dropped. */
  public long spansReleased() {
    return spansReleased;
  }

  /** Unsampled spans that ended after their trace left the window (or after shutdown), released. */
  public long orphanSpans() {
    return orphanSpans;
  }

  @Override
  public String toString() {
    return "AdaptiveStats{keptByError=" + keptByError + ", keptByLatency=" + keptByLatency
        + ", keptByBaseRate=" + keptByBaseRate + ", keptByParent=" + keptByParent + ", dropped=" + dropped
        + ", forcedByOverflow=" + forcedByOverflow + ", tracesBuffered=" + tracesBuffered
        + ", pendingTraces=" + pendingTraces + ", pendingSpans=" + pendingSpans + ", spansKept=" + spansKept
        + ", spansReleased=" + spansReleased + ", orphanSpans=" + orphanSpans + '}';
  }
}
