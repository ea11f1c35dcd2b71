package dev.ariadne.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.SpanRef;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * The mapping from spans to the official {@code io.jaegertracing.thriftjava} classes, written out a
 * second time and independently of the encoder, plus decoding with libthrift; tests compare the two.
 */
final class ExpectedJaeger {
  private ExpectedJaeger() {}

  /** Decodes a body with libthrift's own binary protocol; the generated read() checks required fields. */
  static Batch decode(byte[] body) {
    try {
      Batch batch = new Batch();
      new TDeserializer(new TBinaryProtocol.Factory()).deserialize(batch, body);
      return batch;
    } catch (TException e) {
      throw new AssertionError("body does not decode as a jaeger.thrift Batch", e);
    }
  }

  /** Encodes {@code spans}, decodes the body, and asserts it equals the expected batch field by field. */
  static Batch assertRoundTrip(List<SpanData> spans) {
    Batch actual = decode(JaegerHttpExporter.encoder().encode(spans));
    assertSameBatch(actual, batch(spans));
    return actual;
  }

  static void assertSameBatch(Batch actual, Batch expected) {
    if (expected.equals(actual)) {
      return;
    }
    // Thrift's equals says NaN != NaN: compare again on exact bits; the slow, reflective comparison
    // runs only on a real difference, to name it.
    if (!sameTags(actual.getProcess().getTags(), expected.getProcess().getTags())
        || !actual.getProcess().getServiceName().equals(expected.getProcess().getServiceName())) {
      assertSame(actual.getProcess(), expected.getProcess(), "process");
    }
    assertThat(actual.getSpansSize()).as("span count").isEqualTo(expected.getSpansSize());
    for (int i = 0; i < expected.getSpansSize(); i++) {
      Span a = actual.getSpans().get(i);
      Span e = expected.getSpans().get(i);
      if (!sameSpan(a, e)) {
        assertThat(keys(a.getTags())).as("tag keys of span %d", i).isEqualTo(keys(e.getTags()));
        assertSame(a, e, "span " + i);
      }
    }
  }

