package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.AttributeKey;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanRecordingTest {
  private final TestClock clock = new TestClock();
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Tracing tracing = Tracing.builder()
      .serviceName("recording-test")
      .clock(clock)
      .spanLimits(SpanLimits.builder()
          .maxAttributes(4).maxEvents(3).maxLinks(2).maxAttributesPerEvent(2).maxAttributeValueLength(8)
          .build())
      .addSpanProcessor(SimpleSpanProcessor.create(exporter))
      .build();
  private final Tracer tracer = tracing.tracer("test", "1.0");

  @AfterEach
  void tearDown() {
    tracing.shutdown(Duration.ofSeconds(5));
  }

  private SpanData only() {
    assertThat(exporter.finishedSpans()).hasSize(1);
    return exporter.finishedSpans().get(0);
  }

  @Test
  void typedAttributes_areRecordedWithTheirTypes() {
    try (Span span = tracer.span("save_order_to_db").attribute("db.system", "pg").start()) {
      span.attribute("rows", 3L)
          .attribute("ratio", 0.5)
          .attribute(AttributeKey.longArrayKey("ids"), List.of(1L, 2L));
    }
    SpanData data = only();
    assertThat(data.attributes().asMap())
        .containsEntry("db.system", "pg")
        .containsEntry("rows", 3L)
        .containsEntry("ratio", 0.5)
        .containsEntry("ids", List.of(1L, 2L));
    assertThat(data.instrumentationScope().name()).isEqualTo("test");
    assertThat(data.instrumentationScope().version()).isEqualTo("1.0");
    assertThat(data.resource().serviceName()).isEqualTo("recording-test");
  }

  @Test
  void limits_dropAndTruncate_andCountWhatTheyCut() {
    try (Span span = tracer.span("limited").start()) {
      for (int i = 0; i < 6; i++) {
        span.attribute("k" + i, i);
      }
      span.attribute("k0", "a value longer than eight");
      for (int i = 0; i < 5; i++) {
        span.event("e" + i, Attributes.builder().put("a", 1L).put("b", 2L).put("c", 3L).build());
      }
    }
    SpanData data = only();
    assertThat(data.attributes().size()).isEqualTo(4);
    assertThat(data.attributes().get("k0")).isEqualTo("a value ");
    assertThat(data.droppedAttributesCount()).isEqualTo(2);
    assertThat(data.truncatedAttributeValuesCount()).isEqualTo(1);
    assertThat(data.events()).hasSize(3);
    assertThat(data.droppedEventsCount()).isEqualTo(2);
    assertThat(data.events().get(0).attributes().size()).isEqualTo(2);
    assertThat(data.events().get(0).droppedAttributesCount()).isEqualTo(1);
  }

  @Test
  void links_areKeptUpToTheLimit() {
    SpanContext a = tracer.span("a").start().spanContext();
    SpanContext b = tracer.span("b").start().spanContext();
    SpanContext c = tracer.span("c").start().spanContext();
    tracer.span("batch").link(a).link(b, Attributes.of("msg", "2")).link(c).link(SpanContext.invalid()).start().end();
    SpanData data = only();
    assertThat(data.links()).extracting(l -> l.spanContext()).containsExactly(a, b);
    assertThat(data.links().get(1).attributes().get("msg")).isEqualTo("2");
    assertThat(data.droppedLinksCount()).isEqualTo(1);
    assertThat(tracing.stats().invalidInputs()).isEqualTo(1);
  }

  @Test
  void recordException_addsTheStandardEvent_andStatusStaysUnset() {
    try (Span span = tracer.span("send_confirmation_email").start()) {
      span.recordException(new IOException("smtp down"));
    }
    SpanData data = only();
    EventData event = data.events().get(0);
    assertThat(event.name()).isEqualTo("exception");
    // this tracer's limits: values cut to 8 characters, 2 attributes per event (so no stack trace)
    assertThat(event.attributes().get("exception.type")).isEqualTo("java.io.");
    assertThat(event.attributes().get("exception.message")).isEqualTo("smtp dow");
    assertThat(event.droppedAttributesCount()).isEqualTo(1);
    assertThat(data.status()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void run_recordsAThrownException_withErrorStatus_andRethrows() {
    IllegalStateException boom = new IllegalStateException("db timeout");
    assertThatThrownBy(() -> tracer.span("save").run(() -> {
      throw boom;
    })).isSameAs(boom);
    SpanData data = only();
    assertThat(data.status()).isEqualTo(StatusCode.ERROR);
    assertThat(data.statusDescription()).isEqualTo("db timeo");
    assertThat(data.events()).extracting(EventData::name).containsExactly("exception");
    assertThat(data.hasEnded()).isTrue();
    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void call_returnsTheResult_insideACurrentSpan() throws Exception {
    String traceId = tracer.span("lookup").call(() -> Span.current().spanContext().traceIdHex());
    assertThat(traceId).isEqualTo(only().spanContext().traceIdHex());
  }

  @Test
  void status_okIsFinal_unsetIgnored_descriptionOnlyForError() {
    Span a = tracer.span("a").start();
    a.status(StatusCode.ERROR, "x").status(StatusCode.UNSET).status(StatusCode.OK, "ignored").status(StatusCode.ERROR);
    a.end();
    SpanData data = (SpanData) a;
    assertThat(data.status()).isEqualTo(StatusCode.OK);
    assertThat(data.statusDescription()).isEmpty();
  }

  @Test
  void callsAfterEnd_areIgnoredAndCounted() {
    Span span = tracer.span("done").start();
    span.end();
    span.attribute("late", true).event("late").status(StatusCode.ERROR).name("renamed");
    span.end();
    SpanData data = only();
    assertThat(data.attributes().isEmpty()).isTrue();
    assertThat(data.events()).isEmpty();
    assertThat(data.name()).isEqualTo("done");
    assertThat(span.isRecording()).isFalse();
    assertThat(tracing.stats().callsAfterEnd()).isEqualTo(5);
  }

  @Test
  void badInput_neverThrows_andIsCounted() {
    try (Span span = tracer.span(null).kind(null).parent(null).startTimestamp(-1, TimeUnit.SECONDS).start()) {
      span.attribute((String) null, "v")
          .attribute("nan", Double.NaN)
          .attribute("nullValue", (String) null)
          .attribute(null, 1L)
          .event(null)
          .event(" ")
          .recordException(null)
          .status(null)
          .name(null)
          .attributes(null);
      span.end((Instant) null);
    }
    SpanData data = only();
    assertThat(data.name()).isEqualTo("unnamed");
    assertThat(data.droppedAttributesCount()).isEqualTo(4);
    assertThat(data.events()).isEmpty();
    // name, kind, parent, start time, two event names, exception, status, rename
    assertThat(tracing.stats().invalidInputs()).isEqualTo(9);
  }

  @Test
  void hugeName_isCutToTheValueLengthLimit() {
    tracer.span("x".repeat(100_000)).start().end();
    assertThat(only().name()).hasSize(8);
  }

  @Test
  void timestamps_comeFromOneWallClockReadPerTrace_plusMonotonicOffsets() {
    long t0 = clock.wallNanos();
    try (ScopedSpan root = tracer.span("root").startScoped()) {
      clock.advance(5, TimeUnit.MILLISECONDS);
      clock.jumpWallClock(-1, TimeUnit.HOURS); // an NTP step must not distort durations
      try (Span child = tracer.span("child").start()) {
        clock.advance(2, TimeUnit.MILLISECONDS);
        child.event("halfway");
      }
      clock.advance(3, TimeUnit.MILLISECONDS);
    }
    List<SpanData> spans = exporter.finishedSpans();
    SpanData child = spans.get(0);
    SpanData root = spans.get(1);
    assertThat(clock.wallReads()).isEqualTo(1);
    assertThat(root.startEpochNanos()).isEqualTo(t0);
    assertThat(child.startEpochNanos()).isEqualTo(t0 + 5_000_000);
    assertThat(child.events().get(0).epochNanos()).isEqualTo(t0 + 7_000_000);
    assertThat(child.durationNanos()).isEqualTo(2_000_000);
    assertThat(root.durationNanos()).isEqualTo(10_000_000);
  }

  @Test
  void explicitTimestamps_areUsed_andEndNeverPrecedesStart() {
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    Span span = tracer.span("imported").startTimestamp(start).start();
    span.end(start.minusSeconds(10));
    SpanData data = only();
    assertThat(data.startEpochNanos()).isEqualTo(start.getEpochSecond() * 1_000_000_000L);
    assertThat(data.durationNanos()).isZero();
  }

  @Test
  void endRacedFromManyThreads_exportsTheSpanExactlyOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        Span span = tracer.span("raced").start();
        CountDownLatch go = new CountDownLatch(1);
        Future<?>[] futures = new Future<?>[4];
        for (int t = 0; t < 4; t++) {
          futures[t] = pool.submit(() -> {
            go.await();
            span.end();
            return null;
          });
        }
        go.countDown();
        for (Future<?> f : futures) {
          f.get(5, TimeUnit.SECONDS);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(exporter.finishedSpans()).hasSize(200);
    assertThat(tracing.stats().callsAfterEnd()).isEqualTo(600);
  }
}
