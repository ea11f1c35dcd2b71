package dev.ariadne.exporter.otlp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.exporter.http.SpanEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * Writes a batch of spans as one OTLP/JSON {@code ExportTraceServiceRequest}: the proto3 JSON
 * mapping of opentelemetry-proto's {@code trace.proto} with OTLP's deviations (hex ids, enums as
 * numbers).
 *
 * <p>Fields holding their proto3 default are left out, as proto3 JSON allows: {@code parentSpanId}
 * of a root span, an empty {@code traceState}, empty {@code attributes}, {@code events} and
 * {@code links}, zero dropped counts, an empty status message, a null scope version, and
 * {@code schemaUrl} (Ariadne has none). {@code status.code}, {@code kind} and {@code flags} are
 * always written. Bad values never throw: null strings are written as empty, negative times and
 * counts as 0, null spans, events, links, attribute keys and values are skipped.
 */
final class OtlpJsonEncoder implements SpanEncoder {
  static final OtlpJsonEncoder INSTANCE = new OtlpJsonEncoder();

  // Span.flags bits 8 and 9 (trace.proto's SpanFlags): whether the parent's remoteness is known,
  // and whether it is remote; the same bits on a link describe the linked context.
  static final int FLAG_HAS_IS_REMOTE = 0x100;
  static final int FLAG_IS_REMOTE = 0x200;
  // A list nested deeper than this inside an attribute value is left out.
  private static final int MAX_VALUE_DEPTH = 8;

  private static final SerializableString RESOURCE_SPANS = JsonOut.key("resourceSpans");
  private static final SerializableString RESOURCE = JsonOut.key("resource");
  private static final SerializableString SCOPE_SPANS = JsonOut.key("scopeSpans");
  private static final SerializableString SCOPE = JsonOut.key("scope");
  private static final SerializableString SPANS = JsonOut.key("spans");
  private static final SerializableString NAME = JsonOut.key("name");
  private static final SerializableString VERSION = JsonOut.key("version");
  private static final SerializableString TRACE_ID = JsonOut.key("traceId");
  private static final SerializableString SPAN_ID = JsonOut.key("spanId");
  private static final SerializableString PARENT_SPAN_ID = JsonOut.key("parentSpanId");
  private static final SerializableString TRACE_STATE = JsonOut.key("traceState");
  private static final SerializableString FLAGS = JsonOut.key("flags");
  private static final SerializableString KIND = JsonOut.key("kind");
  private static final SerializableString START_TIME = JsonOut.key("startTimeUnixNano");
  private static final SerializableString END_TIME = JsonOut.key("endTimeUnixNano");
  private static final SerializableString ATTRIBUTES = JsonOut.key("attributes");
  private static final SerializableString DROPPED_ATTRIBUTES = JsonOut.key("droppedAttributesCount");
  private static final SerializableString EVENTS = JsonOut.key("events");
  private static final SerializableString DROPPED_EVENTS = JsonOut.key("droppedEventsCount");
  private static final SerializableString TIME = JsonOut.key("timeUnixNano");
  private static final SerializableString LINKS = JsonOut.key("links");
  private static final SerializableString DROPPED_LINKS = JsonOut.key("droppedLinksCount");
  private static final SerializableString STATUS = JsonOut.key("status");
  private static final SerializableString CODE = JsonOut.key("code");
  private static final SerializableString MESSAGE = JsonOut.key("message");
  private static final SerializableString KEY = JsonOut.key("key");
  private static final SerializableString VALUE = JsonOut.key("value");
  private static final SerializableString STRING_VALUE = JsonOut.key("stringValue");
  private static final SerializableString BOOL_VALUE = JsonOut.key("boolValue");
  private static final SerializableString INT_VALUE = JsonOut.key("intValue");
  private static final SerializableString DOUBLE_VALUE = JsonOut.key("doubleValue");
  private static final SerializableString ARRAY_VALUE = JsonOut.key("arrayValue");
  private static final SerializableString VALUES = JsonOut.key("values");

  private final ThreadLocal<Writer> writers = ThreadLocal.withInitial(Writer::new);

  private OtlpJsonEncoder() {}

  @Override
  public String contentType() {
    return "application/json";
  }

