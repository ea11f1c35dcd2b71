package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The no-op path must cost no allocation: tracing left unconfigured may not add GC pressure to the
 * application. Measured with the JDK's per-thread allocation counter around a JIT-warmed loop.
 */
class NoopAllocationTest {
  private static final int WARM_UP = 200_000;
  private static final int ITERATIONS = 100_000;
  /** Absorbs the measurement call itself; far below one byte per iteration. */
  private static final long SLACK_BYTES = 1024;
  private static final SpanContext REMOTE_PARENT =
      SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.SAMPLED, null);

  private com.sun.management.ThreadMXBean threads;
  private long threadId;
  private long sink;

  @BeforeEach
  void enableAllocationCounting() {
    threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assumeTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count per-thread allocation");
    if (!threads.isThreadAllocatedMemoryEnabled()) {
      threads.setThreadAllocatedMemoryEnabled(true);
    }
    threadId = Thread.currentThread().getId();
  }

  @Test
  void noopScopedSpanWithKindAndAttributes_allocatesNothing() {
    long bytes = allocatedBytes(this::scopedSpanLoop);

    assertThat(bytes).as("bytes for %d no-op scoped spans", ITERATIONS).isLessThan(SLACK_BYTES);
    assertThat((double) bytes / ITERATIONS).isLessThan(1.0);
  }

  @Test
  void noopStartAndEnd_onTheRootContext_allocatesNothing() {
    long bytes = allocatedBytes(this::startEndLoop);

    assertThat(bytes).isLessThan(SLACK_BYTES);
  }

  @Test
  void noopStart_underARemoteParent_allocatesNothing() {
    try (Scope ignored = Span.wrap(REMOTE_PARENT).makeCurrent()) {
      long bytes = allocatedBytes(this::startEndLoop);

      assertThat(bytes).isLessThan(SLACK_BYTES);
    }
  }

  @Test
  void readingTheCurrentSpanAndBaggage_allocatesNothing() {
    long bytes = allocatedBytes(this::currentLookupLoop);

    assertThat(bytes).isLessThan(SLACK_BYTES);
  }

  /** Bytes allocated by this thread in one measured run of {@code loop}, after a warm-up run. */
  private long allocatedBytes(Runnable loop) {
    for (int round = 0; round < WARM_UP / ITERATIONS; round++) {
      loop.run();
    }
    threads.getThreadAllocatedBytes(threadId); // the first call may allocate; keep it out of the measurement
    long before = threads.getThreadAllocatedBytes(threadId);
    loop.run();
    long after = threads.getThreadAllocatedBytes(threadId);
    assertThat(sink).isNotZero(); // the loops did their work
    return after - before;
  }

  private void scopedSpanLoop() {
    for (int i = 0; i < ITERATIONS; i++) {
      Span s = Tracer.noop().span("op").kind(SpanKind.CLIENT).attribute("k", "v").attribute("n", 42L)
          .startScoped();
      if (!s.isRecording()) {
        sink++;
      }
      s.close();
    }
  }

  private void startEndLoop() {
    for (int i = 0; i < ITERATIONS; i++) {
      Span s = Tracer.noop().span("op").attribute("flag", true).attribute("ratio", 0.5).start();
      s.attribute("k", "v").event("e").status(StatusCode.ERROR, "x");
      if (!s.isRecording()) {
        sink++;
      }
      s.end();
    }
  }

  private void currentLookupLoop() {
    for (int i = 0; i < ITERATIONS; i++) {
      if (Span.current().spanContext() != null && Baggage.current().isEmpty()) {
        sink++;
      }
    }
  }
}
