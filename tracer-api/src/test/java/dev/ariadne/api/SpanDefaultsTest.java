package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The default methods of Span and SpanBuilder that every implementation inherits: startScoped, run,
 * call, end(Instant), startTimestamp(Instant), makeCurrent and close.
 */
class SpanDefaultsTest {
  private final RecordingSpan span = new RecordingSpan(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, null));
  private final RecordingSpanBuilder builder = new RecordingSpanBuilder(span);

  @AfterEach
  void everyTestLeavesTheRootContextCurrent() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void startScoped_makesTheSpanCurrent_andCloseEndsItOnce() {
    try (ScopedSpan scoped = builder.startScoped()) {
      assertThat(Span.current()).isSameAs(span);
      assertThat(scoped.spanContext()).isSameAs(span.spanContext());
      assertThat(scoped.isRecording()).isTrue();
    }

    assertThat(Span.current()).isSameAs(Span.invalid());
    assertThat(span.endCalls).isEqualTo(1);
  }

  @Test
  void startScoped_close_restoresTheContextBeforeEndingTheSpan() {
    Span remote = Span.wrap(SpanContext.createFromRemoteParent(5, 6, 7, TraceFlags.SAMPLED, null));

    try (Scope parent = remote.makeCurrent()) {
      builder.startScoped().close();
    }

    assertThat(span.currentAtEnd).as("processors see the span end after it stopped being current")
        .isSameAs(remote);
  }

  @Test
  void scopedSpan_forwardsEveryCallToTheSpan_andChainsOnItself() {
    try (ScopedSpan scoped = builder.startScoped()) {
      Span chained = scoped
          .attribute("s", "v")
          .attribute("l", 1L)
          .attribute("d", 2.0)
          .attribute("b", true)
          .attribute(AttributeKey.longKey("typed"), 3L)
          .attributes(Attributes.of("a", "x"))
          .event("e1")
          .event("e2", Attributes.empty())
          .event("e3", Attributes.empty(), 1, TimeUnit.SECONDS)
          .recordException(new IllegalStateException("x"))
          .recordException(new IllegalArgumentException("y"), Attributes.empty())
          .status(StatusCode.OK)
          .name("renamed");

      assertThat(chained).isSameAs(scoped);
      assertThat(span.attributes).containsKeys("s", "l", "d", "b", "typed", "a");
      assertThat(span.events).containsExactly("e1", "e2", "e3");
      assertThat(span.exceptions).hasSize(2);
      assertThat(span.status).isEqualTo(StatusCode.OK);
      assertThat(span.name).isEqualTo("renamed");
      scoped.status(StatusCode.ERROR, "why");
      assertThat(span.statusDescription).isEqualTo("why");
    }
  }

  @Test
  void scopedSpan_explicitEnd_thenClose_restoresContext() {
    ScopedSpan scoped = builder.startScoped();

    scoped.end(5, TimeUnit.SECONDS);
    assertThat(span.endNanos).isEqualTo(5_000_000_000L);
    assertThat(Span.current()).isSameAs(span);
    scoped.close();

    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void run_runsTheTaskWithTheSpanCurrent_andEndsIt() {
    AtomicReference<Span> seen = new AtomicReference<>();

    builder.run(() -> seen.set(Span.current()));

    assertThat(seen).hasValue(span);
    assertThat(span.endCalls).isEqualTo(1);
    assertThat(span.status).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void run_recordsAFailureWithErrorStatus_thenRethrowsIt() {
    IllegalStateException failure = new IllegalStateException("out of stock");

    assertThatThrownBy(() -> builder.run(() -> {
      throw failure;
    })).isSameAs(failure);

    assertThat(span.exceptions).containsExactly(failure);
    assertThat(span.status).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription).isEqualTo("out of stock");
    assertThat(span.endCalls).isEqualTo(1);
  }

  @Test
  void run_describesAMessagelessFailureByItsClassName() {
    assertThatThrownBy(() -> builder.run(() -> {
      throw new UnsupportedOperationException();
    })).isInstanceOf(UnsupportedOperationException.class);

    assertThat(span.statusDescription).isEqualTo(UnsupportedOperationException.class.getName());
  }

  @Test
  void call_returnsTheResultWithTheSpanCurrent() throws Exception {
    String result = builder.call(() -> Span.current() == span ? "current" : "not current");

    assertThat(result).isEqualTo("current");
    assertThat(span.endCalls).isEqualTo(1);
  }

  @Test
  void call_recordsACheckedFailure_thenRethrowsIt() {
    Exception failure = new java.io.IOException("disk full");

    assertThatThrownBy(() -> builder.call(() -> {
      throw failure;
    })).isSameAs(failure);

    assertThat(span.exceptions).containsExactly(failure);
    assertThat(span.status).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription).isEqualTo("disk full");
    assertThat(span.endCalls).isEqualTo(1);
  }

  @Test
  void endAtInstant_endsAtThatInstantInNanoseconds() {
    span.end(Instant.ofEpochSecond(1_700_000_000L, 123_456_789));

    assertThat(span.endNanos).isEqualTo(1_700_000_000_123_456_789L);
  }

  @Test
  void endAtNullInstant_endsNow() {
    span.end((Instant) null);

    assertThat(span.endCalls).isEqualTo(1);
    assertThat(span.endNanos).isEqualTo(-1);
  }

  @Test
  void startTimestampAtInstant_isPassedOnInNanoseconds_andNullIsIgnored() {
    assertThat(builder.startTimestamp(Instant.ofEpochSecond(2, 5))).isSameAs(builder);
    assertThat(builder.startNanos).isEqualTo(2_000_000_005L);

    assertThat(builder.startTimestamp((Instant) null)).isSameAs(builder);
    assertThat(builder.startTimestampCalls).isEqualTo(1);
  }

  @Test
  void makeCurrent_doesNotEndTheSpan() {
    try (Scope ignored = span.makeCurrent()) {
      assertThat(Span.current()).isSameAs(span);
    }

    assertThat(span.endCalls).isZero();
    assertThat(Span.current()).isSameAs(Span.invalid());
  }

  @Test
  void makeCurrent_keepsTheOtherValuesOfTheCurrentContext() {
    ContextKey<String> tenant = ContextKey.named("tenant");

    try (Scope outer = Context.root().with(tenant, "acme").makeCurrent();
        Scope inner = span.makeCurrent()) {
      assertThat(Context.current().get(tenant)).isEqualTo("acme");
      assertThat(Span.current()).isSameAs(span);
    }
  }

  @Test
  void close_endsTheSpan() {
    try (Span ignored = span) {
      assertThat(span.isRecording()).isTrue();
    }

    assertThat(span.endCalls).isEqualTo(1);
    assertThat(span.isRecording()).isFalse();
  }
}
