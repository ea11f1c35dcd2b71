package dev.ariadne.core.export;

import dev.ariadne.core.internal.LogThrottle;
import dev.ariadne.core.internal.MpscRingBuffer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues ended, sampled spans and exports them in batches from one background thread, so the
 * application thread only pays for a lock-free hand-off.
 *
 * <pre>{@code
 * BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
 *     .maxQueueSize(4096)
 *     .scheduleDelay(Duration.ofMillis(500))
 *     .build();
 * Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
 * ...
 * BatchStats stats = processor.stats(); // ended = exported + dropped (by reason) + pending
 * }</pre>
 *
 * <p>Under overload it drops and counts: {@code onEnd} never blocks, the queue never grows beyond
 * its capacity, and the worker never dies. A batch is exported when it is full, when the schedule
 * delay has passed, on {@link #forceFlush()} and on {@link #shutdown()}. The worker calls the
 * exporter itself; a watchdog thread that wakes a few times per export timeout replaces a worker
 * stuck in the exporter past the timeout, so a hanging exporter costs its batch (counted) and cannot
 * wedge the pipeline. Until the hung call returns, later batches are counted failed rather than
 * handed to the exporter concurrently. Spans an exporter reports it dropped itself within a
 * successful export ({@link ExportResult#succeed(int)}, e.g. one too large to send) are counted
 * as {@link BatchStats#droppedByExporter()}, not as exported. Record-only (unsampled) spans are
 * ignored.
 */
public final class BatchSpanProcessor implements SpanProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchSpanProcessor.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
  private static final VarHandle SLEEPING;

  static {
    try {
      SLEEPING = MethodHandles.lookup().findVarHandle(BatchSpanProcessor.class, "sleeping", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final SpanExporter exporter;
  private final MpscRingBuffer<SpanData> queue;
  private final int maxExportBatchSize;
  private final long scheduleDelayNanos;
  private final long exportTimeoutNanos;
  private final String threadPrefix;
  private final Thread watchdog;
  private final Thread shutdownHook;
  private volatile Thread worker;
  private int workerGeneration;

  private final ConcurrentLinkedQueue<FlushRequest> flushRequests = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  private final ExportResult shutdownResult = ExportResult.pending();
  private volatile boolean shutdown;
  private volatile boolean terminated;
  // 1 while the worker is parked; a producer that sees a full batch waiting clears it and unparks
  private volatile int sleeping;
  private volatile int wakeThreshold;

  // counted on application threads, only on the drop paths
  private final LongAdder droppedQueueFull = new LongAdder();
  private final LongAdder droppedAtShutdown = new LongAdder();
  // written by one thread at a time: the worker, or the watchdog while it replaces a hung worker
  private volatile long exported;
  private volatile long droppedExportFailed;
  private volatile long droppedByExporter;
  private volatile long failedBatches;
  private volatile long timedOutBatches;
  private final AtomicLong stragglersDropped = new AtomicLong();
  private final ReentrantLock stragglerLock = new ReentrantLock();
  private final LogThrottle failureWarnings = new LogThrottle(WARN_INTERVAL_NANOS);

  // the synchronous exporter call in progress, watched for hangs; and calls abandoned as hung
  private volatile ExportCall inProgress;
  private final AtomicInteger hungCalls = new AtomicInteger();

  // the worker's batch under construction, filled by drain() through one reusable sink
  private List<SpanData> batch;
  private final Consumer<SpanData> addToBatch = span -> batch.add(span);

  private BatchSpanProcessor(Builder b) {
    this.exporter = b.exporter;
    this.queue = new MpscRingBuffer<>(b.maxQueueSize);
    this.maxExportBatchSize = b.maxExportBatchSize;
    this.scheduleDelayNanos = b.scheduleDelay.toNanos();
    this.exportTimeoutNanos = b.exportTimeout.toNanos();
    this.wakeThreshold = maxExportBatchSize;
    this.threadPrefix = "ariadne-batch-" + INSTANCES.incrementAndGet() + "-";
    this.batch = new ArrayList<>(maxExportBatchSize);
    startWorker();
    this.watchdog = new Thread(this::watch, threadPrefix + "watchdog");
    this.watchdog.setDaemon(true);
    this.watchdog.start();
    if (b.registerShutdownHook) {
      shutdownHook = new Thread(() -> shutdown().await(Duration.ofNanos(exportTimeoutNanos)),
          threadPrefix + "shutdown-hook");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    } else {
      shutdownHook = null;
    }
  }

  /** A builder exporting through {@code exporter}. */
  public static Builder builder(SpanExporter exporter) {
    if (exporter == null) {
      throw new IllegalArgumentException("exporter must not be null");
    }
    return new Builder(exporter);
  }

  private void startWorker() {
    int generation = ++workerGeneration;
    Thread thread = new Thread(this::work, threadPrefix + "worker" + (generation == 1 ? "" : "-" + generation));
    thread.setDaemon(true);
    worker = thread;
    thread.start();
  }

  // ---- application threads ------------------------------------------------------------------

  @Override
  public void onEnd(SpanData span) {
    if (!span.spanContext().isSampled()) {
      return;
    }
    if (shutdown) {
      droppedAtShutdown.increment();
      return;
    }
    if (!queue.offer(span)) {
      droppedQueueFull.increment();
      return;
    }
    if (sleeping != 0 && queue.size() >= wakeThreshold && SLEEPING.compareAndSet(this, 1, 0)) {
      LockSupport.unpark(worker);
    }
    if (terminated) {
      // shutdown finished between our check and our offer: nobody will consume it now
      drainStragglers();
    }
  }

  @Override
  public ExportResult forceFlush() {
    if (terminated) {
      return shutdownResult;
    }
    FlushRequest request = new FlushRequest(queue.producedCount(), failedBatches);
    flushRequests.add(request);
    LockSupport.unpark(worker);
    if (terminated) {
      completeFlushes(Long.MAX_VALUE);
    }
    return request.result;
  }

  @Override
  public ExportResult shutdown() {
    if (shutdownStarted.compareAndSet(false, true)) {
      shutdown = true;
      LockSupport.unpark(worker);
      if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException jvmAlreadyShuttingDown) {
          // the hook is running or about to: nothing to remove
        }
      }
    }
    return shutdownResult;
  }

  /** What happened to every sampled span so far; the numbers add up exactly. */
  public BatchStats stats() {
    // Read what the worker resolved before what producers added, so pending is never negative.
    long exportedNow = exported;
    long failedNow = droppedExportFailed;
    long byExporterNow = droppedByExporter;
    long stragglers = stragglersDropped.get();
    long failedBatchesNow = failedBatches;
    long timedOutNow = timedOutBatches;
    long produced = queue.producedCount();
    long pending = produced - exportedNow - failedNow - byExporterNow - stragglers;
    return new BatchStats(exportedNow, droppedQueueFull.sum(), failedNow, byExporterNow,
        droppedAtShutdown.sum() + stragglers, pending, failedBatchesNow, timedOutNow);
  }

  /** Whether a worker thread is still running (false once shutdown has finished). */
  public boolean isWorkerAlive() {
    return worker.isAlive();
  }

  /** The prefix of the names of every thread this processor starts; for tests. */
  String threadPrefix() {
    return threadPrefix;
  }

  // ---- the worker ----------------------------------------------------------------------------

  private void work() {
    long nextExport = System.nanoTime() + scheduleDelayNanos;
    LogThrottle queueFullWarnings = new LogThrottle(WARN_INTERVAL_NANOS);
    long queueFullLogged = droppedQueueFull.sum();
    while (true) {
      try {
        if (batch.size() < maxExportBatchSize) {
          queue.drain(addToBatch, maxExportBatchSize - batch.size());
        }
        boolean stopping = shutdown;
        boolean flushing = stopping || !flushRequests.isEmpty();
        long now = System.nanoTime();
        if (!batch.isEmpty() && (batch.size() >= maxExportBatchSize || flushing || now - nextExport >= 0)) {
          List<SpanData> full = batch;
          batch = new ArrayList<>(maxExportBatchSize);
          if (!export(full)) {
            return; // the watchdog gave up on this thread and started another worker
          }
          nextExport = System.nanoTime() + scheduleDelayNanos;
          completeFlushes(resolvedCount());
        } else {
          if (batch.isEmpty()) {
            completeFlushes(resolvedCount());
            if (stopping && queue.isEmpty()) {
              break;
            }
          }
          if (now - nextExport >= 0) {
            nextExport = now + scheduleDelayNanos;
          }
          if (!flushing) {
            park(batch.size(), nextExport - now);
          }
        }
        long full = droppedQueueFull.sum();
        if (full != queueFullLogged && queueFullWarnings.allow()) {
          LOG.warn("{} spans dropped because the span queue (capacity {}) was full; raise maxQueueSize or "
              + "export faster (counted in BatchSpanProcessor.stats())", full - queueFullLogged, queue.capacity());
          queueFullLogged = full;
        }
      } catch (Throwable t) {
        // A bug here must not stop exporting for the life of the process.
        LOG.error("batch span processor worker caught an unexpected error; continuing", t);
      }
    }
    finish();
  }

  private void park(int batched, long nanos) {
    int needed = maxExportBatchSize - batched;
    wakeThreshold = needed;
    sleeping = 1;
    // Re-check after publishing "sleeping": a producer that added a span before seeing the flag
    // must not be left waiting a whole delay (Dekker-style: both sides write, then read).
    if (queue.size() < wakeThreshold && !shutdown && flushRequests.isEmpty()) {
      LockSupport.parkNanos(this, nanos);
    }
    sleeping = 0;
  }

  private long resolvedCount() {
    return exported + droppedExportFailed + droppedByExporter;
  }

  /**
   * Exports one batch on this thread and counts the outcome; returns false when the call outlived
   * the export timeout and the watchdog has taken over (this thread must then stop).
   */
  private boolean export(List<SpanData> spans) {
    int n = spans.size();
    if (hungCalls.get() > 0) {
      // never call an exporter concurrently with a call of its own that has not returned
      failBatch(n, false, "the exporter has not yet returned from an earlier call that timed out", null, false);
      return true;
    }
    ExportCall call = new ExportCall(n, System.nanoTime());
    inProgress = call;
    ExportResult result = null;
    Throwable thrown = null;
    try {
      result = exporter.export(Collections.unmodifiableList(spans));
    } catch (Throwable t) {
      thrown = t;
    }
    if (!call.settle()) {
      hungCalls.decrementAndGet();
      Thread.interrupted(); // the watchdog may have interrupted us; this thread ends here anyway
      return false;
    }
    inProgress = null;
    if (thrown != null) {
      failBatch(n, false, "the exporter threw", thrown, true);
    } else if (result == null) {
      failBatch(n, false, "the exporter returned null", null, false);
    } else if (!result.await(Duration.ofNanos(Math.max(0, call.startNanos + exportTimeoutNanos - System.nanoTime())))) {
      failBatch(n, true, "the export did not complete within the export timeout", null, false);
    } else if (!result.isSuccess()) {
      int failed = result.failedSpans();
      if (failed < 0 || failed >= n) {
        failBatch(n, false, "the exporter reported failure", result.failureCause(), false);
      } else {
        // sent in parts, some of which failed: the others reached the backend
        countSent(n - failed, result.droppedSpans());
        failBatch(failed, false, "the exporter reported failure for them (the other " + (n - failed)
            + " spans of the batch were sent)", result.failureCause(), false);
      }
    } else {
      countSent(n, result.droppedSpans());
    }
    return true;
  }

  /** Counts {@code n} spans that did not fail, {@code dropped} of them left out by the exporter. */
  private void countSent(int n, int dropped) {
    // an exporter claiming more drops than spans it was given must not push exported below zero
    int left = Math.min(n, dropped);
    exported += n - left;
    if (left > 0) {
      droppedByExporter += left;
    }
  }

  /**
   * Counts a failed batch and warns, throttled. A failure the exporter reported is one line with
   * the cause's text: its stack trace shows the exporter's and the HTTP client's insides, nothing
   * of the user's code, so it goes to DEBUG. An exception the exporter threw ({@code bug}) breaks
   * the exporter's contract, and its stack trace is the way to find the fault, so that one stays at
   * WARN.
   */
  private void failBatch(int n, boolean timedOut, String why, Throwable cause, boolean bug) {
    droppedExportFailed += n;
    failedBatches++;
    if (timedOut) {
      timedOutBatches++;
    }
    if (!failureWarnings.allow()) {
      return;
    }
    if (cause == null) {
      LOG.warn("dropped a batch of {} spans: {} (counted in BatchSpanProcessor.stats(); {})", n, why, stats());
    } else if (bug) {
      LOG.warn("dropped a batch of {} spans: {} (counted in BatchSpanProcessor.stats(); {})", n, why, stats(), cause);
    } else {
      LOG.warn("dropped a batch of {} spans: {}: {} (counted in BatchSpanProcessor.stats(); {})", n, why, cause,
          stats());
      LOG.debug("the failure that dropped the batch of {} spans above", n, cause);
    }
  }

  private void completeFlushes(long resolved) {
    for (FlushRequest request : flushRequests) {
      if (request.target <= resolved && flushRequests.remove(request)) {
        if (failedBatches > request.failedBatchesBefore) {
          request.result.fail(new IllegalStateException("some spans failed to export during the flush"));
        } else {
          request.result.succeed();
        }
      }
    }
  }

  private void finish() {
    terminated = true;
    LockSupport.unpark(watchdog);
    drainStragglers();
    completeFlushes(Long.MAX_VALUE);
    ExportResult exporterShutdown = shutdownExporter();
    BatchStats stats = stats();
    if (stats.dropped() > 0) {
      LOG.warn("batch span processor shut down; {}", stats);
    } else {
      LOG.info("batch span processor shut down; {}", stats);
    }
    shutdownResult.completeFrom(exporterShutdown);
  }

  /** Shuts the exporter down on a thread of its own, so that a hanging exporter is bounded here too. */
  private ExportResult shutdownExporter() {
    ExportResult outcome = ExportResult.pending();
    Thread thread = new Thread(() -> {
      outcome.completeFrom(CompositeSpanProcessor.guard(exporter::shutdown));
    }, threadPrefix + "exporter-shutdown");
    thread.setDaemon(true);
    thread.start();
    if (!outcome.await(Duration.ofNanos(exportTimeoutNanos))) {
      thread.interrupt();
      outcome.fail(new IllegalStateException("exporter shutdown did not finish within the export timeout"));
    }
    return outcome;
  }

  /** After the worker ended, spans that slipped in are taken out and counted, one drainer at a time. */
  private void drainStragglers() {
    while (!queue.isEmpty() && stragglerLock.tryLock()) {
      try {
        while (queue.poll() != null) {
          stragglersDropped.incrementAndGet();
        }
      } finally {
        stragglerLock.unlock();
      }
    }
  }

  // ---- the watchdog ---------------------------------------------------------------------------

  /**
   * Replaces a worker stuck in an exporter call: after the export timeout it counts the batch as
   * failed, interrupts the stuck thread and starts a new worker. Whichever of the two settles the
   * call first decides its outcome, so a batch is never counted twice.
   */
  private void watch() {
    long period = Math.max(TimeUnit.MILLISECONDS.toNanos(5), exportTimeoutNanos / 2);
    while (!terminated) {
      ExportCall call = inProgress;
      long wait = period;
      if (call != null) {
        long overdue = System.nanoTime() - (call.startNanos + exportTimeoutNanos);
        if (overdue >= 0) {
          if (call.settle()) {
            Thread stuck = worker;
            hungCalls.incrementAndGet();
            inProgress = null;
            failBatch(call.size, true, "the exporter did not return within the export timeout", null, false);
            stuck.interrupt();
            startWorker();
          }
          continue;
        }
        wait = Math.min(period, -overdue);
      }
      LockSupport.parkNanos(this, wait);
    }
  }

  @Override
  public String toString() {
    return "BatchSpanProcessor{exporter=" + exporter + ", maxQueueSize=" + queue.capacity()
        + ", maxExportBatchSize=" + maxExportBatchSize + '}';
  }

  /** One synchronous exporter call; settled once, by the worker on return or the watchdog on timeout. */
  private static final class ExportCall {
    final int size;
    final long startNanos;
    private final AtomicBoolean settled = new AtomicBoolean();

    ExportCall(int size, long startNanos) {
      this.size = size;
      this.startNanos = startNanos;
    }

    boolean settle() {
      return settled.compareAndSet(false, true);
    }
  }

  private static final class FlushRequest {
    final long target;
    final long failedBatchesBefore;
    final ExportResult result = ExportResult.pending();

    FlushRequest(long target, long failedBatchesBefore) {
      this.target = target;
      this.failedBatchesBefore = failedBatchesBefore;
    }
  }

  /** Configures a {@link BatchSpanProcessor}; every setting is checked when set. */
  public static final class Builder {
    private final SpanExporter exporter;
    private int maxQueueSize = 2048;
    private int maxExportBatchSize = 512;
    private Duration scheduleDelay = Duration.ofSeconds(1);
    private Duration exportTimeout = Duration.ofSeconds(30);
    private boolean registerShutdownHook;

    private Builder(SpanExporter exporter) {
      this.exporter = exporter;
    }

    /** How many spans may wait for export (default 2048), rounded up to a power of two. */
    public Builder maxQueueSize(int value) {
      if (value <= 0) {
        throw new IllegalArgumentException("maxQueueSize must be > 0, was " + value);
      }
      if (value > 1 << 30) {
        throw new IllegalArgumentException("maxQueueSize must be <= " + (1 << 30) + ", was " + value);
      }
      this.maxQueueSize = Math.max(2, roundUp(value));
      return this;
    }

    private static int roundUp(int value) {
      int power = Integer.highestOneBit(value);
      return power == value ? value : power << 1;
    }

    /** Most spans in one export call (default 512). */
    public Builder maxExportBatchSize(int value) {
      if (value <= 0) {
        throw new IllegalArgumentException("maxExportBatchSize must be > 0, was " + value);
      }
      this.maxExportBatchSize = value;
      return this;
    }

    /** Longest a span waits before a partial batch is exported (default 1 s). */
    public Builder scheduleDelay(Duration value) {
      this.scheduleDelay = positive("scheduleDelay", value);
      return this;
    }

    /** How long one export may take before its batch is counted failed (default 30 s). */
    public Builder exportTimeout(Duration value) {
      this.exportTimeout = positive("exportTimeout", value);
      return this;
    }

    /** Whether to shut down (and so flush) when the JVM exits (default off). */
    public Builder registerShutdownHook(boolean value) {
      this.registerShutdownHook = value;
      return this;
    }

    /** Starts the processor and its worker thread. */
    public BatchSpanProcessor build() {
      if (maxExportBatchSize > maxQueueSize) {
        throw new IllegalArgumentException(
            "maxExportBatchSize must be <= maxQueueSize (" + maxQueueSize + "), was " + maxExportBatchSize);
      }
      return new BatchSpanProcessor(this);
    }

    private static Duration positive(String setting, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be > 0, was " + value);
      }
      return value;
    }
  }
}
