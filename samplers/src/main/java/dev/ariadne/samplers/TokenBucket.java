package dev.ariadne.samplers;

import dev.ariadne.core.Clock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A lock-free token bucket: at most {@code burst} acquisitions at once, refilled at one token per
 * {@code intervalNanos}. One {@code long} of state, one clock read per call, no allocation.
 *
 * <h2>Algorithm</h2>
 * The state is the bucket's "theoretical arrival time" {@code tat} (the generic cell rate
 * algorithm of ATM networks, ITU-T I.371, which is a token bucket expressed as one time): the
 * monotonic time at which the bucket would be full again if nothing more were taken. Taking a token
 * at time {@code now} moves it to {@code next = max(tat, now) + interval}, and is allowed only while
 * {@code next - now <= burst * interval}, that is while the bucket still holds a token. The bucket
 * starts full ({@code tat} = the creation time), so the first {@code burst} calls succeed.
 *
 * <p>Bound: each success raises {@code tat} by at least one interval, so after the first success
 * at time s1 the j-th success at time sj has {@code tat >= s1 + j * interval} and needs
 * {@code tat - sj <= burst * interval}: j is at most {@code burst + (sj - s1) / interval}. Over any
 * window of length T no more than {@code burst + T / interval} calls succeed, whatever the number
 * of threads.
 *
 * <h2>Memory ordering</h2>
 * {@code tat} is the only shared variable and nothing else is published through it, so the only
 * requirement is atomicity: a success is a successful compare-and-exchange from the value the
 * decision was computed from, and a loser recomputes from the witness value. A refusal is a
 * volatile read only, so a saturated bucket costs no writes to the shared line. A stale {@code now}
 * (the thread was descheduled after reading the clock) only makes the check stricter. Times are
 * compared by difference, so the arbitrary origin of {@code nanoTime} and its wrap-around are
 * harmless. The padding keeps {@code tat} on a cache line of its own (JCTools' idiom).
 */
final class TokenBucket extends TokenBucketState {
  private static final VarHandle TAT;

  static {
    try {
      TAT = MethodHandles.lookup().findVarHandle(TokenBucketState.class, "tat", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Clock clock;
  private final long intervalNanos;
  private final long capacityNanos;

  TokenBucket(Clock clock, long intervalNanos, long burst) {
    this.clock = clock;
    this.intervalNanos = intervalNanos;
    this.capacityNanos = intervalNanos * burst;
    TAT.setRelease(this, clock.nanoTime());
  }

  /** Takes a token if there is one; never waits. */
  boolean tryAcquire() {
    long now = clock.nanoTime();
    long tat = (long) TAT.getVolatile(this);
    for (;;) {
      long next = (now - tat > 0 ? now : tat) + intervalNanos;
      if (next - now > capacityNanos) {
        return false;
      }
      long witness = (long) TAT.compareAndExchange(this, tat, next);
      if (witness == tat) {
        return true;
      }
      tat = witness;
    }
  }
}

/** Padding before the state (JCTools' idiom: fields of a superclass are laid out first). */
abstract class TokenBucketPadBefore {
  long p00, p01, p02, p03, p04, p05, p06, p07;
  long p10, p11, p12, p13, p14, p15, p16, p17;
}

/** The state, between two pads. */
abstract class TokenBucketState extends TokenBucketPadBefore {
  volatile long tat;
  long q00, q01, q02, q03, q04, q05, q06, q07;
  long q10, q11, q12, q13, q14, q15, q16, q17;
}
