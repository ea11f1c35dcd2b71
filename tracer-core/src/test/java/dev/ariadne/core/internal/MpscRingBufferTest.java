package dev.ariadne.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MpscRingBufferTest {

  @Test
  void singleThread_isFifo_refusesWhenFull_andWrapsAround() {
    MpscRingBuffer<Integer> queue = new MpscRingBuffer<>(4);
    int next = 0;
    int expected = 0;
    for (int round = 0; round < 1000; round++) {
      while (queue.offer(next)) {
        next++;
      }
      assertThat(queue.size()).isEqualTo(4);
      assertThat(queue.offer(-1)).as("full").isFalse();
      Integer value;
      int taken = 0;
      while (taken < 3 && (value = queue.poll()) != null) {
        assertThat(value).isEqualTo(expected++);
        taken++;
      }
    }
    List<Integer> rest = new ArrayList<>();
    assertThat(queue.drain(rest::add, 100)).as("the last round left one").isEqualTo(1);
    assertThat(rest).containsExactly(expected);
    assertThat(queue.poll()).isNull();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.producedCount()).isEqualTo(queue.consumedCount()).isEqualTo(next);
  }

  @Test
  void capacity_mustBeAPowerOfTwo() {
    assertThatThrownBy(() -> new MpscRingBuffer<>(3)).hasMessage("capacity must be a power of two >= 2, was 3");
    assertThatThrownBy(() -> new MpscRingBuffer<>(0)).isInstanceOf(IllegalArgumentException.class);
  }

  /**
   * Many producers against one consumer on small rings, with random pauses (fixed seed): every
   * element comes out exactly once and each producer's elements keep their order.
   */
  @Test
  void manyProducers_noElementLostOrDuplicated_andPerProducerOrderKept() throws Exception {
    SplittableRandom seeds = new SplittableRandom(424242L);
    for (int trial = 0; trial < 12; trial++) {
      int capacity = 2 << seeds.nextInt(7); // 2 .. 128
      int producers = 2 + seeds.nextInt(7);
      int perProducer = 20_000;
      runTrial(capacity, producers, perProducer, seeds.nextLong());
    }
  }

  private static void runTrial(int capacity, int producers, int perProducer, long seed) throws Exception {
    MpscRingBuffer<long[]> queue = new MpscRingBuffer<>(capacity);
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try {
      for (int p = 0; p < producers; p++) {
        int producer = p;
        long producerSeed = seed + p;
        futures.add(pool.submit(() -> {
          SplittableRandom random = new SplittableRandom(producerSeed);
          start.await();
          for (int i = 0; i < perProducer; i++) {
            long[] element = {producer, i};
            while (!queue.offer(element)) {
              Thread.onSpinWait();
            }
            if (random.nextInt(64) == 0) {
              Thread.yield();
            }
          }
          return null;
        }));
      }
      start.countDown();
      int[] nextExpected = new int[producers];
      long total = (long) producers * perProducer;
      long received = 0;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (received < total) {
        long[] element = queue.poll();
        if (element == null) {
          assertThat(System.nanoTime() - deadline).as("consumer starved").isNegative();
          Thread.onSpinWait();
          continue;
        }
        int producer = (int) element[0];
        assertThat(element[1]).as("producer %d order", producer).isEqualTo(nextExpected[producer]);
        nextExpected[producer]++;
        received++;
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.SECONDS);
      }
      assertThat(queue.poll()).isNull();
      for (int p = 0; p < producers; p++) {
        assertThat(nextExpected[p]).isEqualTo(perProducer);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
