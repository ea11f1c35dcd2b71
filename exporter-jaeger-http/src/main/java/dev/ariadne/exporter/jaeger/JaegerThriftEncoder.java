package dev.ariadne.exporter.jaeger;

import static dev.ariadne.exporter.jaeger.ThriftWriter.BOOL;
import static dev.ariadne.exporter.jaeger.ThriftWriter.DOUBLE;
import static dev.ariadne.exporter.jaeger.ThriftWriter.I32;
import static dev.ariadne.exporter.jaeger.ThriftWriter.I64;
import static dev.ariadne.exporter.jaeger.ThriftWriter.LIST;
import static dev.ariadne.exporter.jaeger.ThriftWriter.STRING;
import static dev.ariadne.exporter.jaeger.ThriftWriter.STRUCT;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.exporter.http.SpanEncoder;
import java.util.List;

/**
 * Encodes spans of one resource as one {@code jaeger.thrift} {@code Batch} in the Thrift binary
 * protocol, following OpenTelemetry's Jaeger mapping; see this module's RATIONALE.md for the
 * choices the mapping leaves open.
 */
final class JaegerThriftEncoder implements SpanEncoder {
  static final JaegerThriftEncoder INSTANCE = new JaegerThriftEncoder();

  static final String CONTENT_TYPE = "application/x-thrift";

  static final String SPAN_KIND = "span.kind";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String ERROR = "error";
  static final String SCOPE_NAME = "otel.scope.name";
  static final String SCOPE_VERSION = "otel.scope.version";
  static final String TRACE_STATE = "w3c.tracestate";
  static final String DROPPED_ATTRIBUTES = "otel.dropped_attributes_count";
  static final String DROPPED_EVENTS = "otel.dropped_events_count";
  static final String DROPPED_LINKS = "otel.dropped_links_count";
  static final String DROPPED_LINK_ATTRIBUTES = "otel.dropped_link_attributes_count";
  static final String TRUNCATED_VALUES = "otel.truncated_attribute_values_count";
  static final String EVENT = "event";
  static final String EVENT_DROPPED_ATTRIBUTES = "otel.event.dropped_attributes_count";
  static final String EXCEPTION_EVENT = "exception";
  static final String EXCEPTION_TYPE = "exception.type";
  static final String EXCEPTION_MESSAGE = "exception.message";
  static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
  static final String ERROR_KIND = "error.kind";
  static final String MESSAGE = "message";
  static final String STACK = "stack";

  // jaeger.thrift enums
  private static final int TAG_STRING = 0;
  private static final int TAG_DOUBLE = 1;
  private static final int TAG_BOOL = 2;
  private static final int TAG_LONG = 3;
  private static final int REF_CHILD_OF = 0;
  private static final int REF_FOLLOWS_FROM = 1;

  private JaegerThriftEncoder() {}

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public boolean oneResourcePerBody() {
    return true;
  }

  /**
   * One {@code Batch}: the first span's resource as its {@code Process}, then every non-null span.
   * An empty or null list gives a batch with no spans for the unknown service.
   */
  @Override
  public byte[] encode(List<SpanData> spans) {
    ThriftWriter w = ThriftWriter.acquire();
    int count = spans == null ? 0 : spans.size();
    Resource resource = Resource.empty();
    for (int i = 0; i < count; i++) {
      SpanData span = spans.get(i);
      if (span != null && span.resource() != null) {
        resource = span.resource();
        break;
      }
    }
    w.fieldHeader(STRUCT, 1);
    writeProcess(w, resource);
    w.fieldHeader(LIST, 2);
    int mark = w.beginList(STRUCT);
    int written = 0;
    for (int i = 0; i < count; i++) {
      SpanData span = spans.get(i);
      if (span != null) {
        writeSpan(w, span);
        written++;
      }
    }
    w.endList(mark, written);
    w.stop();
    return w.finish();
  }

  private static void writeProcess(ThriftWriter w, Resource resource) {
    w.fieldHeader(STRING, 1);
    w.writeString(resource.serviceName());
    Attributes attributes = resource.attributes();
    int tags = 0;
    for (int i = 0, n = attributes.size(); i < n; i++) {
      if (isProcessTag(attributes, i)) {
        tags++;
      }
    }
    if (tags > 0) {
      w.fieldHeader(LIST, 2);
      int mark = w.beginList(STRUCT);
      int written = 0;
      for (int i = 0, n = attributes.size(); i < n; i++) {
        if (isProcessTag(attributes, i)) {
          writeTag(w, attributes.key(i), attributes.value(i));
          written++;
        }
      }
      w.endList(mark, written);
    }
    w.stop();
  }

  /** Everything but the service name, which is {@code Process.serviceName} already. */
  private static boolean isProcessTag(Attributes attributes, int i) {
    Object value = attributes.value(i);
    return value != null && !(Resource.SERVICE_NAME.equals(attributes.key(i)) && value instanceof String);
  }

