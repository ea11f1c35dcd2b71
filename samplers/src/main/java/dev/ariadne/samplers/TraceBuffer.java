package dev.ariadne.samplers;

import dev.ariadne.core.export.SpanData;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The buffered spans of one local trace and its decision, made exactly once.
 *
 * <h2>Algorithm</h2>
 * Ended spans are pushed on a Treiber stack ({@code head}, one CAS per push). Deciding is two
 * steps: a CAS of {@code decision} from {@link #UNDECIDED} (so the root's end and an eviction
 * cannot both decide), then an exchange of {@code head} with the {@link #CLOSED} marker, which
 * hands the decider every span pushed so far, exactly once. A push that finds the marker fails,
 * and its span follows the decision instead.
 *
 * <h2>Memory ordering</h2>
 * A pusher's CAS is a volatile write that the decider's exchange reads, so the span's fields
 * (written before its {@code end()}) are visible to the decider, which hands it to the exporter.
 * The decision is a volatile write made before the exchange, and a pusher that fails reads the
 * marker written by the exchange, so it then sees the decision. {@code errorSeen} is written before
 * the push that follows it, so a decider that drains the span has seen the flag; a span whose
 * error is raised while the root is being decided may or may not count, which is the same as
 * having ended just after the decision.
 */
final class TraceBuffer {
  static final int UNDECIDED = 0;
  static final int KEEP_ERROR = 1;
  static final int KEEP_LATENCY = 2;
  static final int KEEP_BASE = 3;
  static final int DROP = 4;
  static final int FORCED_KEEP = 5;
  static final int FORCED_DROP = 6;

  private static final Node CLOSED = new Node(null);
  private static final VarHandle HEAD;
  private static final VarHandle DECISION;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      HEAD = lookup.findVarHandle(TraceBuffer.class, "head", Node.class);
      DECISION = lookup.findVarHandle(TraceBuffer.class, "decision", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final TraceKey key;
  /** The span id of the local root: the first span of the trace this process saw start. */
  final long rootSpanId;
  /** The rate the base sampler gave the local root when it started, and its threshold. */
  final double baseRate;
  final long baseThreshold;
  private volatile Node head;
  private volatile int decision;
  volatile boolean errorSeen;

  TraceBuffer(TraceKey key, long rootSpanId, double baseRate) {
    this.key = key;
    this.rootSpanId = rootSpanId;
    this.baseRate = baseRate;
    this.baseThreshold = ConsistentRatio.threshold(baseRate);
  }

  static boolean isKeep(int decision) {
    return decision == KEEP_ERROR || decision == KEEP_LATENCY || decision == KEEP_BASE || decision == FORCED_KEEP;
  }

  /** The decision, or {@link #UNDECIDED}. */
  int decision() {
    return decision;
  }

  /** Adds an ended span; false if the trace was decided first (the span then follows the decision). */
  boolean push(SpanData span) {
    Node node = new Node(span);
    Node h = head;
    for (;;) {
      if (h == CLOSED) {
        return false;
      }
      node.next = h;
      Node witness = (Node) HEAD.compareAndExchange(this, h, node);
      if (witness == h) {
        return true;
      }
      h = witness;
    }
  }

  /** Records {@code outcome} if nothing was decided yet; only the caller that gets true may {@link #close}. */
  boolean decide(int outcome) {
    return DECISION.compareAndSet(this, UNDECIDED, outcome);
  }

  /** Closes the buffer and returns the spans pushed so far, oldest first; call once, after winning {@link #decide}. */
  Node close() {
    Node newestFirst = (Node) HEAD.getAndSet(this, CLOSED);
    Node oldestFirst = null;
    while (newestFirst != null) {
      Node next = newestFirst.next;
      newestFirst.next = oldestFirst;
      oldestFirst = newestFirst;
      newestFirst = next;
    }
    return oldestFirst;
  }

  /** One buffered span. */
  static final class Node {
    final SpanData span;
    Node next;

    Node(SpanData span) {
      this.span = span;
    }
  }
}
