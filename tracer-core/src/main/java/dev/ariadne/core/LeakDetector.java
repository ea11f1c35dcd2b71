package dev.ariadne.core;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds spans that were garbage collected without being ended: each tracked span has a weak
 * reference that the span clears when it ends; a reference the collector enqueues instead is a
 * leak. No finalizer is involved, so collection is not delayed.
 *
 * <p>The queue is drained when spans start and when the stats are read or the tracer shuts down.
 */
final class LeakDetector {
  private static final Logger LOG = LoggerFactory.getLogger(LeakDetector.class);

  private final ReferenceQueue<RecordingSpan> queue = new ReferenceQueue<>();
  private final Set<Tracked> live = ConcurrentHashMap.newKeySet();
  private final LongAdder leaked = new LongAdder();
  private final boolean stackTraces;

  LeakDetector(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  Tracked track(RecordingSpan span) {
    drain();
    Tracked tracked = new Tracked(span, queue, stackTraces ? new Throwable("span started here") : null);
    live.add(tracked);
    return tracked;
  }

  void ended(Tracked tracked) {
    tracked.clear();
    live.remove(tracked);
  }

  long leakedCount() {
    drain();
    return leaked.sum();
  }

  void drain() {
    Tracked tracked;
    while ((tracked = (Tracked) queue.poll()) != null) {
      if (live.remove(tracked)) {
        leaked.increment();
        if (tracked.startedAt != null) {
          LOG.warn("span '{}' (trace_id={}) was never ended; started at:", tracked.name, tracked.traceId,
              tracked.startedAt);
        } else {
          LOG.warn("span '{}' (trace_id={}) was never ended; enable LeakDetection.ON_WITH_STACK_TRACES to see "
              + "where it was started", tracked.name, tracked.traceId);
        }
      }
    }
  }

  /** What is needed to report a span after it is gone; holds no strong reference to it. */
  static final class Tracked extends WeakReference<RecordingSpan> {
    final String name;
    final String traceId;
    final Throwable startedAt;

    Tracked(RecordingSpan span, ReferenceQueue<RecordingSpan> queue, Throwable startedAt) {
      super(span, queue);
      this.name = span.name();
      this.traceId = span.spanContext().traceIdHex();
      this.startedAt = startedAt;
    }
  }
}
