package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.ReadWriteSpan;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The tail half of adaptive sampling: buffers the unsampled spans of each local trace and, when its
 * local root ends, hands the whole local trace to the downstream processor or releases it. Spans
 * of traces kept upstream (sampled) go straight through.
 *
 * <h2>Structure and cost</h2>
 * A trace's state ({@link TraceBuffer}) is created when its local root starts (a span with no
 * parent or a remote one, and no state for its trace yet), kept in a {@link ConcurrentHashMap} by
 * trace id, and queued in start order in a {@link ConcurrentLinkedQueue}. The queue is the
 * window of remembered traces: at most {@code maxTraces}; when a new trace would exceed it, the
 * oldest leaves the window, decided at once if it still was not ({@code forcedByOverflow}).
 * Decided traces stay in the window so that their late spans follow the decision. The same
 * eviction runs when the buffered spans exceed {@code maxBufferedSpans}. Spans of sampled traces
 * never touch any of this.
 *
 * <p>What an unsampled span pays: a lookup key and a map read when it ends, and a stack node when
 * it is buffered; a local root also a trace state, a map entry and a queue node when it starts.
 * The queue and the counters are shared, so many threads starting traces contend on them; the map
 * spreads its contention over bins. Kept spans cost a view each ({@link KeptSpan}); a kept local
 * root also a copy of its attributes with the sampling ones added.
 *
 * <p>Concurrent writers are fine throughout: the map and queue are concurrent, the per-trace
 * decision is made once by a CAS, and the counters are atomic. The span totals can be off by the
 * spans being pushed at the instant they are read; at rest, the stats add up exactly.
 */
final class TailProcessor implements SpanProcessor {
  private final SpanProcessor downstream;
  private final boolean downstreamStart;
  private final int maxTraces;
  private final int maxSpans;
  private final long slowNanos;
  private final long errorThreshold;
  private final long slowThreshold;
  private final double errorRate;
  private final double slowRate;
  private final Attributes errorAttributes;
  private final Attributes latencyAttributes;

  private final ConcurrentHashMap<TraceKey, TraceBuffer> traces = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<TraceBuffer> window = new ConcurrentLinkedQueue<>();
  private final AtomicInteger windowSize = new AtomicInteger();
  private final AtomicInteger bufferedSpans = new AtomicInteger();
  private final AtomicInteger pendingTraces = new AtomicInteger();
  private volatile boolean shutdown;

  final LongAdder tracesBuffered = new LongAdder();
  final LongAdder keptByError = new LongAdder();
  final LongAdder keptByLatency = new LongAdder();
  final LongAdder keptByBaseRate = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder forcedByOverflow = new LongAdder();
  final LongAdder spansKept = new LongAdder();
  final LongAdder spansReleased = new LongAdder();
  final LongAdder orphanSpans = new LongAdder();

  TailProcessor(SpanProcessor downstream, int maxTraces, int maxSpans, long slowNanos, double errorRate,
      double slowRate) {
    this.downstream = downstream;
    this.downstreamStart = downstream.isStartRequired();
    this.maxTraces = maxTraces;
    this.maxSpans = maxSpans;
    this.slowNanos = slowNanos;
    this.errorRate = errorRate;
    this.slowRate = slowRate;
    this.errorThreshold = ConsistentRatio.threshold(errorRate);
    this.slowThreshold = ConsistentRatio.threshold(slowRate);
    this.errorAttributes = reasonAttributes(errorRate, SamplingAttributes.REASON_ERROR);
    this.latencyAttributes = reasonAttributes(slowRate, SamplingAttributes.REASON_LATENCY);
  }

  private static Attributes reasonAttributes(double rate, String reason) {
    return Attributes.builder()
        .putAll(SamplingAttributes.probabilistic(rate))
        .put(SamplingAttributes.SAMPLING_REASON, reason)
        .build();
  }

  @Override
  public boolean isStartRequired() {
    return true;
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    SpanContext context = span.spanContext();
    if (!context.isSampled() && !shutdown && isLocalRoot(span)) {
      Object baseRate = span.attributes().get(SamplingAttributes.SAMPLING_RATE);
      register(context, baseRate instanceof Double ? (Double) baseRate : 0.0);
    }
    if (downstreamStart) {
      downstream.onStart(parentContext, span);
    }
  }

  private static boolean isLocalRoot(SpanData span) {
    SpanContext parent = span.parentSpanContext();
    return !parent.isValid() || parent.isRemote();
  }

  private void register(SpanContext context, double baseRate) {
    TraceKey key = new TraceKey(context.traceIdHigh(), context.traceIdLow());
    TraceBuffer trace = new TraceBuffer(key, context.spanId(), baseRate);
    if (traces.putIfAbsent(key, trace) != null) {
      return; // another entry into a trace already here: one of its members
    }
    tracesBuffered.increment();
    pendingTraces.incrementAndGet();
    window.offer(trace);
    if (windowSize.incrementAndGet() > maxTraces) {
      evict();
    }
  }

  @Override
  public void onEnd(SpanData span) {
    SpanContext context = span.spanContext();
    if (context.isSampled()) {
      downstream.onEnd(span);
      return;
    }
    TraceBuffer trace = traces.get(new TraceKey(context.traceIdHigh(), context.traceIdLow()));
    if (trace == null) {
      orphanSpans.increment();
      return;
    }
    if (context.spanId() == trace.rootSpanId) {
      rootEnded(trace, span, isError(span));
      return;
    }
    int decision = trace.decision();
    if (decision == TraceBuffer.UNDECIDED) {
      if (isError(span)) {
        trace.errorSeen = true;
      }
      bufferedSpans.incrementAndGet();
      if (trace.push(span)) {
        if (bufferedSpans.get() > maxSpans) {
          evict();
        }
        return;
      }
      bufferedSpans.decrementAndGet();
      decision = trace.decision();
    }
    follow(decision, span);
  }

