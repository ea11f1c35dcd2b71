package dev.ariadne.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * Internal, not API: a bounded, lock-free multi-producer single-consumer queue on a power-of-two
 * ring of slots; the hand-off between application threads and the batch worker.
 *
 * <h2>Algorithm</h2>
 * Two ever-growing counters, {@code producerIndex} and {@code consumerIndex}, index the ring modulo
 * its capacity. A producer claims the next index with one CAS on {@code producerIndex}, then writes
 * its element into that slot. The single consumer reads the slot at {@code consumerIndex}, clears
 * it and advances {@code consumerIndex}. The queue is full when a claim would get more than
 * {@code capacity} ahead of the consumer; {@link #offer} then returns false at once (it never spins
 * or blocks on a full queue). To keep producers off the consumer's cache line, each producer reads
 * {@code consumerIndex} only when its cached {@code producerLimit} says the queue may be full.
 *
 * <h2>Memory ordering</h2>
 * <ul>
 *   <li>A producer stores its element with release semantics after winning the CAS; the consumer
 *   loads the slot with acquire semantics. So when the consumer sees the element, it also sees
 *   every write the producer made before {@code offer} (all the fields of an ended span).</li>
 *   <li>Between the CAS and the element store, the slot is still null: the consumer, seeing
 *   {@code consumerIndex != producerIndex} but a null slot, knows an element is on its way and spins
 *   briefly for it instead of reporting empty. Elements therefore come out in claim order, exactly
 *   once.</li>
 *   <li>The consumer clears the slot (plain store) and then advances {@code consumerIndex} with
 *   release semantics; a producer reads {@code consumerIndex} with acquire semantics before it
 *   reuses slots, so it can never overwrite an element the consumer has not taken, and its later
 *   element store cannot be lost to the consumer's earlier null store.</li>
 *   <li>{@code producerLimit} is only a cache of {@code consumerIndex + capacity}; a stale value is
 *   always too small, never too large, so it can cost a re-read but never an overwrite.</li>
 * </ul>
 * The counter fields sit in a class hierarchy padded with unused longs so that producers' CAS
 * traffic and the consumer's index writes do not share a cache line (false sharing).
 *
 * @param <E> the element type
 */
public final class MpscRingBuffer<E> extends MpscPadConsumer {
  private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Object[].class);

  private final Object[] slots;
  private final int mask;

  /** A queue holding at most {@code capacity} elements; capacity must be a power of two. */
  public MpscRingBuffer(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of two >= 2, was " + capacity);
    }
    this.slots = new Object[capacity];
    this.mask = capacity - 1;
    soProducerLimit(capacity);
  }

  /** The number of slots. */
  public int capacity() {
    return mask + 1;
  }

  /**
   * Adds {@code element} (not null) if there is room; returns false, having changed nothing, when
   * the queue is full. Lock-free and allocation-free; safe from any number of threads.
   */
  public boolean offer(E element) {
    long limit = lvProducerLimit();
    long index;
    do {
      index = lvProducerIndex();
      if (index >= limit) {
        limit = lvConsumerIndex() + mask + 1;
        if (index >= limit) {
          return false;
        }
        soProducerLimit(limit);
      }
    } while (!casProducerIndex(index, index + 1));
    SLOTS.setRelease(slots, (int) index & mask, element);
    return true;
  }

  /** Removes and returns the oldest element, or null when empty. Consumer thread only. */
  @SuppressWarnings("unchecked")
  public E poll() {
    long index = lpConsumerIndex();
    int offset = (int) index & mask;
    Object element = SLOTS.getAcquire(slots, offset);
    if (element == null) {
      if (index == lvProducerIndex()) {
        return null;
      }
      // claimed but not yet written: the producer is between its CAS and its store
      do {
        Thread.onSpinWait();
        element = SLOTS.getAcquire(slots, offset);
      } while (element == null);
    }
    slots[offset] = null;
    soConsumerIndex(index + 1);
    return (E) element;
  }

  /**
   * Removes up to {@code limit} elements, oldest first, handing each to {@code sink}; returns how
   * many. Consumer thread only. The consumer index is published once for the whole run rather than
   * per element, which keeps the consumer's cache line quiet while producers are busy.
   */
  @SuppressWarnings("unchecked")
  public int drain(Consumer<? super E> sink, int limit) {
    long start = lpConsumerIndex();
    int taken = 0;
    try {
      while (taken < limit) {
        long index = start + taken;
        int offset = (int) index & mask;
        Object element = SLOTS.getAcquire(slots, offset);
        if (element == null) {
          if (index == lvProducerIndex()) {
            break;
          }
          do {
            Thread.onSpinWait();
            element = SLOTS.getAcquire(slots, offset);
          } while (element == null);
        }
        slots[offset] = null;
        taken++;
        sink.accept((E) element);
      }
    } finally {
      if (taken > 0) {
        soConsumerIndex(start + taken);
      }
    }
    return taken;
  }

  /** How many elements have ever been added (claimed slots included). */
  public long producedCount() {
    return lvProducerIndex();
  }

  /** How many elements have ever been removed. */
  public long consumedCount() {
    return lvConsumerIndex();
  }

  /** The number of elements in the queue; exact only when no thread is adding or removing. */
  public int size() {
    long consumer = lvConsumerIndex();
    long producer = lvProducerIndex();
    return (int) Math.max(0, Math.min(producer - consumer, mask + 1));
  }

  /** Whether the queue looks empty. */
  public boolean isEmpty() {
    return lvConsumerIndex() == lvProducerIndex();
  }
}

