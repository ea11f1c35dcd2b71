package dev.ariadne.exporter.http;

/**
 * A snapshot of what an {@link HttpExporter} did with the spans it was given. Every span handed to
 * {@link HttpExporter#export} ends up in exactly one of {@link #exportedSpans()},
 * {@link #failedSpans()}, {@link #droppedTooLargeSpans()} or {@link #droppedInvalidSpans()}, or is
 * still {@link #pendingSpans() pending}. The two kinds of drop do not fail an export: they reach
 * the batch processor as {@link dev.ariadne.core.export.ExportResult#droppedSpans()}.
 */
public final class HttpExporterStats {
  private final long exportedSpans;
  private final long failedSpans;
  private final long droppedTooLargeSpans;
  private final long droppedInvalidSpans;
  private final long pendingSpans;
  private final long requests;
  private final long retries;
  private final long failedRequests;
  private final long bytesSent;

  HttpExporterStats(long exportedSpans, long failedSpans, long droppedTooLargeSpans, long droppedInvalidSpans,
      long pendingSpans, long requests, long retries, long failedRequests, long bytesSent) {
    this.exportedSpans = exportedSpans;
    this.failedSpans = failedSpans;
    this.droppedTooLargeSpans = droppedTooLargeSpans;
    this.droppedInvalidSpans = droppedInvalidSpans;
    this.pendingSpans = pendingSpans;
    this.requests = requests;
    this.retries = retries;
    this.failedRequests = failedRequests;
    this.bytesSent = bytesSent;
  }

  /** Spans the receiver accepted (answered 2xx). */
  public long exportedSpans() {
    return exportedSpans;
  }

  /**
   * Spans given up on: the receiver refused them, retries ran out, the encoder failed, or the
   * exporter was shut down.
   */
  public long failedSpans() {
    return failedSpans;
  }

  /** Spans dropped because one span alone encoded larger than the payload limit. */
  public long droppedTooLargeSpans() {
    return droppedTooLargeSpans;
  }

  /**
   * Spans left out because the encoder cannot write them (null spans, and for Zipkin a span whose
   * trace or span id is zero); see {@link SpanEncoder#canEncode}.
   */
  public long droppedInvalidSpans() {
    return droppedInvalidSpans;
  }

  /** Spans encoded and waiting for an answer or a retry. */
  public long pendingSpans() {
    return pendingSpans;
  }

  /** HTTP requests made, retries included. */
  public long requests() {
    return requests;
  }

  /** Requests that were retries of an earlier attempt. */
  public long retries() {
    return retries;
  }

  /** Requests that got no 2xx answer (an error status, a timeout or a connection error). */
  public long failedRequests() {
    return failedRequests;
  }

  /** Request body bytes sent, after compression, retries included. */
  public long bytesSent() {
    return bytesSent;
  }

  @Override
  public String toString() {
    return "HttpExporterStats{exportedSpans=" + exportedSpans + ", failedSpans=" + failedSpans
        + ", droppedTooLargeSpans=" + droppedTooLargeSpans + ", droppedInvalidSpans=" + droppedInvalidSpans
        + ", pendingSpans=" + pendingSpans
        + ", requests=" + requests + ", retries=" + retries + ", failedRequests=" + failedRequests
        + ", bytesSent=" + bytesSent + '}';
  }
}
