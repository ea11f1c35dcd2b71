package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;

/**
 * One stretch of the critical path: an interval during which {@code span} itself, and none of its
 * children, was what the end-to-end latency waited on.
 *
 * @param span the span doing the work in this stretch
 * @param service the span's service
 * @param name the span's name
 * @param startEpochNanos where the stretch begins, in nanoseconds since the epoch
 * @param endEpochNanos where the stretch ends, in nanoseconds since the epoch
 */
public record CriticalPathSegment(
    SpanData span, String service, String name, long startEpochNanos, long endEpochNanos) {

  /** The stretch's length in nanoseconds. */
  public long durationNanos() {
    return endEpochNanos - startEpochNanos;
  }
}
