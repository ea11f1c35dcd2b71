package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.ReadWriteSpan;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Failures of every kind, in processors, exporters, samplers and racing callers, never reach the application. */
class RobustnessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void eventsRacedFromTwoThreads_neverThrow_andStayWithinTheLimit() throws Exception {
    try (Tracing tracing = Tracing.builder().spanLimits(SpanLimits.builder().maxEvents(40).build()).build()) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 300; round++) {
          Span span = tracing.tracer("t").span("shared").start();
          CountDownLatch go = new CountDownLatch(1);
          List<Future<?>> futures = new ArrayList<>();
          for (int t = 0; t < 2; t++) {
            futures.add(pool.submit(() -> {
              go.await();
              for (int i = 0; i < 40; i++) {
                span.event("e");
              }
              return null;
            }));
          }
          go.countDown();
          for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS); // throws if an event() call threw
          }
          span.end();
          assertThat(((SpanData) span).events().size()).isLessThanOrEqualTo(40);
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aSpanSeenAsEnded_alwaysHasItsEndTime() throws Exception {
    ConcurrentLinkedQueue<SpanData> started = new ConcurrentLinkedQueue<>();
    SpanProcessor keepsStartedSpans = new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        started.add(span);
      }

      @Override
      public boolean isStartRequired() {
        return true;
      }

      @Override
      public void onEnd(SpanData span) {}
    };
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger torn = new AtomicInteger();
    Thread reader = new Thread(() -> {
      while (!done.get()) {
        SpanData span = started.poll();
        if (span != null) {
          while (!span.hasEnded() && !done.get()) {
            Thread.onSpinWait();
          }
          if (span.hasEnded() && span.endEpochNanos() == 0) {
            torn.incrementAndGet();
          }
        }
      }
    });
    reader.start();
    try (Tracing tracing = Tracing.builder().addSpanProcessor(keepsStartedSpans).build()) {
      for (int i = 0; i < 200_000; i++) {
        tracing.tracer("t").span("s").start().end();
      }
    } finally {
      done.set(true);
      reader.join();
    }
    assertThat(torn.get()).isZero();
  }

  @Test
  void anExceptionWhoseMessageThrows_stillReachesTheCaller() {
    IllegalStateException original = new IllegalStateException() {
      @Override
      public String getMessage() {
        throw new UnsupportedOperationException("broken getMessage");
      }
    };
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
      assertThatThrownBy(() -> tracing.tracer("t").span("work").run(() -> {
        throw original;
      })).isSameAs(original);
    }
    assertThat(exporter.finishedSpans().get(0).status()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void droppedChildOfAnUnsampledRemoteParent_hasItsOwnLocalContext() {
    try (Tracing tracing = Tracing.builder().build()) {
      SpanContext remote = SpanContext.createFromRemoteParent(7, 8, 9, TraceFlags.NONE, TraceState.empty());
      Span server = tracing.tracer("t").span("server").parent(Context.root().with(Span.wrap(remote))).start();
      assertThat(server.isRecording()).isFalse();
      assertThat(server.spanContext().isRemote()).isFalse();
      assertThat(server.spanContext().spanId()).isNotEqualTo(9);
      assertThat(server.spanContext().traceIdLow()).isEqualTo(8);
      try (var ignored = server.makeCurrent()) {
        Span db = tracing.tracer("t").span("db").start();
        assertThat(db).as("a local unsampled parent's span may be shared").isSameAs(server);
      }
    }
  }

  @Test
  void droppedChildOfAnEndedRecordOnlyParent_isNotTheParent() {
    Sampler recordOnlyRoots = Sampler.parentBasedBuilder(constant(SamplingResult.recordOnly()))
        .localParentNotSampled(Sampler.alwaysOff()).build();
    try (Tracing tracing = Tracing.builder().sampler(recordOnlyRoots).build()) {
      Span parent = tracing.tracer("t").span("parent").start();
      parent.end();
      Span child = tracing.tracer("t").span("child").parent(Context.root().with(parent)).start();
      assertThat(child).isNotSameAs(parent);
      child.end();
      assertThat(tracing.stats().callsAfterEnd()).isZero();
    }
  }

  @Test
  void aSingleProcessorWhoseFlushThrowsOrReturnsNull_failsTheFlushWithoutThrowing() {
    SpanProcessor throwing = new SpanProcessor() {
      @Override
      public void onEnd(SpanData span) {}

      @Override
      public ExportResult forceFlush() {
        throw new IllegalStateException("flush bug");
      }

      @Override
      public ExportResult shutdown() {
        return null;
      }
    };
    Tracing tracing = Tracing.builder().addSpanProcessor(throwing).build();
    assertThat(tracing.forceFlush(WAIT)).isFalse();
    assertThat(tracing.shutdown(WAIT)).isFalse();
    assertThat(tracing.shutdown(WAIT)).as("the second call waits on the same, completed result").isFalse();
  }

  @Test
  void exporterShutdownFailure_isReported_andSecondShutdownWaitsOnTheFirst() {
    SpanExporter failingShutdown = new SpanExporter() {
      @Override
      public ExportResult export(Collection<SpanData> spans) {
        return ExportResult.success();
      }

      @Override
      public ExportResult shutdown() {
        return ExportResult.failure(new IllegalStateException("could not close the connection"));
      }
    };
    SimpleSpanProcessor processor = SimpleSpanProcessor.create(failingShutdown);
    ExportResult first = processor.shutdown();
    assertThat(processor.shutdown()).isSameAs(first);
    assertThat(first.await(WAIT)).isTrue();
    assertThat(first.isSuccess()).isFalse();
  }

  @Test
  void shutdownIsBoundedByItsTimeout_evenWhenTheExporterBlocksTheCallingThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SpanExporter blocking = new SpanExporter() {
      @Override
      public ExportResult export(Collection<SpanData> spans) {
        return ExportResult.success();
      }

      @Override
      public ExportResult shutdown() {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ExportResult.success();
      }
    };
    Tracing tracing = Tracing.builder().addSpanProcessor(SimpleSpanProcessor.create(blocking)).build();
    try {
      assertThat(tracing.shutdown(Duration.ofMillis(200))).isFalse();
    } finally {
      release.countDown();
    }
    assertThat(tracing.shutdown(WAIT)).as("completes once the exporter returns").isTrue();
  }

  @Test
  void exportResultAll_waitsForEveryPart_evenAfterAFailure() {
    ExportResult slow = ExportResult.pending();
    ExportResult all = ExportResult.all(List.of(ExportResult.failure(), slow));
    assertThat(all.isDone()).isFalse();
    slow.succeed();
    assertThat(all.isDone()).isTrue();
    assertThat(all.isSuccess()).isFalse();
  }

  @Test
  void aThrowingOnStart_doesNotKeepOtherProcessorsFromStarting() {
    AtomicInteger starts = new AtomicInteger();
    SpanProcessor throwing = starting(() -> {
      throw new IllegalStateException("onStart bug");
    });
    SpanProcessor counting = starting(starts::incrementAndGet);
    try (Tracing tracing = Tracing.builder().addSpanProcessor(throwing).addSpanProcessor(counting).build()) {
      tracing.tracer("t").span("s").start().end();
      assertThat(starts.get()).isEqualTo(1);
      assertThat(tracing.stats().processorFailures()).isEqualTo(1);
    }
  }

  private static SpanProcessor starting(Runnable onStart) {
    return new SpanProcessor() {
      @Override
      public void onStart(Context parentContext, ReadWriteSpan span) {
        onStart.run();
      }

      @Override
      public boolean isStartRequired() {
        return true;
      }

      @Override
      public void onEnd(SpanData span) {}
    };
  }

  @Test
  void aSamplerThatThrowsEverywhere_orReturnsNull_neverReachesTheApplication_andIsCounted() {
    Sampler hostile = new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, long traceIdHigh, long traceIdLow, String name,
          SpanKind kind, Attributes attributes, List<Link> links) {
        throw new IllegalStateException("shouldSample bug");
      }

      @Override
      public String description() {
        throw new IllegalStateException("description bug");
      }
    };
    try (Tracing tracing = Tracing.builder().sampler(hostile).build()) {
      tracing.tracer("t").span("s").start().end();
      assertThat(tracing.stats().samplerFailures()).isEqualTo(1);
    }
    try (Tracing tracing = Tracing.builder().sampler(constant(null)).build()) {
      Span span = tracing.tracer("t").span("s").start();
      assertThat(span.isRecording()).isFalse();
      assertThat(tracing.stats().samplerFailures()).isEqualTo(1);
    }
  }

  @Test
  void afterShutdown_newSpansStillCarryTheirParentsContext() {
    Tracing tracing = Tracing.builder().build();
    try (ScopedSpan request = tracing.tracer("t").span("request").startScoped()) {
      tracing.shutdown(WAIT);
      Span outgoing = tracing.tracer("t").span("outgoing").start();
      assertThat(outgoing.isRecording()).isFalse();
      assertThat(outgoing.spanContext()).isEqualTo(request.spanContext());
    }
  }

  private static Sampler constant(SamplingResult result) {
    return new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parentContext, long traceIdHigh, long traceIdLow, String name,
          SpanKind kind, Attributes attributes, List<Link> links) {
        return result;
      }

      @Override
      public String description() {
        return "constant";
      }
    };
  }
}
