package dev.ariadne.core.internal;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;

/** jcstress tests of {@link MpscRingBuffer}: the claims of its memory-ordering argument, one per test. */
public final class MpscRingBufferStress {
  private MpscRingBufferStress() {}

  private static final int OK = 1;
  private static final int LOST = 2;
  private static final int DUPLICATED = 3;
  private static final int REORDERED = 4;
  private static final int REFUSED = 5;

  /**
   * Two threads add two elements each, one of them also taking what it can as the (single)
   * consumer; the arbiter takes the rest. Every element must come out exactly once, and each
   * producer's in its order. (Two actors, so that it runs on a 2-CPU machine.)
   */
  @JCStressTest
  @Outcome(id = "1", expect = ACCEPTABLE, desc = "every element exactly once, per-producer order kept")
  @Outcome(id = "2", expect = FORBIDDEN, desc = "an element was lost")
  @Outcome(id = "3", expect = FORBIDDEN, desc = "an element came out twice")
  @Outcome(id = "4", expect = FORBIDDEN, desc = "a producer's elements came out of order")
  @Outcome(id = "5", expect = FORBIDDEN, desc = "an offer was refused although there was room")
  @State
  public static class TwoProducersOneConsumer {
    private final MpscRingBuffer<Integer> queue = new MpscRingBuffer<>(4);
    private final int[] seen = new int[4];
    private int seenCount;
    // one flag per actor: the actors run concurrently
    private boolean refusedA;
    private boolean refusedB;

    @Actor
    public void producer() {
      refusedA = !queue.offer(1) | !queue.offer(3);
    }

    @Actor
    public void producerAndConsumer() {
      refusedB = !queue.offer(2);
      for (int i = 0; i < 2; i++) {
        Integer value = queue.poll();
        if (value != null) {
          seen[seenCount++] = value;
        }
      }
      refusedB |= !queue.offer(4);
    }

    @Arbiter
    public void check(I_Result r) {
      Integer value;
      while ((value = queue.poll()) != null) {
        if (seenCount == 4) {
          r.r1 = DUPLICATED;
          return;
        }
        seen[seenCount++] = value;
      }
      r.r1 = verdict();
    }

    private int verdict() {
      if (refusedA || refusedB) {
        return REFUSED;
      }
      if (seenCount < 4) {
        return LOST;
      }
      int mask = 0;
      int positionOf1 = -1;
      int positionOf3 = -1;
      int positionOf2 = -1;
      int positionOf4 = -1;
      for (int i = 0; i < 4; i++) {
        int bit = 1 << seen[i];
        if ((mask & bit) != 0) {
          return DUPLICATED;
        }
        mask |= bit;
        switch (seen[i]) {
          case 1: positionOf1 = i; break;
          case 2: positionOf2 = i; break;
          case 3: positionOf3 = i; break;
          default: positionOf4 = i; break;
        }
      }
      return positionOf1 < positionOf3 && positionOf2 < positionOf4 ? OK : REORDERED;
    }
  }

  /**
   * A producer fills a two-slot queue while the consumer frees a slot: a third offer may be refused
   * (the queue looked full) or accepted, but an accepted element is never lost or overwritten.
   */
  @JCStressTest
  @Outcome(id = "1", expect = ACCEPTABLE, desc = "nothing lost, nothing duplicated")
  @Outcome(id = "2", expect = FORBIDDEN, desc = "an accepted element was lost")
  @Outcome(id = "3", expect = FORBIDDEN, desc = "an element came out twice")
  @State
  public static class WrapAroundUnderContention {
    private final MpscRingBuffer<Integer> queue = new MpscRingBuffer<>(2);
    private int accepted;
    private int taken;

    public WrapAroundUnderContention() {
      queue.offer(10);
      queue.offer(11);
    }

    @Actor
    public void producer() {
      accepted = queue.offer(12) ? 1 : 0;
    }

    @Actor
    public void consumer() {
      if (queue.poll() != null) {
        taken++;
      }
    }

    @Arbiter
    public void check(I_Result r) {
      int total = taken;
      int mask = 0;
      Integer value;
      while ((value = queue.poll()) != null) {
        int bit = 1 << (value - 10);
        if ((mask & bit) != 0) {
          r.r1 = DUPLICATED;
          return;
        }
        mask |= bit;
        total++;
      }
      r.r1 = total == 2 + accepted ? OK : LOST;
    }
  }
}