  /** Encodes {@code spans}; a null or empty list gives a request with no {@code resourceSpans}. */
  @Override
  public byte[] encode(List<SpanData> spans) {
    Writer writer = writers.get();
    try {
      return writer.write(spans == null ? List.of() : spans instanceof RandomAccess ? spans : new ArrayList<>(spans));
    } catch (IOException e) {
      writers.remove();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      // a half-written body would poison the next one: start over with a fresh writer
      writers.remove();
      throw e;
    } finally {
      writer.groups.clear();
    }
  }

  @Override
  public String toString() {
    return "OtlpJsonEncoder";
  }

  /** One thread's writer and grouping scratch. */
  private static final class Writer {
    final JsonOut out = new JsonOut();
    final JsonGenerator gen = out.generator();
    final SpanGroups groups = new SpanGroups();

    byte[] write(List<SpanData> spans) throws IOException {
      groups.group(spans);
      gen.writeStartObject();
      out.name(RESOURCE_SPANS);
      gen.writeStartArray();
      for (int r = 0, resources = groups.resourceCount(); r < resources; r++) {
        gen.writeStartObject();
        writeResource(groups.resource(r));
        out.name(SCOPE_SPANS);
        gen.writeStartArray();
        for (int g = 0, n = groups.groupCount(); g < n; g++) {
          if (groups.groupResource(g) == r) {
            writeScopeSpans(spans, g);
          }
        }
        gen.writeEndArray();
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
      return out.finish();
    }

    private void writeResource(Resource resource) throws IOException {
      out.name(RESOURCE);
      gen.writeStartObject();
      writeAttributes(resource.attributes());
      gen.writeEndObject();
    }

    private void writeScopeSpans(List<SpanData> spans, int group) throws IOException {
      gen.writeStartObject();
      out.name(SCOPE);
      gen.writeStartObject();
      InstrumentationScope scope = groups.groupScope(group);
      if (scope != null) {
        writeStringIfNotEmpty(NAME, scope.name());
        writeStringIfNotEmpty(VERSION, scope.version());
      }
      gen.writeEndObject();
      out.name(SPANS);
      gen.writeStartArray();
      for (int p = groups.groupStart(group), end = groups.groupEnd(group); p < end; p++) {
        writeSpan(spans.get(groups.spanAt(p)));
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }

    private void writeSpan(SpanData span) throws IOException {
      SpanContext context = orInvalid(span.spanContext());
      SpanContext parent = orInvalid(span.parentSpanContext());
      gen.writeStartObject();
      out.name(TRACE_ID);
      out.hex(context.traceIdHigh(), context.traceIdLow());
      out.name(SPAN_ID);
      out.hex(context.spanId());
      writeTraceState(context.traceState());
      if (parent.isValid()) {
        out.name(PARENT_SPAN_ID);
        out.hex(parent.spanId());
      }
      out.name(FLAGS);
      gen.writeNumber(flags(context.traceFlags(), parent.isValid() && parent.isRemote()));
      out.name(NAME);
      out.string(span.name());
      out.name(KIND);
      gen.writeNumber(kind(span.kind()));
      out.name(START_TIME);
      out.decimalString(Math.max(0, span.startEpochNanos()));
      out.name(END_TIME);
      out.decimalString(Math.max(0, span.endEpochNanos()));
      writeAttributes(span.attributes());
      writeCount(DROPPED_ATTRIBUTES, span.droppedAttributesCount());
      writeEvents(span.events());
      writeCount(DROPPED_EVENTS, span.droppedEventsCount());
      writeLinks(span.links());
      writeCount(DROPPED_LINKS, span.droppedLinksCount());
      out.name(STATUS);
      gen.writeStartObject();
      out.name(CODE);
      gen.writeNumber(statusCode(span.status()));
      writeStringIfNotEmpty(MESSAGE, span.statusDescription());
      gen.writeEndObject();
      gen.writeEndObject();
    }

    private void writeEvents(List<EventData> events) throws IOException {
      if (events == null || events.isEmpty()) {
        return;
      }
      out.name(EVENTS);
      gen.writeStartArray();
      // index loops: an iterator per list would be the only allocation left per span
      for (int i = 0, n = events.size(); i < n; i++) {
        EventData event = events.get(i);
        if (event == null) {
          continue;
        }
        gen.writeStartObject();
        out.name(TIME);
        out.decimalString(Math.max(0, event.epochNanos()));
        out.name(NAME);
        out.string(event.name());
        writeAttributes(event.attributes());
        writeCount(DROPPED_ATTRIBUTES, event.droppedAttributesCount());
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }

    private void writeLinks(List<Link> links) throws IOException {
      if (links == null || links.isEmpty()) {
        return;
      }
      out.name(LINKS);
      gen.writeStartArray();
      for (int i = 0, n = links.size(); i < n; i++) {
        Link link = links.get(i);
        if (link == null) {
          continue;
        }
        SpanContext context = orInvalid(link.spanContext());
        gen.writeStartObject();
        out.name(TRACE_ID);
        out.hex(context.traceIdHigh(), context.traceIdLow());
        out.name(SPAN_ID);
        out.hex(context.spanId());
        writeTraceState(context.traceState());
        writeAttributes(link.attributes());
        out.name(FLAGS);
        gen.writeNumber(flags(context.traceFlags(), context.isRemote()));
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }

    private void writeTraceState(TraceState state) throws IOException {
      if (state != null && !state.isEmpty()) {
        out.name(TRACE_STATE);
        out.traceState(state);
      }
    }

    private void writeAttributes(Attributes attributes) throws IOException {
      if (attributes == null || attributes.isEmpty()) {
        return;
      }
      out.name(ATTRIBUTES);
      gen.writeStartArray();
      for (int i = 0, n = attributes.size(); i < n; i++) {
        String key = attributes.key(i);
        Object value = attributes.value(i);
        if (key == null || value == null) {
          continue;
        }
        gen.writeStartObject();
        out.name(KEY);
        out.string(key);
        out.name(VALUE);
        writeAnyValue(value, 0);
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }

    // By the value's class rather than Attributes.type(i), so that any Attributes implementation,
    // even one whose type and value disagree, still gives a well-formed AnyValue.
    private void writeAnyValue(Object value, int depth) throws IOException {
      gen.writeStartObject();
      if (value instanceof String) {
        out.name(STRING_VALUE);
        out.string((String) value);
      } else if (value instanceof Boolean) {
        out.name(BOOL_VALUE);
        gen.writeBoolean((Boolean) value);
      } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
        out.name(INT_VALUE);
        out.decimalString(((Number) value).longValue());
      } else if (value instanceof Double || value instanceof Float) {
        out.name(DOUBLE_VALUE);
        out.number(((Number) value).doubleValue());
      } else if (value instanceof List) {
        out.name(ARRAY_VALUE);
        writeArrayValue((List<?>) value, depth);
      } else {
        out.name(STRING_VALUE);
        out.string(String.valueOf(value));
      }
      gen.writeEndObject();
    }

    private void writeArrayValue(List<?> list, int depth) throws IOException {
      gen.writeStartObject();
      if (!list.isEmpty()) {
        out.name(VALUES);
        gen.writeStartArray();
        for (int i = 0, n = list.size(); i < n; i++) {
          Object element = list.get(i);
          if (element != null && (depth < MAX_VALUE_DEPTH || !(element instanceof List))) {
            writeAnyValue(element, depth + 1);
          }
        }
        gen.writeEndArray();
      }
      gen.writeEndObject();
    }

    private void writeCount(SerializableString name, int count) throws IOException {
      if (count > 0) {
        out.name(name);
        gen.writeNumber(count);
      }
    }

    private void writeStringIfNotEmpty(SerializableString name, String value) throws IOException {
      if (value != null && !value.isEmpty()) {
        out.name(name);
        out.string(value);
      }
    }
  }

  /** The W3C trace flags in the low byte plus trace.proto's is-remote bits. */
  static int flags(byte traceFlags, boolean remote) {
    return (traceFlags & 0xff) | FLAG_HAS_IS_REMOTE | (remote ? FLAG_IS_REMOTE : 0);
  }

  /** trace.proto's SpanKind number; null counts as INTERNAL, Ariadne's default kind. */
  static int kind(SpanKind kind) {
    if (kind == null) {
      return 1;
    }
    switch (kind) {
      case SERVER:
        return 2;
      case CLIENT:
        return 3;
      case PRODUCER:
        return 4;
      case CONSUMER:
        return 5;
      default:
        return 1;
    }
  }

  /** trace.proto's StatusCode number; null counts as UNSET. */
  static int statusCode(StatusCode code) {
    if (code == StatusCode.OK) {
      return 1;
    }
    return code == StatusCode.ERROR ? 2 : 0;
  }

  private static SpanContext orInvalid(SpanContext context) {
    return context == null ? SpanContext.invalid() : context;
  }
}
