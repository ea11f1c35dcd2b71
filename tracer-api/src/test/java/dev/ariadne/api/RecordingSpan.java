package dev.ariadne.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A minimal recording span standing in for tracer-core's, so the API's default methods
 * ({@code startScoped}, {@code run}, {@code call}, {@code end(Instant)}) can be observed.
 */
final class RecordingSpan implements Span {
  final SpanContext context;
  final Map<String, Object> attributes = new LinkedHashMap<>();
  final List<String> events = new ArrayList<>();
  final List<Throwable> exceptions = new ArrayList<>();
  StatusCode status = StatusCode.UNSET;
  String statusDescription;
  String name;
  int endCalls;
  long endNanos = -1;
  /** What {@link Span#current()} was when the span was ended, to check scope-before-end ordering. */
  Span currentAtEnd;

  RecordingSpan(SpanContext context) {
    this.context = context;
  }

  @Override
  public Span attribute(String key, String value) {
    attributes.put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, long value) {
    attributes.put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, double value) {
    attributes.put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, boolean value) {
    attributes.put(key, value);
    return this;
  }

  @Override
  public <T> Span attribute(AttributeKey<T> key, T value) {
    attributes.put(key.name(), value);
    return this;
  }

  @Override
  public Span attributes(Attributes attributes) {
    attributes.forEach(this.attributes::put);
    return this;
  }

  @Override
  public Span event(String name) {
    events.add(name);
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes) {
    events.add(name);
    return this;
  }

  @Override
  public Span event(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    events.add(name);
    return this;
  }

  @Override
  public Span recordException(Throwable exception) {
    exceptions.add(exception);
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes attributes) {
    exceptions.add(exception);
    return this;
  }

  @Override
  public Span status(StatusCode code) {
    status = code;
    return this;
  }

  @Override
  public Span status(StatusCode code, String description) {
    status = code;
    statusDescription = description;
    return this;
  }

  @Override
  public Span name(String name) {
    this.name = name;
    return this;
  }

  @Override
  public void end() {
    endCalls++;
    currentAtEnd = Span.current();
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    endCalls++;
    endNanos = unit.toNanos(timestamp);
    currentAtEnd = Span.current();
  }

  @Override
  public boolean isRecording() {
    return endCalls == 0;
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }
}
