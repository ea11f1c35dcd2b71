package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What users get with nothing configured: no-op tracers and spans that never throw and keep context. */
class NoopTracerTest {
  private static final SpanContext REMOTE_PARENT = SpanContext.fromHex(
      "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", TraceFlags.SAMPLED, TraceState.empty(), true);

  @AfterEach
  void everyTestLeavesTheRootContextCurrent() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void noopTracer_startsSpansThatDoNotRecord() {
    Span span = Tracer.noop().span("x").attribute("k", "v").attribute("n", 1L).start();

    assertThat(span.isRecording()).isFalse();
    assertThat(span.spanContext().isValid()).isFalse();
    span.end();
  }

  @Test
  void noopSpan_endingTwiceAndUsingItAfterEnd_isHarmless() {
    Span span = Tracer.noop().span("x").start();

    span.end();
    span.end();
    span.end(123, TimeUnit.MILLISECONDS);
    span.end(Instant.EPOCH);
    span.close();
    span.attribute("after", "end").event("late");

    assertThat(span.isRecording()).isFalse();
  }

  @Test
  void noopBuilderAndSpan_acceptNullsEverywhere_andReturnThemselves() {
    SpanBuilder builder = Tracer.noop().span(null);

    SpanBuilder chained = builder
        .parent(null)
        .noParent()
        .kind(null)
        .attribute((String) null, (String) null)
        .attribute(null, 1L)
        .attribute(null, Double.NaN)
        .attribute(null, true)
        .attribute((AttributeKey<String>) null, null)
        .attributes(null)
        .link(null)
        .link(null, null)
        .startTimestamp(-1, null)
        .startTimestamp((Instant) null);
    Span span = chained.start();
    Span chainedSpan = span
        .attribute((String) null, (String) null)
        .attribute(null, 1L)
        .attribute(null, 1.0)
        .attribute(null, false)
        .attribute(AttributeKey.stringArrayKey("tags"), List.of("a"))
        .attributes(null)
        .event(null)
        .event(null, null)
        .event(null, null, 0, null)
        .recordException(null)
        .recordException(null, null)
        .status(null)
        .status(StatusCode.ERROR, null)
        .name(null);
    span.end((Instant) null);

    assertThat(chained).isSameAs(builder);
    assertThat(chainedSpan).isSameAs(span);
  }

  @Test
  void noopTracer_andItsBuilder_areShared() {
    assertThat(Tracer.noop()).isSameAs(Tracer.noop());
    assertThat(Tracer.noop().span("a")).isSameAs(Tracer.noop().span("b"));
    assertThat(TracerProvider.noop().tracer("lib")).isSameAs(Tracer.noop());
    assertThat(TracerProvider.noop().tracer("lib", "1.0")).isSameAs(Tracer.noop());
  }

  @Test
  void currentSpan_onAFreshThread_isTheInvalidSpan() throws Exception {
    Span current = FreshThread.call(Span::current);

    assertThat(current).isSameAs(Span.invalid());
    assertThat(current.spanContext()).isSameAs(SpanContext.invalid());
    assertThat(current.isRecording()).isFalse();
  }

  @Test
  void fromContext_withoutASpan_orNull_isTheInvalidSpan() {
    assertThat(Span.fromContext(Context.root())).isSameAs(Span.invalid());
    assertThat(Span.fromContext(null)).isSameAs(Span.invalid());
  }

  @Test
  void wrap_ofAnInvalidOrNullContext_isTheSharedInvalidSpan() {
    assertThat(Span.wrap(null)).isSameAs(Span.invalid());
    assertThat(Span.wrap(SpanContext.invalid())).isSameAs(Span.invalid());
    assertThat(Span.wrap(SpanContext.createFromRemoteParent(0, 0, 5, TraceFlags.SAMPLED, null)))
        .isSameAs(Span.invalid());
  }