  private static boolean sameSpan(Span a, Span e) {
    Span bareA = new Span(a).setTags(null).setLogs(null);
    Span bareE = new Span(e).setTags(null).setLogs(null);
    if (!bareA.equals(bareE) || !sameTags(a.getTags(), e.getTags()) || a.getLogsSize() != e.getLogsSize()
        || a.isSetLogs() != e.isSetLogs()) {
      return false;
    }
    for (int i = 0; i < e.getLogsSize(); i++) {
      Log la = a.getLogs().get(i);
      Log le = e.getLogs().get(i);
      if (la.getTimestamp() != le.getTimestamp() || !sameTags(la.getFields(), le.getFields())) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameTags(List<Tag> a, List<Tag> e) {
    if (a == null || e == null || a.size() != e.size()) {
      return a == e;
    }
    for (int i = 0; i < e.size(); i++) {
      Tag ta = a.get(i);
      Tag te = e.get(i);
      boolean same = te.equals(ta)
          || (te.getVType() == TagType.DOUBLE && ta.getVType() == TagType.DOUBLE && te.getKey().equals(ta.getKey())
              && Double.doubleToRawLongBits(te.getVDouble()) == Double.doubleToRawLongBits(ta.getVDouble()));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  private static List<String> keys(List<Tag> tags) {
    List<String> keys = new ArrayList<>();
    if (tags != null) {
      tags.forEach(t -> keys.add(t.getKey()));
    }
    return keys;
  }

  private static void assertSame(Object actual, Object expected, String what) {
    assertThat(actual).as(what).usingRecursiveComparison()
        .withComparatorForType(
            (Double a, Double b) -> Long.compare(Double.doubleToRawLongBits(a), Double.doubleToRawLongBits(b)),
            Double.class)
        .isEqualTo(expected);
  }

  static Batch batch(List<SpanData> spans) {
    Resource resource = spans.isEmpty() ? Resource.empty() : spans.get(0).resource();
    List<Span> out = new ArrayList<>();
    for (SpanData span : spans) {
      out.add(span(span));
    }
    return new Batch(process(resource), out);
  }

  static Process process(Resource resource) {
    Process process = new Process(utf8(resource.serviceName()));
    List<Tag> tags = new ArrayList<>();
    Attributes attributes = resource.attributes();
    for (int i = 0; i < attributes.size(); i++) {
      if (!(attributes.key(i).equals("service.name") && attributes.value(i) instanceof String)) {
        tags.add(tag(attributes.key(i), attributes.value(i)));
      }
    }
    if (!tags.isEmpty()) {
      process.setTags(tags);
    }
    return process;
  }

  static Span span(SpanData span) {
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    Span out = new Span(context.traceIdLow(), context.traceIdHigh(), context.spanId(),
        parent.isValid() ? parent.spanId() : 0L, utf8(span.name()), context.isSampled() ? 1 : 0,
        Math.floorDiv(span.startEpochNanos(), 1000L), span.durationNanos() / 1000L);
    List<SpanRef> refs = new ArrayList<>();
    if (parent.isValid()) {
      refs.add(new SpanRef(SpanRefType.CHILD_OF, parent.traceIdLow(), parent.traceIdHigh(), parent.spanId()));
    }
    int invalidLinks = 0;
    int linkAttributes = 0;
    for (Link link : span.links()) {
      if (link == null || !link.spanContext().isValid()) {
        invalidLinks++;
        continue;
      }
      SpanContext linked = link.spanContext();
      refs.add(new SpanRef(SpanRefType.FOLLOWS_FROM, linked.traceIdLow(), linked.traceIdHigh(), linked.spanId()));
      linkAttributes += link.attributes().size();
    }
    if (parent.isValid() || !span.links().isEmpty()) {
      out.setReferences(refs);
    }

    List<Tag> tags = new ArrayList<>();
    Attributes attributes = span.attributes();
    for (int i = 0; i < attributes.size(); i++) {
      Object value = attributes.value(i);
      if (value == null || (span.status() == StatusCode.ERROR && attributes.key(i).equals("error"))) {
        continue;
      }
      tags.add(tag(attributes.key(i), value));
    }
    switch (span.kind()) {
      case CLIENT:
      case SERVER:
      case PRODUCER:
      case CONSUMER:
        tags.add(tag("span.kind", span.kind().name().toLowerCase(java.util.Locale.ROOT)));
        break;
      default:
        break;
    }
    if (span.status() != StatusCode.UNSET) {
      tags.add(tag("otel.status_code", span.status().name()));
      if (!span.statusDescription().isEmpty()) {
        tags.add(tag("otel.status_description", span.statusDescription()));
      }
      if (span.status() == StatusCode.ERROR) {
        tags.add(tag("error", true));
      }
    }
    tags.add(tag("otel.scope.name", span.instrumentationScope().name()));
    if (span.instrumentationScope().version() != null) {
      tags.add(tag("otel.scope.version", span.instrumentationScope().version()));
    }
    if (!context.traceState().isEmpty()) {
      List<String> members = new ArrayList<>();
      context.traceState().forEach((k, v) -> members.add(k + "=" + v));
      tags.add(tag("w3c.tracestate", String.join(",", members)));
    }
    addCount(tags, "otel.dropped_attributes_count", span.droppedAttributesCount());
    addCount(tags, "otel.truncated_attribute_values_count", span.truncatedAttributeValuesCount());
    addCount(tags, "otel.dropped_events_count", span.droppedEventsCount());
    addCount(tags, "otel.dropped_links_count", span.droppedLinksCount() + invalidLinks);
    addCount(tags, "otel.dropped_link_attributes_count", linkAttributes);
    out.setTags(tags);

    if (!span.events().isEmpty()) {
      List<Log> logs = new ArrayList<>();
      for (EventData event : span.events()) {
        logs.add(log(event));
      }
      out.setLogs(logs);
    }
    return out;
  }

  static Log log(EventData event) {
    boolean exception = event.name().equals("exception");
    List<Tag> fields = new ArrayList<>();
    Attributes attributes = event.attributes();
    if (attributes.get("event") == null) {
      fields.add(tag("event", exception ? "error" : event.name()));
    }
    for (int i = 0; i < attributes.size(); i++) {
      String key = attributes.key(i);
      Object value = attributes.value(i);
      if (value == null) {
        continue;
      }
      if (exception && value instanceof String) {
        key = key.equals("exception.type") ? "error.kind"
            : key.equals("exception.message") ? "message"
            : key.equals("exception.stacktrace") ? "stack"
            : key;
      }
      fields.add(tag(key, value));
    }
    addCount(fields, "otel.event.dropped_attributes_count", event.droppedAttributesCount());
    return new Log(Math.floorDiv(event.epochNanos(), 1000L), fields);
  }

  private static void addCount(List<Tag> tags, String key, long count) {
    if (count > 0) {
      tags.add(tag(key, count));
    }
  }

  static Tag tag(String key, Object value) {
    if (value instanceof String) {
      return new Tag(utf8(key), TagType.STRING).setVStr(utf8((String) value));
    } else if (value instanceof Long) {
      return new Tag(utf8(key), TagType.LONG).setVLong((Long) value);
    } else if (value instanceof Double) {
      return new Tag(utf8(key), TagType.DOUBLE).setVDouble((Double) value);
    } else if (value instanceof Boolean) {
      return new Tag(utf8(key), TagType.BOOL).setVBool((Boolean) value);
    } else if (value instanceof List) {
      return new Tag(utf8(key), TagType.STRING).setVStr(utf8(json((List<?>) value)));
    }
    throw new IllegalArgumentException("not an attribute value: " + value);
  }

  /**
   * JSON for the lists the randomized test makes (no control characters in strings; the escaping of
   * those is tested with literal expectations).
   */
  static String json(List<?> values) {
    List<String> parts = new ArrayList<>();
    for (Object v : values) {
      if (v instanceof String) {
        parts.add('"' + ((String) v).replace("\\", "\\\\").replace("\"", "\\\"") + '"');
      } else if (v instanceof Double && !Double.isFinite((Double) v)) {
        parts.add('"' + v.toString() + '"');
      } else {
        parts.add(String.valueOf(v));
      }
    }
    return "[" + String.join(",", parts) + "]";
  }

  /** What a string becomes after a UTF-8 round trip: unpaired surrogates turn into '?'; null into "". */
  static String utf8(String s) {
    return s == null ? "" : new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }
}