// The padding classes below exist only for field layout: a subclass's fields are laid out after
// its superclass's, so each counter is surrounded by at least 64 bytes of unused longs.

@SuppressWarnings("unused")
abstract class MpscPad0 {
  long p00, p01, p02, p03, p04, p05, p06, p07;
}

abstract class MpscProducerIndex extends MpscPad0 {
  private static final VarHandle PRODUCER_INDEX;

  static {
    try {
      PRODUCER_INDEX = MethodHandles.lookup().findVarHandle(MpscProducerIndex.class, "producerIndex", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long producerIndex;

  final long lvProducerIndex() {
    return producerIndex;
  }

  final boolean casProducerIndex(long expect, long update) {
    return PRODUCER_INDEX.compareAndSet(this, expect, update);
  }
}

@SuppressWarnings("unused")
abstract class MpscPad1 extends MpscProducerIndex {
  long p10, p11, p12, p13, p14, p15, p16, p17;
}

abstract class MpscProducerLimit extends MpscPad1 {
  private static final VarHandle PRODUCER_LIMIT;

  static {
    try {
      PRODUCER_LIMIT = MethodHandles.lookup().findVarHandle(MpscProducerLimit.class, "producerLimit", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long producerLimit;

  final long lvProducerLimit() {
    return producerLimit;
  }

  final void soProducerLimit(long value) {
    PRODUCER_LIMIT.setRelease(this, value);
  }
}

@SuppressWarnings("unused")
abstract class MpscPad2 extends MpscProducerLimit {
  long p20, p21, p22, p23, p24, p25, p26, p27;
}

abstract class MpscConsumerIndex extends MpscPad2 {
  private static final VarHandle CONSUMER_INDEX;

  static {
    try {
      CONSUMER_INDEX = MethodHandles.lookup().findVarHandle(MpscConsumerIndex.class, "consumerIndex", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile long consumerIndex;

  final long lvConsumerIndex() {
    return consumerIndex;
  }

  /** Plain read: only the consumer writes this field. */
  final long lpConsumerIndex() {
    return (long) CONSUMER_INDEX.get(this);
  }

  final void soConsumerIndex(long value) {
    CONSUMER_INDEX.setRelease(this, value);
  }
}

@SuppressWarnings("unused")
abstract class MpscPadConsumer extends MpscConsumerIndex {
  long p30, p31, p32, p33, p34, p35, p36, p37;
}
