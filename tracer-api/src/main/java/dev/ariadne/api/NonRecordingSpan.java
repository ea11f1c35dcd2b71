package dev.ariadne.api;

import java.util.concurrent.TimeUnit;

/** A span that only carries a context: remote parents, unsampled spans and the no-op tracer use it. */
final class NonRecordingSpan implements ScopedSpan {
  static final NonRecordingSpan INVALID = new NonRecordingSpan(SpanContext.invalid());

  private final SpanContext context;

  NonRecordingSpan(SpanContext context) {
    this.context = context;
  }

  @Override
  public Span attribute(String key, String value) {
    return this;
  }

  @Override
  public Span attribute(String key, long value) {
    return this;
  }

  @Override
  public Span attribute(String key, double value) {
    return this;
  }

  @Override
  public Span attribute(String key, boolean value) {
    return this;
  }

  @Override
  public <T> Span attribute(AttributeKey<T> key, T value) {
    return this;
  }

  @Override
  public Span attributes(Attributes attributes) {
    return this;
  }

  @Override
  public Span event(String name) {
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes) {
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes attributes) {
    return this;
  }

  @Override
  public Span status(StatusCode code) {
    return this;
  }

  @Override
  public Span status(StatusCode code, String description) {
    return this;
  }

  @Override
  public Span name(String name) {
    return this;
  }

  @Override
  public void end() {}

  @Override
  public void end(long timestamp, TimeUnit unit) {}

  /** Nothing to end and, for the shared no-op, nothing made current: closing does nothing. */
  @Override
  public void close() {}

  @Override
  public boolean isRecording() {
    return false;
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }

  @Override
  public String toString() {
    return "NonRecordingSpan{" + context + '}';
  }
}
