package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Span;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

class LeakDetectionTest {

  @Test
  void spanCollectedWithoutEnd_isCountedAsLeaked_endedOnesAreNot() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder()
        .leakDetection(LeakDetection.ON_WITH_STACK_TRACES)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build()) {
      Tracer tracer = tracing.tracer("t");
      tracer.span("properly ended").start().end();
      startAndForget(tracer);

      // Wait on the condition itself: each round asks for a collection and re-reads the count.
      for (int i = 0; i < 200 && tracing.stats().leakedSpans() == 0; i++) {
        System.gc();
        Thread.onSpinWait();
      }
      assertThat(tracing.stats().leakedSpans()).isEqualTo(1);
      assertThat(exporter.finishedSpans()).hasSize(1);
    }
  }

  private static void startAndForget(Tracer tracer) {
    Span forgotten = tracer.span("forgotten").start();
    forgotten.attribute("k", "v");
  }

  @Test
  void leakDetectionOff_countsNothing() {
    try (Tracing tracing = Tracing.builder().build()) {
      startAndForget(tracing.tracer("t"));
      System.gc();
      assertThat(tracing.stats().leakedSpans()).isZero();
    }
  }
}
