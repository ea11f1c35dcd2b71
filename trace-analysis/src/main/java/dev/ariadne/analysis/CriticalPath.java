package dev.ariadne.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Computes the critical path of a span tree whose clipped intervals are already set; the algorithm
 * is described on {@link TraceAnalysis}.
 */
final class CriticalPath {
  private static final Comparator<SpanNode> LAST_FINISHING_FIRST =
      Comparator.comparingLong((SpanNode n) -> n.clippedEnd).reversed()
          .thenComparingLong(n -> n.clippedStart);

  private CriticalPath() {}

  /** The segments in time order; the roots hang under a virtual root spanning all of them. */
  static List<CriticalPathSegment> compute(List<SpanNode> roots) {
    List<CriticalPathSegment> backwards = new ArrayList<>();
    Deque<Frame> stack = new ArrayDeque<>();
    long bound = Long.MIN_VALUE;
    for (SpanNode root : roots) {
      bound = Math.max(bound, root.clippedEnd);
    }
    stack.push(new Frame(null, roots));
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      SpanNode child = frame.lastFinishingBy(bound);
      if (child != null) {
        if (frame.node != null) {
          add(backwards, frame.node, child.clippedEnd, bound);
        }
        stack.push(new Frame(child, child.children));
        bound = child.clippedEnd;
      } else {
        if (frame.node != null) {
          add(backwards, frame.node, frame.node.clippedStart, bound);
          bound = frame.node.clippedStart;
        }
        stack.pop();
      }
    }
    Collections.reverse(backwards);
    return merge(backwards);
  }

  private static void add(List<CriticalPathSegment> out, SpanNode node, long from, long to) {
    if (to > from) {
      out.add(new CriticalPathSegment(node.span, node.service, node.name, from, to));
    }
  }

  /** Joins touching segments of one span (split only by a child that added nothing). */
  private static List<CriticalPathSegment> merge(List<CriticalPathSegment> segments) {
    List<CriticalPathSegment> merged = new ArrayList<>(segments.size());
    for (CriticalPathSegment segment : segments) {
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).span() == segment.span()
          && merged.get(last).endEpochNanos() == segment.startEpochNanos()) {
        CriticalPathSegment previous = merged.get(last);
        merged.set(last, new CriticalPathSegment(previous.span(), previous.service(), previous.name(),
            previous.startEpochNanos(), segment.endEpochNanos()));
      } else {
        merged.add(segment);
      }
    }
    return merged;
  }

  /** A span being walked back through, with its children ordered last-finishing first. */
  private static final class Frame {
    final SpanNode node;
    final List<SpanNode> candidates;
    int next;

    Frame(SpanNode node, List<SpanNode> children) {
      this.node = node;
      this.candidates = new ArrayList<>(children);
      this.candidates.sort(LAST_FINISHING_FIRST);
    }

    /**
     * The next unvisited child that ends at or before {@code bound}. The bound only falls while a
     * frame is on the stack, so a child passed over once never qualifies later; that keeps the walk
     * linear and makes each child visited at most once, so it always terminates.
     */
    SpanNode lastFinishingBy(long bound) {
      while (next < candidates.size()) {
        SpanNode candidate = candidates.get(next++);
        // A child with nothing left after clipping (outside its parent, or zero length) adds nothing.
        if (candidate.clippedEnd <= bound && candidate.clippedEnd > candidate.clippedStart) {
          return candidate;
        }
      }
      return null;
    }
  }
}