  private static void writeSpan(ThriftWriter w, SpanData span) {
    SpanContext context = span.spanContext() == null ? SpanContext.invalid() : span.spanContext();
    SpanContext parent = span.parentSpanContext();
    boolean hasParent = parent != null && parent.isValid();

    w.fieldHeader(I64, 1);
    w.writeI64(context.traceIdLow());
    w.fieldHeader(I64, 2);
    w.writeI64(context.traceIdHigh());
    w.fieldHeader(I64, 3);
    w.writeI64(context.spanId());
    w.fieldHeader(I64, 4);
    w.writeI64(hasParent ? parent.spanId() : 0L);
    w.fieldHeader(STRING, 5);
    w.writeString(span.name());

    List<Link> links = span.links();
    int skippedLinks = 0;
    int linkAttributes = 0;
    int linkCount = links == null ? 0 : links.size();
    if (hasParent || linkCount > 0) {
      w.fieldHeader(LIST, 6);
      int mark = w.beginList(STRUCT);
      int refs = 0;
      if (hasParent) {
        writeReference(w, REF_CHILD_OF, parent);
        refs++;
      }
      for (int i = 0; i < linkCount; i++) {
        Link link = links.get(i);
        if (link == null || !link.spanContext().isValid()) {
          // A reference without ids means nothing to Jaeger; it is counted as a dropped link.
          skippedLinks++;
          continue;
        }
        writeReference(w, REF_FOLLOWS_FROM, link.spanContext());
        linkAttributes += link.attributes().size();
        refs++;
      }
      w.endList(mark, refs);
    }

    w.fieldHeader(I32, 7);
    w.writeI32(context.isSampled() ? 1 : 0);
    long startNanos = span.startEpochNanos();
    w.fieldHeader(I64, 8);
    w.writeI64(Math.floorDiv(startNanos, 1000L));
    w.fieldHeader(I64, 9);
    w.writeI64(Math.max(0L, span.durationNanos()) / 1000L);

    w.fieldHeader(LIST, 10);
    int mark = w.beginList(STRUCT);
    w.endList(mark, writeSpanTags(w, span, context, skippedLinks, linkAttributes));

    List<EventData> events = span.events();
    if (events != null && !events.isEmpty()) {
      w.fieldHeader(LIST, 11);
      int logsMark = w.beginList(STRUCT);
      int logs = 0;
      for (int i = 0, n = events.size(); i < n; i++) {
        EventData event = events.get(i);
        if (event != null) {
          writeLog(w, event);
          logs++;
        }
      }
      w.endList(logsMark, logs);
    }
    w.stop();
  }

  private static void writeReference(ThriftWriter w, int type, SpanContext target) {
    w.fieldHeader(I32, 1);
    w.writeI32(type);
    w.fieldHeader(I64, 2);
    w.writeI64(target.traceIdLow());
    w.fieldHeader(I64, 3);
    w.writeI64(target.traceIdHigh());
    w.fieldHeader(I64, 4);
    w.writeI64(target.spanId());
    w.stop();
  }

  /** Writes the span's tag structs and returns how many. */
  private static int writeSpanTags(
      ThriftWriter w, SpanData span, SpanContext context, int skippedLinks, int linkAttributes) {
    int tags = 0;
    StatusCode status = span.status() == null ? StatusCode.UNSET : span.status();
    Attributes attributes = span.attributes();
    for (int i = 0, n = attributes == null ? 0 : attributes.size(); i < n; i++) {
      Object value = attributes.value(i);
      String key = attributes.key(i);
      // The spec lets the status's error tag override the application's; two would confuse readers.
      if (value == null || (status == StatusCode.ERROR && ERROR.equals(key))) {
        continue;
      }
      writeTag(w, key, value);
      tags++;
    }
    String kind = kindName(span);
    if (kind != null) {
      writeStringTag(w, SPAN_KIND, kind);
      tags++;
    }
    if (status != StatusCode.UNSET) {
      writeStringTag(w, STATUS_CODE, status.name());
      tags++;
      String description = span.statusDescription();
      if (description != null && !description.isEmpty()) {
        writeStringTag(w, STATUS_DESCRIPTION, description);
        tags++;
      }
      if (status == StatusCode.ERROR) {
        writeBoolTag(w, ERROR, true);
        tags++;
      }
    }
    InstrumentationScope scope = span.instrumentationScope();
    if (scope != null) {
      writeStringTag(w, SCOPE_NAME, scope.name());
      tags++;
      if (scope.version() != null) {
        writeStringTag(w, SCOPE_VERSION, scope.version());
        tags++;
      }
    }
    TraceState traceState = context.traceState();
    if (!traceState.isEmpty()) {
      writeStringTag(w, TRACE_STATE, traceStateHeader(traceState));
      tags++;
    }
    tags += writeCountTag(w, DROPPED_ATTRIBUTES, span.droppedAttributesCount());
    tags += writeCountTag(w, TRUNCATED_VALUES, span.truncatedAttributeValuesCount());
    tags += writeCountTag(w, DROPPED_EVENTS, span.droppedEventsCount());
    tags += writeCountTag(w, DROPPED_LINKS, (long) span.droppedLinksCount() + skippedLinks);
    tags += writeCountTag(w, DROPPED_LINK_ATTRIBUTES, linkAttributes);
    return tags;
  }