  /**
   * Decides a local trace as its root ends. The trace's rate is the highest that applies to it:
   * its base rate, the error rate if a span failed, the slow rate if the root was slow; it is kept
   * when its trace id passes that rate's threshold. As the thresholds nest, this is the same as
   * "kept if any applicable rule keeps it", and the rate is the probability that a trace which
   * went this way is kept, which is what a backend must weigh it by.
   */
  private void rootEnded(TraceBuffer trace, SpanData root, boolean rootError) {
    double rate = trace.baseRate;
    long threshold = trace.baseThreshold;
    int reason = TraceBuffer.KEEP_BASE;
    if ((rootError || trace.errorSeen) && errorRate > rate) {
      rate = errorRate;
      threshold = errorThreshold;
      reason = TraceBuffer.KEEP_ERROR;
    }
    if (slowRate > rate && root.durationNanos() > slowNanos) {
      threshold = slowThreshold;
      reason = TraceBuffer.KEEP_LATENCY;
    }
    int outcome = ConsistentRatio.keeps(root.spanContext().traceIdLow(), threshold) ? reason : TraceBuffer.DROP;
    if (!trace.decide(outcome)) {
      follow(trace.decision(), root); // evicted first: the root follows that decision
      return;
    }
    pendingTraces.decrementAndGet();
    TraceBuffer.Node spans = trace.close();
    if (outcome == TraceBuffer.DROP) {
      dropped.increment();
      release(spans);
      spansReleased.increment();
      return;
    }
    Attributes rootAttributes;
    if (outcome == TraceBuffer.KEEP_ERROR) {
      keptByError.increment();
      rootAttributes = errorAttributes;
    } else if (outcome == TraceBuffer.KEEP_LATENCY) {
      keptByLatency.increment();
      rootAttributes = latencyAttributes;
    } else {
      keptByBaseRate.increment();
      rootAttributes = null; // the root carries its base rate already
    }
    int n = keep(spans);
    downstream.onEnd(KeptSpan.of(root, rootAttributes));
    spansKept.add(n + 1L);
  }

  /** Hands buffered spans downstream as kept, oldest first; returns how many. */
  private int keep(TraceBuffer.Node spans) {
    int n = 0;
    for (TraceBuffer.Node node = spans; node != null; node = node.next) {
      downstream.onEnd(KeptSpan.of(node.span, null));
      n++;
    }
    bufferedSpans.addAndGet(-n);
    return n;
  }

  private void follow(int decision, SpanData span) {
    if (TraceBuffer.isKeep(decision)) {
      spansKept.increment();
      downstream.onEnd(KeptSpan.of(span, null));
    } else {
      spansReleased.increment();
    }
  }

  private void release(TraceBuffer.Node spans) {
    int n = 0;
    for (TraceBuffer.Node node = spans; node != null; node = node.next) {
      n++;
    }
    bufferedSpans.addAndGet(-n);
    spansReleased.add(n);
  }

  /**
   * Moves the oldest traces out of the window until it and the span buffer are within bounds,
   * deciding any still undecided at once by its base rate (its outcome is not known yet): the
   * spans buffered so far are kept or released, and any ending later are orphans.
   */
  private void evict() {
    while (windowSize.get() > maxTraces || bufferedSpans.get() > maxSpans) {
      TraceBuffer oldest = window.poll();
      if (oldest == null) {
        return;
      }
      windowSize.decrementAndGet();
      traces.remove(oldest.key, oldest);
      boolean keep = ConsistentRatio.keeps(oldest.key.low, oldest.baseThreshold);
      if (oldest.decide(keep ? TraceBuffer.FORCED_KEEP : TraceBuffer.FORCED_DROP)) {
        pendingTraces.decrementAndGet();
        forcedByOverflow.increment();
        if (keep) {
          spansKept.add(keep(oldest.close()));
        } else {
          release(oldest.close());
        }
      }
    }
  }

  /** Whether the span failed: ERROR status, or an exception recorded as an event. */
  static boolean isError(SpanData span) {
    if (span.status() == StatusCode.ERROR) {
      return true;
    }
    List<EventData> events = span.events();
    for (int i = 0, n = events.size(); i < n; i++) {
      if ("exception".equals(events.get(i).name())) {
        return true;
      }
    }
    return false;
  }

  int pendingTraces() {
    return Math.max(0, pendingTraces.get());
  }

  int pendingSpans() {
    return Math.max(0, bufferedSpans.get());
  }

  /** Traces in the window, decided or not (for tests: the map's size is bounded by it). */
  int trackedTraces() {
    return traces.size();
  }

  @Override
  public ExportResult forceFlush() {
    return downstream.forceFlush();
  }

  /**
   * Drops the traces whose local root has not ended (counted as dropped: their outcome is not
   * known), then shuts the downstream processor down. Spans ending afterwards go downstream if
   * sampled (which drops them, shut down) and are otherwise counted as orphans.
   */
  @Override
  public ExportResult shutdown() {
    shutdown = true;
    for (TraceBuffer trace; (trace = window.poll()) != null; ) {
      windowSize.decrementAndGet();
      traces.remove(trace.key, trace);
      if (trace.decide(TraceBuffer.DROP)) {
        pendingTraces.decrementAndGet();
        dropped.increment();
        release(trace.close());
      }
    }
    return downstream.shutdown();
  }

  @Override
  public String toString() {
    return "AdaptiveSampling.processor{downstream=" + downstream + '}';
  }
}
