package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Span;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.core.export.SpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LifecycleTest {

  /** Completes each export only when the test says so, as a network exporter would. */
  static final class AsyncExporter implements SpanExporter {
    final List<ExportResult> pending = new CopyOnWriteArrayList<>();
    final AtomicInteger shutdowns = new AtomicInteger();
    volatile boolean completeShutdown = true;

    @Override
    public ExportResult export(Collection<SpanData> spans) {
      ExportResult result = ExportResult.pending();
      pending.add(result);
      return result;
    }

    @Override
    public ExportResult shutdown() {
      shutdowns.incrementAndGet();
      return completeShutdown ? ExportResult.success() : ExportResult.pending();
    }
  }

  @Test
  void forceFlush_waitsForExportsStillInFlight() throws Exception {
    AsyncExporter exporter = new AsyncExporter();
    SimpleSpanProcessor processor = SimpleSpanProcessor.create(exporter);
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    tracing.tracer("t").span("a").start().end();
    assertThat(tracing.forceFlush(Duration.ofMillis(50))).isFalse();

    Thread completer = new Thread(() -> exporter.pending.get(0).succeed());
    completer.start();
    assertThat(tracing.forceFlush(Duration.ofSeconds(10))).isTrue();
    completer.join();
    assertThat(processor.exportedCount()).isEqualTo(1);
    assertThat(tracing.shutdown(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void shutdown_isIdempotent_shutsTheExporterDownOnce_andLaterSpansAreNoops() {
    AsyncExporter exporter = new AsyncExporter();
    SimpleSpanProcessor processor = SimpleSpanProcessor.create(exporter);
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    Span open = tracing.tracer("t").span("open across shutdown").start();

    assertThat(tracing.shutdown(Duration.ofSeconds(5))).isTrue();
    assertThat(tracing.shutdown(Duration.ofSeconds(5))).isTrue();
    tracing.close();
    assertThat(exporter.shutdowns.get()).isEqualTo(1);
    assertThat(tracing.isShutdown()).isTrue();

    Span after = tracing.tracer("t").span("after").start();
    assertThat(after.isRecording()).isFalse();
    after.end();
    open.end();
    assertThat(processor.droppedShutdownCount()).isEqualTo(1);
    assertThat(exporter.pending).isEmpty();
  }

  @Test
  void shutdown_isBoundedByItsTimeout_whenAnExporterNeverAnswers() {
    AsyncExporter exporter = new AsyncExporter();
    exporter.completeShutdown = false;
    Tracing tracing = Tracing.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    assertThat(tracing.shutdown(Duration.ofMillis(100))).isFalse();
    assertThat(tracing.isShutdown()).isTrue();
  }

  @Test
  void throwingProcessor_neverReachesTheApplication_andOthersStillRun() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SpanProcessor broken = span -> {
      throw new IllegalStateException("processor bug");
    };
    try (Tracing tracing = Tracing.builder()
        .addSpanProcessor(broken)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build()) {
      tracing.tracer("t").span("a").start().end();
      tracing.tracer("t").span("b").start().end();
      assertThat(exporter.finishedSpans()).hasSize(2);
      assertThat(tracing.stats().processorFailures()).isEqualTo(2);
    }
  }

  @Test
  void throwingExporter_isCountedAsFailed() {
    SpanExporter broken = new SpanExporter() {
      @Override
      public ExportResult export(Collection<SpanData> spans) {
        throw new IllegalStateException("exporter bug");
      }

      @Override
      public ExportResult shutdown() {
        return ExportResult.success();
      }
    };
    SimpleSpanProcessor processor = SimpleSpanProcessor.create(broken);
    try (Tracing tracing = Tracing.builder().addSpanProcessor(processor).build()) {
      tracing.tracer("t").span("a").start().end();
    }
    assertThat(processor.failedCount()).isEqualTo(1);
    assertThat(processor.exportedCount()).isZero();
  }

  @Test
  void simpleProcessor_countsASpanTheExporterDroppedItself_asDroppedNotExported() {
    AsyncExporter exporter = new AsyncExporter();
    SimpleSpanProcessor processor = SimpleSpanProcessor.create(exporter);
    try (Tracing tracing = Tracing.builder().addSpanProcessor(processor).build()) {
      tracing.tracer("t").span("too large").start().end();
      tracing.tracer("t").span("fine").start().end();
      exporter.pending.get(0).succeed(1);
      exporter.pending.get(1).succeed();
    }
    assertThat(processor.droppedByExporterCount()).isEqualTo(1);
    assertThat(processor.exportedCount()).isEqualTo(1);
    assertThat(processor.failedCount()).isZero();
  }

  @Test
  void misconfiguration_failsFastNamingTheSetting() {
    Tracing.Builder builder = Tracing.builder();
    assertThatThrownBy(() -> builder.sampler(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sampler must not be null");
    assertThatThrownBy(() -> builder.addSpanProcessor(null)).hasMessage("spanProcessor must not be null");
    assertThatThrownBy(() -> builder.serviceName(" ")).hasMessage("serviceName must not be blank");
    assertThatThrownBy(() -> builder.clock(null)).hasMessage("clock must not be null");
    assertThatThrownBy(() -> SimpleSpanProcessor.create(null)).hasMessage("exporter must not be null");
    assertThatThrownBy(() -> SpanLimits.builder().maxAttributes(-1))
        .hasMessage("maxAttributes must be >= 0, was -1");
    assertThatThrownBy(() -> SpanLimits.builder().maxAttributeValueLength(-5))
        .hasMessage("maxAttributeValueLength must be >= 0, was -5");
  }

  @Test
  void resource_namesTheServiceAndDescribesTheProcess() {
    try (Tracing tracing = Tracing.builder().serviceName("order").resourceAttribute("service.version", "2.1").build()) {
      assertThat(tracing.resource().serviceName()).isEqualTo("order");
      assertThat(tracing.resource().attributes().asMap())
          .containsEntry("service.version", "2.1")
          .containsEntry("telemetry.sdk.name", "ariadne")
          .containsEntry("telemetry.sdk.language", "java")
          .containsEntry("process.pid", ProcessHandle.current().pid())
          .containsKeys("telemetry.sdk.version", "process.runtime.version");
      assertThat(tracing.resource().attributes().get("telemetry.sdk.version")).isNotEqualTo("unknown");
    }
  }

  @Test
  void tracers_areCachedPerNameAndVersion() {
    try (Tracing tracing = Tracing.builder().build()) {
      assertThat(tracing.tracer("a")).isSameAs(tracing.tracer("a"));
      assertThat(tracing.tracer("a", "1")).isNotSameAs(tracing.tracer("a", "2"));
    }
  }

  @Test
  void exportResultAll_completesWhenEveryPartHas_andFailsIfAnyFailed() {
    ExportResult a = ExportResult.pending();
    ExportResult b = ExportResult.pending();
    List<ExportResult> parts = new ArrayList<>(List.of(a, b));
    ExportResult all = ExportResult.all(parts);
    a.succeed();
    assertThat(all.isDone()).isFalse();
    IllegalStateException cause = new IllegalStateException("503");
    b.fail(cause);
    assertThat(all.isDone()).isTrue();
    assertThat(all.isSuccess()).isFalse();
    assertThat(all.failureCause()).isSameAs(cause);
    assertThat(b.succeed()).isFalse();
  }
}
