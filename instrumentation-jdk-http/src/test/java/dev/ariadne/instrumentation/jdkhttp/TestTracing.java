package dev.ariadne.instrumentation.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.SpanKind;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.time.Duration;
import java.util.List;

/** A real tracer exporting to memory, with helpers to wait for spans ended on server threads. */
final class TestTracing implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final Tracing tracing;
  final Tracer tracer;

  TestTracing() {
    this(false);
  }

  TestTracing(boolean mdcCorrelation) {
    tracing = Tracing.builder()
        .serviceName("jdk-http-test")
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .mdcCorrelation(mdcCorrelation)
        .build();
    tracer = tracing.tracer("dev.ariadne.instrumentation.jdkhttp");
  }

  /** Waits until {@code count} spans ended, then returns them. */
  List<SpanData> await(int count) {
    List<SpanData> spans = exporter.awaitSpans(count, WAIT);
    assertThat(spans).as("spans ended within %s", WAIT).hasSizeGreaterThanOrEqualTo(count);
    return spans;
  }

  /** Waits for the only span of {@code kind} (others may end too) and returns it. */
  SpanData awaitOne(SpanKind kind) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<SpanData> matching = exporter.finishedSpans().stream().filter(s -> s.kind() == kind).toList();
      if (!matching.isEmpty() || System.nanoTime() > deadline) {
        assertThat(matching).as("ended %s spans", kind).hasSize(1);
        return matching.get(0);
      }
      exporter.awaitSpans(exporter.finishedSpans().size() + 1, Duration.ofMillis(50));
    }
  }

  static EventData exceptionEvent(SpanData span) {
    return span.events().stream().filter(e -> e.name().equals("exception")).findFirst()
        .orElseThrow(() -> new AssertionError("no exception event on " + span));
  }

  @Override
  public void close() {
    tracing.shutdown(Duration.ofSeconds(5));
  }
}
