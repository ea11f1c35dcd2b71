package dev.ariadne.api;

import java.util.concurrent.TimeUnit;

/** A span paired with the scope that made it current; closing ends the span, then the scope. */
final class ScopedSpanImpl implements ScopedSpan {
  private final Span span;
  private final Scope scope;

  ScopedSpanImpl(Span span, Scope scope) {
    this.span = span;
    this.scope = scope;
  }

  static void fail(Span span, Throwable e) {
    String message;
    try {
      message = e.getMessage();
    } catch (RuntimeException broken) {
      message = null; // the application's exception must reach the caller, not this one
    }
    span.recordException(e).status(StatusCode.ERROR, message != null ? message : e.getClass().getName());
  }

  @Override
  public void close() {
    // Restore first: the span is no longer current when processors see it end.
    scope.close();
    span.end();
  }

  @Override
  public Span attribute(String key, String value) {
    span.attribute(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, long value) {
    span.attribute(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, double value) {
    span.attribute(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, boolean value) {
    span.attribute(key, value);
    return this;
  }

  @Override
  public <T> Span attribute(AttributeKey<T> key, T value) {
    span.attribute(key, value);
    return this;
  }

  @Override
  public Span attributes(Attributes attributes) {
    span.attributes(attributes);
    return this;
  }

  @Override
  public Span event(String name) {
    span.event(name);
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes) {
    span.event(name, attributes);
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    span.event(name, attributes, timestamp, unit);
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    span.recordException(exception);
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes attributes) {
    span.recordException(exception, attributes);
    return this;
  }

  @Override
  public Span status(StatusCode code) {
    span.status(code);
    return this;
  }

  @Override
  public Span status(StatusCode code, String description) {
    span.status(code, description);
    return this;
  }

  @Override
  public Span name(String name) {
    span.name(name);
    return this;
  }

  @Override
  public void end() {
    span.end();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    span.end(timestamp, unit);
  }

  @Override
  public boolean isRecording() {
    return span.isRecording();
  }

  @Override
  public SpanContext spanContext() {
    return span.spanContext();
  }

  @Override
  public Scope makeCurrent() {
    return span.makeCurrent();
  }

  @Override
  public String toString() {
    return "ScopedSpan{" + span + '}';
  }
}
