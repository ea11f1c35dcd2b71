package dev.ariadne.api;

import java.util.concurrent.TimeUnit;

/**
 * The tracer used when nothing is configured: one shared builder and shared spans, so using it
 * allocates nothing (unless a recording span of a real tracer is current, which it must not end). The current span is passed on as the result of {@code start()} when it is
 * already non-recording, so a remote parent still reaches outgoing calls.
 */
final class NoopTracer implements Tracer, SpanBuilder {
  static final NoopTracer INSTANCE = new NoopTracer();
  static final TracerProvider PROVIDER = new TracerProvider() {
    @Override
    public Tracer tracer(String instrumentationName) {
      return INSTANCE;
    }

    @Override
    public Tracer tracer(String instrumentationName, String version) {
      return INSTANCE;
    }
  };

  private NoopTracer() {}

  @Override
  public SpanBuilder span(String name) {
    return this;
  }

  @Override
  public SpanBuilder parent(Context context) {
    return this;
  }

  @Override
  public SpanBuilder noParent() {
    return this;
  }

  @Override
  public SpanBuilder kind(SpanKind kind) {
    return this;
  }

  @Override
  public SpanBuilder attribute(String key, String value) {
    return this;
  }

  @Override
  public SpanBuilder attribute(String key, long value) {
    return this;
  }

  @Override
  public SpanBuilder attribute(String key, double value) {
    return this;
  }

  @Override
  public SpanBuilder attribute(String key, boolean value) {
    return this;
  }

  @Override
  public <T> SpanBuilder attribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public SpanBuilder attributes(Attributes attributes) {
    return this;
  }

  @Override
  public SpanBuilder link(SpanContext context) {
    return this;
  }

  @Override
  public SpanBuilder link(SpanContext context, Attributes attributes) {
    return this;
  }

  @Override
  public SpanBuilder startTimestamp(long timestamp, TimeUnit unit) {
    return this;
  }

  @Override
  public Span start() {
    Span current = Span.current();
    if (current instanceof NonRecordingSpan) {
      return current;
    }
    // A recording span from a real tracer must not be ended through a no-op child.
    return Span.wrap(current.spanContext());
  }

  /** Nothing is made current (nothing changes), so the current non-recording span itself serves. */
  @Override
  public ScopedSpan startScoped() {
    Span current = Span.current();
    return current instanceof NonRecordingSpan ? (NonRecordingSpan) current : NonRecordingSpan.INVALID;
  }

  @Override
  public String toString() {
    return "NoopTracer";
  }
}
