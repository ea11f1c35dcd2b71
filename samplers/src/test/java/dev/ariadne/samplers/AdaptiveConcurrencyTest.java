package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
  private static final long BASE = ConsistentRatio.threshold(0.1);
  private static final long SLOW = ConsistentRatio.threshold(0.5);
  private static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void manyThreadsStartingAndEndingTraces_leaveCountersThatAddUpExactly() throws Exception {
    int threads = 8;
    int tracesPerThread = 5_000;
    CountingProcessor downstream = new CountingProcessor();
    AdaptiveSampling adaptive = AdaptiveSampling.builder(downstream).maxTraces(100_000).maxBufferedSpans(1_000_000).build();
    long[][] lows = new long[threads][tracesPerThread];
    try (Tracing tracing = Tracing.builder().sampler(adaptive.sampler()).addSpanProcessor(adaptive.processor()).build()) {
      Tracer tracer = tracing.tracer("t");
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long[] mine = lows[t];
        Thread worker = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          for (int i = 0; i < tracesPerThread; i++) {
            Span root = tracer.span("request").startTimestamp(T0, TimeUnit.NANOSECONDS).start();
            mine[i] = root.spanContext().traceIdLow();
            Context parent = Context.root().with(root);
            for (int c = 0; c < 3; c++) {
              Span child = tracer.span("step").parent(parent).start();
              if (i % 10 == 0 && c == 1) {
                child.status(StatusCode.ERROR);
              }
              child.end();
            }
            long duration = i % 10 == 1 ? Duration.ofSeconds(3).toNanos() : Duration.ofMillis(1).toNanos();
            root.end(T0 + duration, TimeUnit.NANOSECONDS);
          }
        });
        worker.start();
        workers.add(worker);
      }
      go.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
    }
    long error = 0;
    long latency = 0;
    long base = 0;
    long dropped = 0;
    for (long[] mine : lows) {
      for (int i = 0; i < tracesPerThread; i++) {
        if (i % 10 == 0) {
          error++;
        } else if (i % 10 == 1 && ConsistentRatio.keeps(mine[i], SLOW)) {
          latency++;
        } else if (i % 10 != 1 && ConsistentRatio.keeps(mine[i], BASE)) {
          base++;
        } else {
          dropped++;
        }
      }
    }
    long traces = (long) threads * tracesPerThread;
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.tracesBuffered()).isEqualTo(traces);
    assertThat(stats.keptByError()).isEqualTo(error);
    assertThat(stats.keptByLatency()).isEqualTo(latency);
    assertThat(stats.keptByBaseRate()).isEqualTo(base);
    assertThat(stats.dropped()).isEqualTo(dropped);
    assertThat(stats.forcedByOverflow()).isZero();
    assertThat(stats.pendingTraces()).isZero();
    assertThat(stats.pendingSpans()).isZero();
    assertThat(stats.orphanSpans()).isZero();
    assertThat(stats.spansKept()).isEqualTo(4 * (error + latency + base));
    assertThat(stats.spansReleased()).isEqualTo(4 * dropped);
    assertThat(downstream.sampledEnded.sum()).isEqualTo(stats.spansKept());
    assertThat(downstream.unsampledEnded.sum()).isZero();
  }

  @Test
  void spansOfOneTraceEndingOnManyThreadsAsItsRootEnds_areEachKeptOrReleasedExactlyOnce() throws Exception {
    int rounds = 2_000;
    int children = 8;
    Map<Long, AtomicInteger> exportedPerTrace = new ConcurrentHashMap<>();
    SpanProcessor recording = new SpanProcessor() {
      @Override
      public void onEnd(SpanData span) {
        if (span.spanContext().isSampled()) {
          exportedPerTrace.computeIfAbsent(span.spanContext().traceIdLow(), k -> new AtomicInteger()).incrementAndGet();
        }
      }
    };
    AdaptiveSampling adaptive = AdaptiveSampling.builder(recording).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    long[] lows = new long[rounds];
    try (Tracing tracing = Tracing.builder().sampler(adaptive.sampler()).addSpanProcessor(adaptive.processor()).build()) {
      Tracer tracer = tracing.tracer("t");
      for (int r = 0; r < rounds; r++) {
        Span root = tracer.span("root").start();
        lows[r] = root.spanContext().traceIdLow();
        Span[] kids = new Span[children];
        for (int c = 0; c < children; c++) {
          kids[c] = tracer.span("child").parent(Context.root().with(root)).start();
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> ends = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          int first = w * 2;
          ends.add(pool.submit(() -> {
            go.await();
            kids[first].end();
            kids[first + 1].end();
            return null;
          }));
        }
        if (r % 2 == 1) {
          root.status(StatusCode.ERROR);
        }
        go.countDown();
        root.end();
        for (Future<?> end : ends) {
          end.get();
        }
      }
    } finally {
      pool.shutdown();
    }
    for (int r = 0; r < rounds; r++) {
      boolean kept = r % 2 == 1 || ConsistentRatio.keeps(lows[r], BASE);
      AtomicInteger exported = exportedPerTrace.get(lows[r]);
      assertThat(exported == null ? 0 : exported.get()).as("round %d", r).isEqualTo(kept ? children + 1 : 0);
    }
    AdaptiveStats stats = adaptive.stats();
    assertThat(stats.spansKept() + stats.spansReleased()).isEqualTo((long) rounds * (children + 1));
    assertThat(stats.pendingSpans()).isZero();
    assertThat(stats.pendingTraces()).isZero();
    assertThat(stats.orphanSpans()).isZero();
  }
}
