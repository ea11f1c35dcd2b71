package dev.ariadne.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.sampling.Sampler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BatchSpanProcessorTest {
  private static final Duration LONG = Duration.ofHours(1);
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** An exporter whose behaviour each test sets; counts calls and spans. */
  static class ScriptedExporter implements SpanExporter {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicLong spans = new AtomicLong();
    final AtomicInteger shutdowns = new AtomicInteger();

    ExportResult respond(Collection<SpanData> batch, int call) {
      return ExportResult.success();
    }

    @Override
    public ExportResult export(Collection<SpanData> batch) {
      int call = calls.incrementAndGet();
      ExportResult result = respond(batch, call);
      if (result != null && result.isSuccess()) {
        spans.addAndGet(batch.size());
      }
      return result;
    }

    @Override
    public ExportResult shutdown() {
      shutdowns.incrementAndGet();
      return ExportResult.success();
    }
  }

  private static void endSpans(Tracer tracer, int count) {
    for (int i = 0; i < count; i++) {
      tracer.span("s").start().end();
    }
  }

  private static void assertIdentity(BatchStats stats) {
    assertThat(stats.ended()).isEqualTo(stats.exported() + stats.droppedQueueFull() + stats.droppedExportFailed()
        + stats.droppedByExporter() + stats.droppedShutdown() + stats.pending());
    assertThat(stats.dropped()).isEqualTo(stats.droppedQueueFull() + stats.droppedExportFailed()
        + stats.droppedByExporter() + stats.droppedShutdown());
    assertThat(stats.pending()).isNotNegative();
  }

  @Test
  void eightProducers_everySpanExportedExactlyOnce() throws Exception {
    int producers = 8;
    int perProducer = 100_000;
    AtomicIntegerArray seen = new AtomicIntegerArray(producers * perProducer);
    SpanExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        for (SpanData span : batch) {
          seen.incrementAndGet(((Long) span.attributes().get("seq")).intValue());
        }
        return ExportResult.success();
      }
    };
    // a queue large enough for everything, so "none missing" does not depend on scheduling
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).maxQueueSize(1 << 20).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.tracer("stress");
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      futures.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < perProducer; i++) {
          tracer.span("produce").attribute("seq", base + i).start().end();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get(2, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(tracing.shutdown(WAIT)).isTrue();

    for (int i = 0; i < seen.length(); i++) {
      if (seen.get(i) != 1) {
        throw new AssertionError("span " + i + " exported " + seen.get(i) + " times");
      }
    }
    BatchStats stats = processor.stats();
    assertThat(stats.exported()).isEqualTo(800_000);
    assertThat(stats.ended()).isEqualTo(800_000);
    assertThat(stats.dropped()).isZero();
    assertThat(stats.pending()).isZero();
  }

  @Test
  void slowExporter_smallQueue_dropsAndCounts_identityHolds_andMemoryStaysBounded() throws Exception {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // a slow backend
        return ExportResult.success();
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .maxQueueSize(64).maxExportBatchSize(16).scheduleDelay(Duration.ofMillis(5)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.tracer("overload");
    int producers = 4;
    int perProducer = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(producers);
    List<Future<?>> futures = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      futures.add(pool.submit(() -> endSpans(tracer, perProducer)));
    }
    long maxPending = 0;
    while (!futures.stream().allMatch(Future::isDone)) {
      BatchStats before = processor.stats();
      BatchStats after = processor.stats();
      assertIdentity(before);
      // A snapshot reads the worker's counters before the producers' and so may overstate what is
      // pending; spans accepted by the first snapshot minus those resolved by the second can only
      // understate it, so this bound never fails falsely and still catches unbounded growth.
      long accepted = before.ended() - before.droppedQueueFull() - before.droppedShutdown();
      long atMostPending = accepted - after.exported() - after.droppedExportFailed();
      maxPending = Math.max(maxPending, atMostPending);
      Thread.onSpinWait();
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    assertThat(tracing.shutdown(WAIT)).isTrue();

    BatchStats stats = processor.stats();
    assertIdentity(stats);
    assertThat(stats.ended()).isEqualTo((long) producers * perProducer);
    assertThat(stats.pending()).isZero();
    assertThat(stats.droppedQueueFull()).isPositive();
    assertThat(stats.exported()).isEqualTo(exporter.spans.get());
    // in flight at most: a full queue plus the batch being exported
    assertThat(maxPending).isLessThanOrEqualTo(64 + 16);
  }

  @Test
  void fullBatch_wakesTheWorkerWithoutWaitingForTheDelay() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .maxExportBatchSize(10).scheduleDelay(LONG).build();
    try (Tracing tracing = Tracing.builder().addSpanProcessor(processor).build()) {
      endSpans(tracing.tracer("t"), 10);
      assertThat(exporter.awaitSpans(10, WAIT)).hasSize(10);
    }
  }

  @Test
  void partialBatch_isExportedAfterTheScheduleDelay() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .scheduleDelay(Duration.ofMillis(20)).build();
    try (Tracing tracing = Tracing.builder().addSpanProcessor(processor).build()) {
      endSpans(tracing.tracer("t"), 3);
      assertThat(exporter.awaitSpans(3, WAIT)).hasSize(3);
    }
  }

  @Test
  void forceFlush_exportsEverythingEndedBeforeIt() {
    ScriptedExporter exporter = new ScriptedExporter();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 1234);
    assertThat(tracing.forceFlush(WAIT)).isTrue();
    assertThat(exporter.spans.get()).isEqualTo(1234);
    assertThat(processor.stats().pending()).isZero();
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void shutdown_exportsPendingSpans_shutsTheExporterDownOnce_andLeavesNoThreadBehind() throws Exception {
    ScriptedExporter exporter = new ScriptedExporter();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Tracer tracer = tracing.tracer("t");
    endSpans(tracer, 700);

    assertThat(processor.shutdown().await(WAIT)).isTrue();
    assertThat(processor.shutdown().await(WAIT)).isTrue();
    assertThat(exporter.spans.get()).isEqualTo(700);
    assertThat(exporter.shutdowns.get()).isEqualTo(1);
    awaitThreadsGone(processor.threadPrefix());
    assertThat(processor.isWorkerAlive()).isFalse();

    endSpans(tracer, 5); // after shutdown
    BatchStats stats = processor.stats();
    assertThat(stats.droppedShutdown()).isEqualTo(5);
    assertThat(stats.exported()).isEqualTo(700);
    assertIdentity(stats);
  }

  static void awaitThreadsGone(String prefix) throws InterruptedException {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        thread.join(WAIT.toMillis());
        assertThat(thread.isAlive()).as(thread.getName() + " still alive").isFalse();
      }
    }
  }

  @Test
  void throwingExporter_costsItsBatch_andTheWorkerCarriesOn() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        if (call == 1) {
          throw new IllegalStateException("collector client bug (expected by the test)");
        }
        return ExportResult.success();
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 5);
    assertThat(tracing.forceFlush(WAIT)).as("the flush saw a failed batch").isFalse();
    endSpans(tracing.tracer("t"), 7);
    assertThat(tracing.forceFlush(WAIT)).isTrue();
    BatchStats stats = processor.stats();
    assertThat(stats.droppedExportFailed()).isEqualTo(5);
    assertThat(stats.failedBatches()).isEqualTo(1);
    assertThat(stats.exported()).isEqualTo(7);
    assertThat(processor.isWorkerAlive()).isTrue();
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void spansTheExporterDropsWithinASuccessfulExport_areCountedAsDroppedByExporter_notExported() throws Exception {
    List<Thread> completers = new CopyOnWriteArrayList<>();
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        // answered later on another thread, as a network exporter does
        ExportResult result = ExportResult.pending();
        Thread completer = new Thread(() -> result.succeed(2));
        completers.add(completer);
        completer.start();
        return result;
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 10);

    assertThat(tracing.forceFlush(WAIT)).as("a partly dropped batch is no failure").isTrue();

    assertThat(exporter.calls.get()).isEqualTo(1);
    BatchStats stats = processor.stats();
    assertThat(stats.ended()).isEqualTo(10);
    assertThat(stats.exported()).isEqualTo(8);
    assertThat(stats.droppedByExporter()).isEqualTo(2);
    assertThat(stats.droppedExportFailed()).isZero();
    assertThat(stats.failedBatches()).isZero();
    assertThat(stats.dropped()).isEqualTo(2);
    assertThat(stats.pending()).isZero();
    assertIdentity(stats);
    assertThat(stats.toString()).contains("exported=8", "droppedByExporter=2");
    assertThat(tracing.shutdown(WAIT)).isTrue();
    for (Thread completer : completers) {
      completer.join();
    }
  }

  @Test
  void aBatchThatFailedInPart_countsOnlyTheFailedSpansAsFailed() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        // sent in parts: 3 spans failed, 1 was dropped by the exporter, the other 6 were sent
        ExportResult sent = ExportResult.success(1);
        ExportResult failed = ExportResult.failure(new IllegalStateException("HTTP 400"), 3);
        return ExportResult.all(List.of(sent, failed));
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 10);

    assertThat(tracing.forceFlush(WAIT)).as("a batch that failed in part fails the flush").isFalse();

    BatchStats stats = processor.stats();
    assertThat(stats.exported()).isEqualTo(6);
    assertThat(stats.droppedByExporter()).isEqualTo(1);
    assertThat(stats.droppedExportFailed()).isEqualTo(3);
    assertThat(stats.failedBatches()).isEqualTo(1);
    assertThat(stats.pending()).isZero();
    assertIdentity(stats);
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void aFailureNamingAsManySpansAsTheBatchOrMore_orNone_failsTheWholeBatch() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        return call == 1 ? ExportResult.failure(new IllegalStateException("x"), 1_000)
            : ExportResult.failure(new IllegalStateException("y"));
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 4);
    assertThat(tracing.forceFlush(WAIT)).isFalse();
    endSpans(tracing.tracer("t"), 5);
    assertThat(tracing.forceFlush(WAIT)).isFalse();

    BatchStats stats = processor.stats();
    assertThat(stats.exported()).isZero();
    assertThat(stats.droppedExportFailed()).isEqualTo(9);
    assertThat(stats.failedBatches()).isEqualTo(2);
    assertIdentity(stats);
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void exporterReportingMoreDropsThanItWasGiven_countsTheWholeBatchOnce() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        return ExportResult.success(batch.size() + 1000);
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 10);

    assertThat(tracing.forceFlush(WAIT)).isTrue();

    BatchStats stats = processor.stats();
    assertThat(stats.exported()).isZero();
    assertThat(stats.droppedByExporter()).isEqualTo(10);
    assertThat(stats.pending()).isZero();
    assertIdentity(stats);
    assertThat(tracing.shutdown(WAIT)).isTrue();
  }

  @Test
  void failingExporter_isCountedAsExportFailed() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        return ExportResult.failure(new IllegalStateException("503 from the collector"));
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 600);
    tracing.shutdown(WAIT);
    BatchStats stats = processor.stats();
    assertThat(stats.droppedExportFailed()).isEqualTo(600);
    assertThat(stats.failedBatches()).isEqualTo(2); // 512 + 88
    assertThat(stats.exported()).isZero();
    assertIdentity(stats);
  }

  /** Runs {@code body} with the processor's log lines captured at every level, and returns them. */
  private static List<ILoggingEvent> processorLog(Runnable body) {
    Logger logger = (Logger) LoggerFactory.getLogger(BatchSpanProcessor.class);
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false); // for the list only, not the build's console
    logger.addAppender(appender);
    try {
      body.run();
      return List.copyOf(appender.list);
    } finally {
      logger.detachAppender(appender);
      logger.setAdditive(true);
      logger.setLevel(before);
    }
  }

  @Test
  void reportedFailure_isOneWarningLineWithTheCause_andTheStackTraceOnlyAtDebug() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        return ExportResult.failure(new IllegalStateException("could not connect to http://collector:4318/v1/traces",
            new java.net.ConnectException()));
      }
    };
    List<ILoggingEvent> log = processorLog(() -> {
      BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
      Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
      endSpans(tracing.tracer("t"), 3);
      tracing.forceFlush(WAIT);
      tracing.shutdown(WAIT);
    });

    List<ILoggingEvent> dropped = log.stream()
        .filter(e -> e.getFormattedMessage().startsWith("dropped a batch")).toList();
    assertThat(dropped).singleElement().satisfies(e -> {
      assertThat(e.getLevel()).isEqualTo(Level.WARN);
      assertThat(e.getThrowableProxy()).isNull();
      assertThat(e.getFormattedMessage()).startsWith("dropped a batch of 3 spans: the exporter reported failure: "
          + "java.lang.IllegalStateException: could not connect to http://collector:4318/v1/traces (counted in");
    });
    assertThat(log).filteredOn(e -> e.getLevel() == Level.DEBUG && e.getThrowableProxy() != null)
        .singleElement()
        .satisfies(e -> assertThat(e.getThrowableProxy().getClassName()).isEqualTo("java.lang.IllegalStateException"));
  }

  @Test
  void exporterThatThrows_isABug_andItsStackTraceStaysAtWarn() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        throw new UnsupportedOperationException("not written yet");
      }
    };
    List<ILoggingEvent> log = processorLog(() -> {
      BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).scheduleDelay(LONG).build();
      Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
      endSpans(tracing.tracer("t"), 2);
      tracing.forceFlush(WAIT);
      tracing.shutdown(WAIT);
    });

    assertThat(log).filteredOn(e -> e.getFormattedMessage().startsWith("dropped a batch")).singleElement()
        .satisfies(e -> {
          assertThat(e.getLevel()).isEqualTo(Level.WARN);
          assertThat(e.getFormattedMessage()).startsWith("dropped a batch of 2 spans: the exporter threw (counted in");
          assertThat(e.getThrowableProxy().getClassName()).isEqualTo("java.lang.UnsupportedOperationException");
        });
  }

  @Test
  void hangingExporter_costsItsBatchAfterTheTimeout_andNeverWedgesTheWorker() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        if (call == 1) {
          try {
            release.await(); // hangs until the test releases it (or the processor interrupts it)
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ExportResult.failure();
        }
        return ExportResult.success();
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .scheduleDelay(LONG).exportTimeout(Duration.ofMillis(200)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 3);
    assertThat(tracing.forceFlush(WAIT)).isFalse();
    BatchStats afterHang = processor.stats();
    assertThat(afterHang.timedOutBatches()).isEqualTo(1);
    assertThat(afterHang.droppedExportFailed()).isEqualTo(3);

    release.countDown();
    endSpans(tracing.tracer("t"), 4);
    assertThat(tracing.forceFlush(WAIT)).isTrue();
    assertThat(processor.stats().exported()).isEqualTo(4);
    assertThat(processor.isWorkerAlive()).isTrue();
    assertThat(tracing.shutdown(WAIT)).isTrue();
    assertIdentity(processor.stats());
    awaitThreadsGone(processor.threadPrefix());
  }

  @Test
  void exporterIgnoringInterrupts_isNeverCalledConcurrently_laterBatchesFailUntilItReturns() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxConcurrent = new AtomicInteger();
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
        try {
          while (call == 1 && release.getCount() > 0) {
            try {
              release.await();
            } catch (InterruptedException ignored) {
              // a badly behaved client: keeps waiting
            }
          }
          return ExportResult.success();
        } finally {
          concurrent.decrementAndGet();
        }
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .scheduleDelay(LONG).exportTimeout(Duration.ofMillis(100)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 3);
    assertThat(tracing.forceFlush(WAIT)).isFalse();
    endSpans(tracing.tracer("t"), 2);
    assertThat(tracing.forceFlush(WAIT)).as("the exporter is still stuck: counted, not called").isFalse();
    assertThat(exporter.calls.get()).isEqualTo(1);

    release.countDown();
    BatchStats stats = processor.stats();
    for (int i = 0; i < 1000 && exporter.calls.get() < 2; i++) {
      // the stuck call returns on its own thread; keep offering batches until one gets through
      endSpans(tracing.tracer("t"), 1);
      tracing.forceFlush(WAIT);
    }
    assertThat(exporter.calls.get()).isGreaterThanOrEqualTo(2);
    assertThat(maxConcurrent.get()).isEqualTo(1);
    assertThat(stats.droppedExportFailed()).isEqualTo(5);
    assertThat(stats.timedOutBatches()).isEqualTo(1);
    assertThat(tracing.shutdown(WAIT)).isTrue();
    assertIdentity(processor.stats());
  }

  @Test
  void asyncExportThatNeverCompletes_timesOut_andIsCounted() {
    ScriptedExporter exporter = new ScriptedExporter() {
      @Override
      ExportResult respond(Collection<SpanData> batch, int call) {
        return call == 1 ? ExportResult.pending() : ExportResult.success();
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter)
        .scheduleDelay(LONG).exportTimeout(Duration.ofMillis(100)).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    endSpans(tracing.tracer("t"), 2);
    tracing.forceFlush(WAIT);
    endSpans(tracing.tracer("t"), 2);
    assertThat(tracing.forceFlush(WAIT)).isTrue();
    BatchStats stats = processor.stats();
    assertThat(stats.timedOutBatches()).isEqualTo(1);
    assertThat(stats.droppedExportFailed()).isEqualTo(2);
    assertThat(stats.exported()).isEqualTo(2);
    tracing.shutdown(WAIT);
  }

  @Test
  void recordOnlySpans_areNotQueued() {
    ScriptedExporter exporter = new ScriptedExporter();
    BatchSpanProcessor processor = BatchSpanProcessor.builder(exporter).build();
    Sampler recordOnly = Sampler.parentBasedBuilder(Sampler.alwaysOff()).build();
    try (Tracing tracing = Tracing.builder().sampler(recordOnly).addSpanProcessor(processor).build()) {
      endSpans(tracing.tracer("t"), 10);
    }
    assertThat(processor.stats().ended()).isZero();
    assertThat(exporter.calls.get()).isZero();
  }

  @Test
  void builder_validatesEverySetting_namingIt() {
    ScriptedExporter exporter = new ScriptedExporter();
    assertThatThrownBy(() -> BatchSpanProcessor.builder(null)).hasMessage("exporter must not be null");
    assertThatThrownBy(() -> BatchSpanProcessor.builder(exporter).maxQueueSize(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxQueueSize must be > 0, was -1");
    assertThatThrownBy(() -> BatchSpanProcessor.builder(exporter).maxExportBatchSize(0))
        .hasMessage("maxExportBatchSize must be > 0, was 0");
    assertThatThrownBy(() -> BatchSpanProcessor.builder(exporter).scheduleDelay(Duration.ZERO))
        .hasMessage("scheduleDelay must be > 0, was PT0S");
    assertThatThrownBy(() -> BatchSpanProcessor.builder(exporter).exportTimeout(null))
        .hasMessage("exportTimeout must be > 0, was null");
    assertThatThrownBy(() -> BatchSpanProcessor.builder(exporter).maxQueueSize(100).maxExportBatchSize(200).build())
        .hasMessage("maxExportBatchSize must be <= maxQueueSize (128), was 200");
  }

  @Test
  void shutdownHook_exportsPendingSpans_whenTheJvmExitsWithoutShutdown() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        ShutdownHookMain.class.getName()).redirectErrorStream(true).start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(output).contains("exported 10 spans before exit");
  }

  @Test
  void maxQueueSize_isRoundedUpToAPowerOfTwo() {
    BatchSpanProcessor processor = BatchSpanProcessor.builder(new ScriptedExporter())
        .maxQueueSize(1000).maxExportBatchSize(10).build();
    try {
      assertThat(processor.toString()).contains("maxQueueSize=1024");
    } finally {
      processor.shutdown().await(WAIT);
    }
  }
}
