package dev.ariadne.exporter.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Hex;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.exporter.http.SpanEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Writes spans as a Zipkin v2 JSON array ({@code POST /api/v2/spans}); RATIONALE.md explains
 * each mapping choice.
 *
 * <p>In short: ids as lowercase hex (the trace id as 16 digits when its high half is zero, as
 * Zipkin stores it), kind except INTERNAL, times in microseconds (duration at least 1),
 * {@code localEndpoint.serviceName} from the resource's {@code service.name} in lowercase, a
 * {@code remoteEndpoint} from the peer attributes ({@link RemoteEndpoint}), events as annotations,
 * every attribute as a string tag (lists as JSON text), and status, instrumentation scope and
 * dropped counts as {@code otel.*} / {@code error} tags.
 *
 * <p>Each thread keeps one output buffer and one reusable Jackson generator; an encode allocates
 * the returned array and little else. Spans whose trace or span id is zero are left out, because
 * Zipkin rejects the whole request for one of them: {@link #canEncode} tells {@link
 * dev.ariadne.exporter.http.HttpExporter} so, which leaves them out before encoding and counts them
 * as dropped; {@link #encode} skips them as well for a caller that encodes directly. Never throws
 * on span content.
 */
final class ZipkinJsonEncoder implements SpanEncoder {
  static final ZipkinJsonEncoder INSTANCE = new ZipkinJsonEncoder();

  private static final JsonFactory FACTORY = JsonFactory.builder()
      // NaN and infinities inside JSON-text tags become the strings "NaN", "Infinity", ...
      .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .build();
  // A buffer that grew past this for one huge batch is not kept for the thread's lifetime.
  private static final int KEEP_BUFFER_BYTES = 1 << 20;

  private static final SerializableString TRACE_ID = new SerializedString("traceId");
  private static final SerializableString PARENT_ID = new SerializedString("parentId");
  private static final SerializableString ID = new SerializedString("id");
  private static final SerializableString KIND = new SerializedString("kind");
  private static final SerializableString NAME = new SerializedString("name");
  private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
  private static final SerializableString DURATION = new SerializedString("duration");
  private static final SerializableString LOCAL_ENDPOINT = new SerializedString("localEndpoint");
  private static final SerializableString REMOTE_ENDPOINT = new SerializedString("remoteEndpoint");
  private static final SerializableString SERVICE_NAME = new SerializedString("serviceName");
  private static final SerializableString IPV4 = new SerializedString("ipv4");
  private static final SerializableString IPV6 = new SerializedString("ipv6");
  private static final SerializableString PORT = new SerializedString("port");
  private static final SerializableString ANNOTATIONS = new SerializedString("annotations");
  private static final SerializableString VALUE = new SerializedString("value");
  private static final SerializableString TAGS = new SerializedString("tags");
  private static final SerializableString CLIENT = new SerializedString("CLIENT");
  private static final SerializableString SERVER = new SerializedString("SERVER");
  private static final SerializableString PRODUCER = new SerializedString("PRODUCER");
  private static final SerializableString CONSUMER = new SerializedString("CONSUMER");
  private static final SerializableString TRUE = new SerializedString("true");
  private static final SerializableString FALSE = new SerializedString("false");

  static final String TAG_ERROR = "error";
  static final String TAG_STATUS_CODE = "otel.status_code";
  static final String TAG_SCOPE_NAME = "otel.scope.name";
  static final String TAG_SCOPE_VERSION = "otel.scope.version";
  static final String TAG_DROPPED_ATTRIBUTES = "otel.dropped_attributes_count";
  static final String TAG_DROPPED_EVENTS = "otel.dropped_events_count";
  static final String TAG_DROPPED_LINKS = "otel.dropped_links_count";

  private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

  private ZipkinJsonEncoder() {}

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public boolean canEncode(SpanData span) {
    return span != null && hasValidIds(span.spanContext());
  }

  @Override
  public byte[] encode(List<SpanData> spans) {
    State state = STATE.get();
    try {
      JsonGenerator json = state.json;
      json.writeStartArray();
      if (spans != null) {
        for (int i = 0, n = spans.size(); i < n; i++) {
          SpanData span = spans.get(i);
          if (canEncode(span)) {
            writeSpan(state, span);
          }
        }
      }
      json.writeEndArray();
      json.flush();
      byte[] body = state.out.toByteArray();
      state.reset();
      return body;
    } catch (IOException e) {
      // Only Jackson's own state checks throw here: the sink is memory. Start afresh next time.
      STATE.remove();
      throw new IllegalStateException("Zipkin JSON encoding failed", e);
    } catch (RuntimeException | Error e) {
      STATE.remove();
      throw e;
    }
  }

  private static boolean hasValidIds(SpanContext context) {
    return context != null && (context.traceIdHigh() != 0 || context.traceIdLow() != 0) && context.spanId() != 0;
  }

  private static void writeSpan(State state, SpanData span) throws IOException {
    JsonGenerator json = state.json;
    char[] chars = state.chars;
    SpanContext context = span.spanContext();
    json.writeStartObject();

    json.writeFieldName(TRACE_ID);
    json.writeString(chars, 0, Hex.writeTraceId(context.traceIdHigh(), context.traceIdLow(), chars, 0));
    SpanContext parent = span.parentSpanContext();
    if (parent != null && parent.spanId() != 0) {
      Hex.writeLong(parent.spanId(), chars, 0);
      json.writeFieldName(PARENT_ID);
      json.writeString(chars, 0, 16);
    }
    Hex.writeLong(context.spanId(), chars, 0);
    json.writeFieldName(ID);
    json.writeString(chars, 0, 16);

    SpanKind kind = span.kind();
    SerializableString zipkinKind = zipkinKind(kind);
    if (zipkinKind != null) {
      json.writeFieldName(KIND);
      json.writeString(zipkinKind);
    }
    String name = span.name();
    if (name != null && !name.isEmpty()) {
      json.writeFieldName(NAME);
      json.writeString(Text.wellFormed(name));
    }

    long start = span.startEpochNanos();
    long startMicros = Math.floorDiv(start, 1000L);
    if (startMicros > 0) {
      json.writeFieldName(TIMESTAMP);
      json.writeNumber(startMicros);
    }
    if (span.hasEnded()) {
      long nanos = span.endEpochNanos() - start;
      json.writeFieldName(DURATION);
      // Zipkin reads a missing or zero duration as "unfinished"; a sub-microsecond span is not.
      json.writeNumber(nanos >= 1000L ? nanos / 1000L : 1L);
    }

    json.writeFieldName(LOCAL_ENDPOINT);
    json.writeStartObject();
    json.writeFieldName(SERVICE_NAME);
    json.writeString(state.serviceName(span.resource()));
    json.writeEndObject();

    Attributes attributes = span.attributes();
    RemoteEndpoint remote = state.remote;
    if (remote.resolve(kind, attributes)) {
      writeRemoteEndpoint(json, remote);
    }

    List<EventData> events = span.events();
    if (events != null && !events.isEmpty()) {
      json.writeFieldName(ANNOTATIONS);
      json.writeStartArray();
      for (int i = 0, n = events.size(); i < n; i++) {
        EventData event = events.get(i);
        if (event != null) {
          writeAnnotation(state, event);
        }
      }
      json.writeEndArray();
    }

    writeTags(state, span, attributes);
    json.writeEndObject();
  }

  private static SerializableString zipkinKind(SpanKind kind) {
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case CLIENT:
        return CLIENT;
      case SERVER:
        return SERVER;
      case PRODUCER:
        return PRODUCER;
      case CONSUMER:
        return CONSUMER;
      default:
        return null;
    }
  }

  private static void writeRemoteEndpoint(JsonGenerator json, RemoteEndpoint remote) throws IOException {
    json.writeFieldName(REMOTE_ENDPOINT);
    json.writeStartObject();
    if (remote.serviceName != null) {
      json.writeFieldName(SERVICE_NAME);
      json.writeString(remote.serviceName);
    }
    if (remote.ipv4 != null) {
      json.writeFieldName(IPV4);
      json.writeString(remote.ipv4);
    }
    if (remote.ipv6 != null) {
      json.writeFieldName(IPV6);
      json.writeString(remote.ipv6);
    }
    if (remote.port != 0) {
      json.writeFieldName(PORT);
      json.writeNumber(remote.port);
    }
    json.writeEndObject();
  }

  /**
   * Writes {@code {"timestamp":µs,"value":...}}; the value is the event name, or, when the event
   * has attributes, {@code "name":{"key":value,...}} as the OpenTelemetry Zipkin mapping shows it.
   */
  private static void writeAnnotation(State state, EventData event) throws IOException {
    JsonGenerator json = state.json;
    String name = event.name() == null ? "" : Text.wellFormed(event.name());
    json.writeStartObject();
    json.writeFieldName(TIMESTAMP);
    json.writeNumber(Math.floorDiv(event.epochNanos(), 1000L));
    json.writeFieldName(VALUE);
    Attributes attributes = event.attributes();
    if (attributes == null || attributes.isEmpty()) {
      json.writeString(name);
    } else {
      // Written as the JSON object {"name":{...}} and sent without its outer braces.
      JsonGenerator scratch = state.scratch;
      scratch.writeStartObject();
      scratch.writeFieldName(name);
      scratch.writeStartObject();
      for (int i = 0, n = attributes.size(); i < n; i++) {
        String key = attributes.key(i);
        if (key != null) {
          scratch.writeFieldName(Text.wellFormed(key));
          writeJsonValue(scratch, attributes.value(i), true);
        }
      }
      scratch.writeEndObject();
      scratch.writeEndObject();
      scratch.flush();
      json.writeUTF8String(state.scratchOut.buffer(), 1, state.scratchOut.size() - 2);
      state.scratchOut.reset();
    }
    json.writeEndObject();
  }

  private static void writeTags(State state, SpanData span, Attributes attributes) throws IOException {
    JsonGenerator json = state.json;
    StatusCode status = span.status() == null ? StatusCode.UNSET : span.status();
    InstrumentationScope scope = span.instrumentationScope();
    String scopeVersion = scope == null ? null : scope.version();
    int droppedAttributes = span.droppedAttributesCount();
    int droppedEvents = span.droppedEventsCount();
    int droppedLinks = span.droppedLinksCount();
    boolean open = false;

    if (attributes != null) {
      for (int i = 0, n = attributes.size(); i < n; i++) {
        String key = attributes.key(i);
        Object value = attributes.value(i);
        if (key == null || value == null) {
          continue;
        }
        // Tags this encoder derives from the span itself win over attributes of the same name.
        if (key.startsWith("otel.")) {
          if (key.equals(TAG_STATUS_CODE) && status != StatusCode.UNSET
              || key.equals(TAG_SCOPE_NAME) && scope != null
              || key.equals(TAG_SCOPE_VERSION) && scopeVersion != null
              || key.equals(TAG_DROPPED_ATTRIBUTES) && droppedAttributes > 0
              || key.equals(TAG_DROPPED_EVENTS) && droppedEvents > 0
              || key.equals(TAG_DROPPED_LINKS) && droppedLinks > 0) {
            continue;
          }
        } else if (key.equals(TAG_ERROR)
            && (status == StatusCode.ERROR || Boolean.FALSE.equals(value) || "false".equals(value))) {
          // Zipkin marks a span failed whenever an "error" tag exists, even "false".
          continue;
        }
        open = openTags(json, open);
        json.writeFieldName(Text.wellFormed(key));
        writeTagValue(state, value);
      }
    }
    if (scope != null) {
      open = openTags(json, open);
      json.writeFieldName(TAG_SCOPE_NAME);
      json.writeString(Text.wellFormed(scope.name()));
      if (scopeVersion != null) {
        json.writeFieldName(TAG_SCOPE_VERSION);
        json.writeString(Text.wellFormed(scopeVersion));
      }
    }
    if (status != StatusCode.UNSET) {
      open = openTags(json, open);
      json.writeFieldName(TAG_STATUS_CODE);
      json.writeString(status.name());
      if (status == StatusCode.ERROR) {
        String description = span.statusDescription();
        json.writeFieldName(TAG_ERROR);
        json.writeString(description == null || description.isEmpty() ? "true" : Text.wellFormed(description));
      }
    }
    open = writeCount(state, open, TAG_DROPPED_ATTRIBUTES, droppedAttributes);
    open = writeCount(state, open, TAG_DROPPED_EVENTS, droppedEvents);
    open = writeCount(state, open, TAG_DROPPED_LINKS, droppedLinks);
    if (open) {
      json.writeEndObject();
    }
  }

  private static boolean openTags(JsonGenerator json, boolean open) throws IOException {
    if (!open) {
      json.writeFieldName(TAGS);
      json.writeStartObject();
    }
    return true;
  }

  private static boolean writeCount(State state, boolean open, String key, int count) throws IOException {
    if (count <= 0) {
      return open;
    }
    boolean nowOpen = openTags(state.json, open);
    state.json.writeFieldName(key);
    writeDecimalString(state, count);
    return nowOpen;
  }

  /** A tag value is always a JSON string: scalars in their plain text form, lists as JSON text. */
  private static void writeTagValue(State state, Object value) throws IOException {
    JsonGenerator json = state.json;
    if (value instanceof String) {
      json.writeString(Text.wellFormed((String) value));
    } else if (value instanceof Boolean) {
      json.writeString((Boolean) value ? TRUE : FALSE);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      writeDecimalString(state, ((Number) value).longValue());
    } else if (value instanceof Number) {
      // Locale-independent; NaN and infinities come out as "NaN", "Infinity", "-Infinity".
      json.writeString(Double.toString(((Number) value).doubleValue()));
    } else if (value instanceof List) {
      JsonGenerator scratch = state.scratch;
      writeJsonValue(scratch, value, true);
      scratch.flush();
      json.writeUTF8String(state.scratchOut.buffer(), 0, state.scratchOut.size());
      state.scratchOut.reset();
    } else {
      json.writeString(Text.wellFormed(String.valueOf(value)));
    }
  }

  private static void writeDecimalString(State state, long value) throws IOException {
    char[] chars = state.chars;
    int start = Text.writeDecimal(value, chars, chars.length);
    state.json.writeString(chars, start, chars.length - start);
  }

  /** A value as JSON: strings, numbers, booleans, null, and (at the top level only) lists. */
  private static void writeJsonValue(JsonGenerator json, Object value, boolean listAllowed) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      json.writeString(Text.wellFormed((String) value));
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number) {
      json.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof List && listAllowed) {
      List<?> list = (List<?>) value;
      json.writeStartArray();
      for (int i = 0, n = list.size(); i < n; i++) {
        writeJsonValue(json, list.get(i), false);
      }
      json.writeEndArray();
    } else {
      json.writeString(Text.wellFormed(String.valueOf(value)));
    }
  }

  /** One thread's buffers and generators, reused across encodes. */
  private static final class State {
    final ByteOutput out = new ByteOutput(16 * 1024);
    final JsonGenerator json;
    final ByteOutput scratchOut = new ByteOutput(1024);
    final JsonGenerator scratch;
    // hex ids (32) and decimals (20), used one at a time
    final char[] chars = new char[32];
    final RemoteEndpoint remote = new RemoteEndpoint();
    private Resource lastResource;
    private String lastServiceName;

    State() {
      try {
        json = FACTORY.createGenerator(out);
        scratch = FACTORY.createGenerator(scratchOut);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      // Each encode writes a new root value into the same generator; nothing may go between them.
      json.setRootValueSeparator(null);
      scratch.setRootValueSeparator(null);
    }

    /** The resource's service name in lowercase (as Zipkin stores it), cached per resource. */
    String serviceName(Resource resource) {
      if (resource != lastResource || lastServiceName == null) {
        String name = resource == null ? Resource.UNKNOWN_SERVICE : resource.serviceName();
        if (name == null || name.isBlank()) {
          name = Resource.UNKNOWN_SERVICE;
        }
        lastServiceName = Text.wellFormed(name).toLowerCase(Locale.ROOT);
        lastResource = resource;
      }
      return lastServiceName;
    }

    void reset() {
      out.reset();
      scratchOut.reset();
      if (out.capacity() > KEEP_BUFFER_BYTES) {
        out.shrink(16 * 1024);
      }
    }
  }
}
