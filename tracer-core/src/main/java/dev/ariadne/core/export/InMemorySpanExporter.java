package dev.ariadne.core.export;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps exported spans in memory, for tests: assert on {@link #finishedSpans()}, or wait for spans
 * exported on other threads with {@link #awaitSpans(int, Duration)}.
 *
 * <pre>{@code
 * InMemorySpanExporter exporter = InMemorySpanExporter.create();
 * Tracing tracing = Tracing.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
 * ...
 * assertThat(exporter.finishedSpans()).extracting(SpanData::name).containsExactly("checkout");
 * }</pre>
 */
public final class InMemorySpanExporter implements SpanExporter {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final List<SpanData> spans = new ArrayList<>();
  private boolean shutdown;

  private InMemorySpanExporter() {}

  /** A new, empty exporter. */
  public static InMemorySpanExporter create() {
    return new InMemorySpanExporter();
  }

  @Override
  public ExportResult export(Collection<SpanData> batch) {
    lock.lock();
    try {
      if (shutdown) {
        return ExportResult.failure();
      }
      spans.addAll(batch);
      changed.signalAll();
      return ExportResult.success();
    } finally {
      lock.unlock();
    }
  }

  /** A copy of the spans exported so far, in export order. */
  public List<SpanData> finishedSpans() {
    lock.lock();
    try {
      return List.copyOf(spans);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until at least {@code count} spans were exported or {@code timeout} passed; returns the
   * spans exported so far either way.
   */
  public List<SpanData> awaitSpans(int count, Duration timeout) {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      while (spans.size() < count && remaining > 0) {
        remaining = changed.awaitNanos(remaining);
      }
      return List.copyOf(spans);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.copyOf(spans);
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every span exported so far. */
  public void reset() {
    lock.lock();
    try {
      spans.clear();
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further exports; the spans already held stay readable. */
  @Override
  public ExportResult shutdown() {
    lock.lock();
    try {
      shutdown = true;
      return ExportResult.success();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemorySpanExporter";
  }
}
