package dev.ariadne.core.export;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.resource.Resource;
import java.util.List;

/**
 * A read-only view of a span for processors and exporters. Once the span has ended it no longer
 * changes, so exporters can read it from their own thread without copying it.
 */
public interface SpanData {

  /** The span's ids, flags and trace state. */
  SpanContext spanContext();

  /** The parent's context; invalid for a root span. */
  SpanContext parentSpanContext();

  /** The span's name. */
  String name();

  /** The span's kind. */
  SpanKind kind();

  /** Start time, in nanoseconds since the epoch. */
  long startEpochNanos();

  /** End time, in nanoseconds since the epoch; 0 before the span ends. */
  long endEpochNanos();

  /** Whether the span has ended. */
  boolean hasEnded();

  /** The span's attributes. */
  Attributes attributes();

  /** How many attributes were refused (over the limit, null, or invalid). */
  int droppedAttributesCount();

  /** How many attribute values were cut to the length limit. */
  int truncatedAttributeValuesCount();

  /** The span's events, in the order recorded. */
  List<EventData> events();

  /** How many events were dropped over the limit. */
  int droppedEventsCount();

  /** The span's links. */
  List<Link> links();

  /** How many links were dropped over the limit. */
  int droppedLinksCount();

  /** The span's status. */
  StatusCode status();

  /** The status description; empty unless the status is ERROR with a description. */
  String statusDescription();

  /** What produced the span. */
  Resource resource();

  /** The tracer that created the span. */
  InstrumentationScope instrumentationScope();

  /** End minus start time in nanoseconds; 0 before the span ends. */
  default long durationNanos() {
    return hasEnded() ? endEpochNanos() - startEpochNanos() : 0;
  }
}
