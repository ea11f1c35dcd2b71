package dev.ariadne.api;

import java.util.concurrent.TimeUnit;

/** A span builder that hands out one {@link RecordingSpan}, to exercise SpanBuilder's default methods. */
final class RecordingSpanBuilder implements SpanBuilder {
  final RecordingSpan span;
  long startNanos = -1;
  int startTimestampCalls;

  RecordingSpanBuilder(RecordingSpan span) {
    this.span = span;
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
    startTimestampCalls++;
    startNanos = unit.toNanos(timestamp);
    return this;
  }

  @Override
  public Span start() {
    return span;
  }
}
