package dev.ariadne.core;

/**
 * Counters of what the tracer ignored or could not do, so misuse and failures are visible rather
 * than silent. A snapshot: read {@link Tracing#stats()} again for newer numbers.
 */
public final class TracingStats {
  private final long invalidInputs;
  private final long callsAfterEnd;
  private final long processorFailures;
  private final long samplerFailures;
  private final long leakedSpans;

  TracingStats(long invalidInputs, long callsAfterEnd, long processorFailures, long samplerFailures,
      long leakedSpans) {
    this.invalidInputs = invalidInputs;
    this.callsAfterEnd = callsAfterEnd;
    this.processorFailures = processorFailures;
    this.samplerFailures = samplerFailures;
    this.leakedSpans = leakedSpans;
  }

  /** Calls ignored or repaired for bad arguments: a null or blank span or event name, a null exception or status. */
  public long invalidInputs() {
    return invalidInputs;
  }

  /** Calls on a span after it had ended (ending twice included); all ignored. */
  public long callsAfterEnd() {
    return callsAfterEnd;
  }

  /** Exceptions thrown by span processors, caught so the application never saw them. */
  public long processorFailures() {
    return processorFailures;
  }

  /** Exceptions thrown by the sampler; each such span was dropped. */
  public long samplerFailures() {
    return samplerFailures;
  }

  /** Spans garbage collected without being ended; counted only with leak detection on. */
  public long leakedSpans() {
    return leakedSpans;
  }

  @Override
  public String toString() {
    return "TracingStats{invalidInputs=" + invalidInputs + ", callsAfterEnd=" + callsAfterEnd
        + ", processorFailures=" + processorFailures + ", samplerFailures=" + samplerFailures
        + ", leakedSpans=" + leakedSpans + '}';
  }
}
