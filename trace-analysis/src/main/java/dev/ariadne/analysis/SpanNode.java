package dev.ariadne.analysis;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * One span as the analysis sees it: its fields read once and made safe (no nulls, end never
 * before start), plus its place in the tree.
 */
final class SpanNode {
  static final String EXCEPTION_EVENT = "exception";

  final SpanData span;
  final String traceId;
  final long spanId;
  /** 0 when the span has no valid parent. */
  final long parentId;
  final String service;
  final String name;
  final long start;
  final long end;
  final boolean ended;
  /** Whether the recorded end was before the start (and was moved to the start). */
  final boolean negative;
  final boolean statusError;
  final String statusDescription;
  /** The last {@code exception} event, or null. */
  final EventData exception;
  final Attributes attributes;

  SpanNode parent;
  final List<SpanNode> children = new ArrayList<>();
  /** Whether the span names a parent that is not among the analysed spans. */
  boolean orphan;
  int depth;
  /** The span's interval clipped to its parent's clipped interval, for the critical path. */
  long clippedStart;
  long clippedEnd;
  long selfNanos;
  /** Whether some descendant is an error. */
  boolean errorBelow;

  SpanNode(SpanData span) {
    this.span = span;
    SpanContext context = safe(span.spanContext());
    SpanContext parentContext = safe(span.parentSpanContext());
    this.traceId = context.traceIdHex();
    this.spanId = context.spanId();
    this.parentId = parentContext.isValid() ? parentContext.spanId() : 0;
    Resource resource = span.resource();
    String serviceName = resource == null ? null : resource.serviceName();
    this.service = serviceName == null ? Resource.UNKNOWN_SERVICE : serviceName;
    this.name = span.name() == null ? "" : span.name();
    this.start = span.startEpochNanos();
    this.ended = span.hasEnded();
    long recordedEnd = ended ? span.endEpochNanos() : start;
    this.negative = ended && recordedEnd < start;
    this.end = Math.max(start, recordedEnd);
    this.statusError = span.status() == StatusCode.ERROR;
    this.statusDescription = span.statusDescription() == null ? "" : span.statusDescription();
    this.exception = lastException(span.events());
    this.attributes = span.attributes() == null ? Attributes.empty() : span.attributes();
  }

  long duration() {
    return end - start;
  }

  /** An error for the analysis: ERROR status or a recorded exception. */
  boolean isError() {
    return statusError || exception != null;
  }

  String exceptionAttribute(String key) {
    if (exception == null || exception.attributes() == null) {
      return "";
    }
    Object value = exception.attributes().get(key);
    return value == null ? "" : value.toString();
  }

  private static SpanContext safe(SpanContext context) {
    return context == null ? SpanContext.invalid() : context;
  }

  private static EventData lastException(List<EventData> events) {
    if (events == null) {
      return null;
    }
    EventData last = null;
    for (EventData event : events) {
      if (event != null && EXCEPTION_EVENT.equals(event.name())) {
        last = event;
      }
    }
    return last;
  }

  @Override
  public String toString() {
    return service + " '" + name + "'";
  }
}