  private static String kindName(SpanData span) {
    if (span.kind() == null) {
      return null;
    }
    switch (span.kind()) {
      case CLIENT:
        return "client";
      case SERVER:
        return "server";
      case PRODUCER:
        return "producer";
      case CONSUMER:
        return "consumer";
      default:
        return null;
    }
  }

  /** The W3C header form, {@code key=value} pairs joined by commas, most recent first. */
  private static String traceStateHeader(TraceState traceState) {
    StringBuilder header = new StringBuilder(traceState.size() * 16);
    traceState.forEach((key, value) -> {
      if (header.length() > 0) {
        header.append(',');
      }
      header.append(key).append('=').append(value);
    });
    return header.toString();
  }

  private static void writeLog(ThriftWriter w, EventData event) {
    w.fieldHeader(I64, 1);
    w.writeI64(Math.floorDiv(event.epochNanos(), 1000L));
    w.fieldHeader(LIST, 2);
    int mark = w.beginList(STRUCT);
    int fields = 0;
    Attributes attributes = event.attributes();
    boolean exception = EXCEPTION_EVENT.equals(event.name());
    // The spec gives an "event" attribute precedence over the event's name.
    if (attributes.get(EVENT) == null) {
      writeStringTag(w, EVENT, exception ? ERROR : event.name());
      fields++;
    }
    for (int i = 0, n = attributes.size(); i < n; i++) {
      Object value = attributes.value(i);
      if (value == null) {
        continue;
      }
      String key = attributes.key(i);
      writeTag(w, exception && value instanceof String ? openTracingName(key) : key, value);
      fields++;
    }
    fields += writeCountTag(w, EVENT_DROPPED_ATTRIBUTES, event.droppedAttributesCount());
    w.endList(mark, fields);
    w.stop();
  }

  /** The OpenTracing log field Jaeger's UI shows for an exception attribute; others keep their name. */
  private static String openTracingName(String key) {
    switch (key) {
      case EXCEPTION_TYPE:
        return ERROR_KIND;
      case EXCEPTION_MESSAGE:
        return MESSAGE;
      case EXCEPTION_STACKTRACE:
        return STACK;
      default:
        return key;
    }
  }

  private static int writeCountTag(ThriftWriter w, String key, long count) {
    if (count <= 0) {
      return 0;
    }
    writeLongTag(w, key, count);
    return 1;
  }

  /** A tag typed after {@code value}: String, Long (or any integral number), Double, Boolean, or a JSON list. */
  private static void writeTag(ThriftWriter w, String key, Object value) {
    if (value instanceof String) {
      writeStringTag(w, key, (String) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      writeLongTag(w, key, ((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      writeDoubleTag(w, key, ((Number) value).doubleValue());
    } else if (value instanceof Boolean) {
      writeBoolTag(w, key, (Boolean) value);
    } else if (value instanceof List) {
      writeStringTag(w, key, JsonList.toJson((List<?>) value));
    } else {
      writeStringTag(w, key, String.valueOf(value));
    }
  }

  private static void tagHeader(ThriftWriter w, String key, int type) {
    w.fieldHeader(STRING, 1);
    w.writeString(key);
    w.fieldHeader(I32, 2);
    w.writeI32(type);
  }

  private static void writeStringTag(ThriftWriter w, String key, String value) {
    tagHeader(w, key, TAG_STRING);
    w.fieldHeader(STRING, 3);
    w.writeString(value);
    w.stop();
  }

  private static void writeDoubleTag(ThriftWriter w, String key, double value) {
    tagHeader(w, key, TAG_DOUBLE);
    w.fieldHeader(DOUBLE, 4);
    w.writeDouble(value);
    w.stop();
  }

  private static void writeBoolTag(ThriftWriter w, String key, boolean value) {
    tagHeader(w, key, TAG_BOOL);
    w.fieldHeader(BOOL, 5);
    w.writeBool(value);
    w.stop();
  }

  private static void writeLongTag(ThriftWriter w, String key, long value) {
    tagHeader(w, key, TAG_LONG);
    w.fieldHeader(I64, 6);
    w.writeI64(value);
    w.stop();
  }
}