  @Test
  void wrappedRemoteContext_madeCurrent_isTheCurrentSpanContext_untilClosed() {
    Span remote = Span.wrap(REMOTE_PARENT);

    try (Scope ignored = remote.makeCurrent()) {
      assertThat(Span.current()).isSameAs(remote);
      assertThat(Span.current().spanContext()).isEqualTo(REMOTE_PARENT);
      assertThat(Span.current().isRecording()).isFalse();
    }

    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void closingAWrappedSpan_doesNotTouchTheCurrentContext() {
    Span remote = Span.wrap(REMOTE_PARENT);

    try (Scope ignored = remote.makeCurrent()) {
      remote.close();
      remote.end();
      assertThat(Span.current()).isSameAs(remote);
    }
  }

  @Test
  void noopStart_underACurrentNonRecordingRemoteSpan_returnsThatSpan() {
    Span remote = Span.wrap(REMOTE_PARENT);

    try (Scope ignored = remote.makeCurrent()) {
      Span child = Tracer.noop().span("outgoing").kind(SpanKind.CLIENT).start();

      assertThat(child).isSameAs(remote);
      assertThat(child.spanContext()).isEqualTo(REMOTE_PARENT);
      child.end();
      assertThat(Span.current()).isSameAs(remote);
    }
  }

  @Test
  void noopStart_underARecordingSpan_carriesItsContext_withoutEndingIt() {
    RecordingSpan recording = new RecordingSpan(SpanContext.create(7, 8, 9, TraceFlags.SAMPLED, null));

    try (Scope ignored = recording.makeCurrent()) {
      Span child = Tracer.noop().span("child").start();

      assertThat(child).isNotSameAs(recording);
      assertThat(child.isRecording()).isFalse();
      assertThat(child.spanContext()).isEqualTo(recording.spanContext());
      child.attribute("k", "v").end();
    }

    assertThat(recording.endCalls).isZero();
    assertThat(recording.attributes).isEmpty();
  }

  @Test
  void noopStartScoped_leavesTheCurrentContextAsItWas() {
    Span remote = Span.wrap(REMOTE_PARENT);

    try (Scope ignored = remote.makeCurrent()) {
      try (ScopedSpan span = Tracer.noop().span("x").startScoped()) {
        assertThat(span.isRecording()).isFalse();
        assertThat(Span.current()).as("outgoing calls still see the remote parent").isSameAs(remote);
      }
      assertThat(Span.current()).isSameAs(remote);
    }
  }

  @Test
  void noopStartScoped_underARemoteParent_carriesTheParentsContextLikeStart() {
    try (Scope ignored = Span.wrap(REMOTE_PARENT).makeCurrent()) {
      Span started = Tracer.noop().span("x").start();
      try (ScopedSpan scoped = Tracer.noop().span("x").startScoped()) {
        assertThat(scoped.spanContext()).isEqualTo(started.spanContext());
      }
    }
  }

  @Test
  void noopRun_runsTheTask() {
    AtomicInteger runs = new AtomicInteger();

    Tracer.noop().span("job").run(runs::incrementAndGet);

    assertThat(runs).hasValue(1);
  }

  @Test
  void noopRun_rethrowsTheTasksExceptionUnchanged() {
    IllegalStateException failure = new IllegalStateException("boom");
    AssertionError error = new AssertionError("fatal");

    assertThatThrownBy(() -> Tracer.noop().span("job").run(() -> {
      throw failure;
    })).isSameAs(failure);
    assertThatThrownBy(() -> Tracer.noop().span("job").run(() -> {
      throw error;
    })).isSameAs(error);
  }

  @Test
  void noopCall_returnsTheTasksResult() throws Exception {
    assertThat(Tracer.noop().span("job").call(() -> 42)).isEqualTo(42);
  }

  @Test
  void noopCall_rethrowsCheckedExceptionsUnchanged() {
    IOException failure = new IOException("disk");

    assertThatThrownBy(() -> Tracer.noop().span("job").call(() -> {
      throw failure;
    })).isSameAs(failure);
  }

  @Test
  void noopRun_keepsARemoteParentCurrentInsideTheTask() {
    AtomicReference<SpanContext> seen = new AtomicReference<>();

    try (Scope ignored = Span.wrap(REMOTE_PARENT).makeCurrent()) {
      Tracer.noop().span("job").run(() -> seen.set(Span.current().spanContext()));
    }

    assertThat(seen).hasValue(REMOTE_PARENT);
  }
}
