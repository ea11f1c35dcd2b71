package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.core.export.SpanData;
import dev.ariadne.testing.TestSpanData;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TraceBufferTest {

  @Test
  void closingReturnsThePushedSpansOldestFirst_andLaterPushesAreRefused() {
    TraceBuffer buffer = new TraceBuffer(new TraceKey(1, 2), 3, 0.1);
    for (int i = 0; i < 5; i++) {
      assertThat(buffer.push(span(i))).isTrue();
    }
    assertThat(buffer.decide(TraceBuffer.DROP)).isTrue();
    assertThat(buffer.decide(TraceBuffer.KEEP_ERROR)).as("decided once").isFalse();
    List<Integer> drained = new ArrayList<>();
    for (TraceBuffer.Node n = buffer.close(); n != null; n = n.next) {
      drained.add(id(n.span));
    }
    assertThat(drained).containsExactly(0, 1, 2, 3, 4);
    assertThat(buffer.push(span(5))).isFalse();
    assertThat(buffer.decision()).isEqualTo(TraceBuffer.DROP);
  }

  @Test
  void pushersRacingAClose_eachSpanIsDrainedOrRefused_exactlyOnce() throws Exception {
    int pushers = 3;
    int perPusher = 20_000;
    long refusedTotal = 0;
    // made once, before the race, so that the pushers do nothing but push
    SpanData[] spans = new SpanData[pushers * perPusher];
    for (int id = 0; id < spans.length; id++) {
      spans[id] = span(id);
    }
    for (int round = 0; round < 50; round++) {
      TraceBuffer buffer = new TraceBuffer(new TraceKey(1, round), 1, 0.1);
      BitSet[] refused = new BitSet[pushers];
      AtomicInteger pushed = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      Thread[] threads = new Thread[pushers];
      for (int t = 0; t < pushers; t++) {
        int me = t;
        refused[t] = new BitSet(perPusher);
        threads[t] = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          for (int i = 0; i < perPusher; i++) {
            if (!buffer.push(spans[me * perPusher + i])) {
              refused[me].set(i);
            }
            pushed.incrementAndGet();
          }
        });
        threads[t].start();
      }
      go.countDown();
      // close in the middle of the pushing, whenever that is on this machine
      while (pushed.get() < pushers * perPusher / 2) {
        Thread.onSpinWait();
      }
      assertThat(buffer.decide(TraceBuffer.KEEP_LATENCY)).isTrue();
      BitSet drained = new BitSet(pushers * perPusher);
      for (TraceBuffer.Node n = buffer.close(); n != null; n = n.next) {
        int id = id(n.span);
        assertThat(drained.get(id)).as("drained twice: %d", id).isFalse();
        drained.set(id);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      for (int t = 0; t < pushers; t++) {
        for (int i = 0; i < perPusher; i++) {
          int id = t * perPusher + i;
          assertThat(drained.get(id) ^ refused[t].get(i)).as("span %d drained xor refused", id).isTrue();
        }
        refusedTotal += refused[t].cardinality();
      }
    }
    assertThat(refusedTotal).isPositive();
  }

  /** A span told from the others by its span id alone; the buffer never looks inside a span. */
  private static SpanData span(int id) {
    return TestSpanData.of(TestSpanData.sampledContext(0, 1, id));
  }

  private static int id(SpanData span) {
    return (int) span.spanContext().spanId();
  }
}
