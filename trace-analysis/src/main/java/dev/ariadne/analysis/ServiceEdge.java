package dev.ariadne.analysis;

/**
 * One edge of the service map: {@code caller} calling {@code callee}, seen as a span in the callee
 * whose parent span is in the caller.
 *
 * @param caller the parent span's service
 * @param callee the child span's service
 * @param errorCount how many of the callee spans have status ERROR
 * @param latency the callee spans' durations; {@code latency.count()} is the number of calls
 */
public record ServiceEdge(String caller, String callee, int errorCount, Percentiles latency) {

  /** How many calls were seen on this edge. */
  public int calls() {
    return latency.count();
  }
}
