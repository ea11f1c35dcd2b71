package dev.ariadne.core.export;

/**
 * A snapshot of what a {@link BatchSpanProcessor} did with the sampled spans it was given. The
 * numbers always add up: {@code ended = exported + droppedQueueFull + droppedExportFailed +
 * droppedByExporter + droppedShutdown + pending}, so any loss shows up here with its reason.
 */
public final class BatchStats {
  private final long ended;
  private final long exported;
  private final long droppedQueueFull;
  private final long droppedExportFailed;
  private final long droppedByExporter;
  private final long droppedShutdown;
  private final long pending;
  private final long failedBatches;
  private final long timedOutBatches;

  BatchStats(long exported, long droppedQueueFull, long droppedExportFailed, long droppedByExporter,
      long droppedShutdown, long pending, long failedBatches, long timedOutBatches) {
    this.ended = exported + droppedQueueFull + droppedExportFailed + droppedByExporter + droppedShutdown + pending;
    this.exported = exported;
    this.droppedQueueFull = droppedQueueFull;
    this.droppedExportFailed = droppedExportFailed;
    this.droppedByExporter = droppedByExporter;
    this.droppedShutdown = droppedShutdown;
    this.pending = pending;
    this.failedBatches = failedBatches;
    this.timedOutBatches = timedOutBatches;
  }

  /** Sampled spans handed to the processor. */
  public long ended() {
    return ended;
  }

  /** Spans the exporter accepted and sent (the spans it dropped itself are not among them). */
  public long exported() {
    return exported;
  }

  /** Spans dropped because the queue was full (the application produced faster than export). */
  public long droppedQueueFull() {
    return droppedQueueFull;
  }

  /**
   * Spans in batches the exporter failed, threw on, or did not finish within the export timeout
   * (only the failed part of a batch the exporter sent in parts and said how many of it failed).
   */
  public long droppedExportFailed() {
    return droppedExportFailed;
  }

  /**
   * Spans the exporter dropped itself within a successful export, e.g. a span too large to send
   * (the exporter's own statistics give the reason in detail).
   */
  public long droppedByExporter() {
    return droppedByExporter;
  }

  /** Spans that ended after shutdown began. */
  public long droppedShutdown() {
    return droppedShutdown;
  }

  /** Spans queued or being exported right now. */
  public long pending() {
    return pending;
  }

  /** All spans dropped, for whatever reason. */
  public long dropped() {
    return droppedQueueFull + droppedExportFailed + droppedByExporter + droppedShutdown;
  }

  /** Batches the exporter failed or threw on (timeouts included). */
  public long failedBatches() {
    return failedBatches;
  }

  /** Batches the exporter did not finish within the export timeout. */
  public long timedOutBatches() {
    return timedOutBatches;
  }

  @Override
  public String toString() {
    return "BatchStats{ended=" + ended + ", exported=" + exported + ", droppedQueueFull=" + droppedQueueFull
        + ", droppedExportFailed=" + droppedExportFailed + ", droppedByExporter=" + droppedByExporter
        + ", droppedShutdown=" + droppedShutdown + ", pending=" + pending + ", failedBatches=" + failedBatches
        + ", timedOutBatches=" + timedOutBatches + '}';
  }
}
