package dev.ariadne.exporter.zipkin;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The test's own statement of the mapping in RATIONALE.md: what one span should look like in
 * Zipkin v2 JSON, written independently of the encoder (plain collections, no buffers), plus the
 * normalisation that lets parsed output be compared with it field by field.
 */
final class ExpectedZipkin {

  /** A tag or annotation value that is JSON text; compared by its parsed content. */
  record JsonText(Object parsed) {}

  private ExpectedZipkin() {}

  /** What the encoder should write for {@code span}. */
  static Map<String, Object> of(SpanData span) {
    Map<String, Object> m = new LinkedHashMap<>();
    SpanContext c = span.spanContext();
    m.put("traceId", c.traceIdHigh() == 0 ? hex(c.traceIdLow()) : hex(c.traceIdHigh()) + hex(c.traceIdLow()));
    if (span.parentSpanContext().spanId() != 0) {
      m.put("parentId", hex(span.parentSpanContext().spanId()));
    }
    m.put("id", hex(c.spanId()));
    if (span.kind() != SpanKind.INTERNAL) {
      m.put("kind", span.kind().name());
    }
    if (span.name() != null && !span.name().isEmpty()) {
      m.put("name", wellFormed(span.name()));
    }
    if (span.startEpochNanos() / 1000 > 0) {
      m.put("timestamp", span.startEpochNanos() / 1000);
    }
    if (span.hasEnded()) {
      m.put("duration", Math.max(1L, (span.endEpochNanos() - span.startEpochNanos()) / 1000));
    }
    String service = span.resource().serviceName();
    m.put("localEndpoint", Map.of("serviceName",
        wellFormed(service.isBlank() ? Resource.UNKNOWN_SERVICE : service).toLowerCase(Locale.ROOT)));
    Map<String, Object> remote = remote(span.kind(), span.attributes());
    if (!remote.isEmpty()) {
      m.put("remoteEndpoint", remote);
    }
    if (!span.events().isEmpty()) {
      List<Object> annotations = new ArrayList<>();
      for (EventData e : span.events()) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("timestamp", Math.floorDiv(e.epochNanos(), 1000L));
        if (e.attributes().isEmpty()) {
          a.put("value", e.name() == null ? "" : wellFormed(e.name()));
        } else {
          Map<String, Object> attrs = new LinkedHashMap<>();
          e.attributes().forEach((k, v) -> {
            if (k != null) {
              attrs.put(wellFormed(k), jsonValue(v));
            }
          });
          a.put("value", new JsonText(Map.of(e.name() == null ? "" : wellFormed(e.name()), attrs)));
        }
        annotations.add(a);
      }
      m.put("annotations", annotations);
    }
    Map<String, Object> tags = tags(span);
    if (!tags.isEmpty()) {
      m.put("tags", tags);
    }
    return m;
  }

  private static Map<String, Object> tags(SpanData span) {
    Map<String, Object> tags = new LinkedHashMap<>();
    span.attributes().forEach((k, v) -> {
      if (k == null || v == null) {
        return;
      }
      if (k.equals("error") && (span.status() == StatusCode.ERROR || "false".equals(String.valueOf(v)))) {
        return;
      }
      if (v instanceof List) {
        tags.put(wellFormed(k), new JsonText(jsonValue(v)));
      } else {
        tags.put(wellFormed(k), wellFormed(String.valueOf(v)));
      }
    });
    // the derived tags replace attributes of the same name
    if (span.instrumentationScope() != null) {
      tags.put("otel.scope.name", wellFormed(span.instrumentationScope().name()));
      if (span.instrumentationScope().version() != null) {
        tags.put("otel.scope.version", wellFormed(span.instrumentationScope().version()));
      }
    }
    if (span.status() != StatusCode.UNSET) {
      tags.put("otel.status_code", span.status().name());
    }
    if (span.status() == StatusCode.ERROR) {
      tags.put("error", span.statusDescription().isEmpty() ? "true" : wellFormed(span.statusDescription()));
    }
    if (span.droppedAttributesCount() > 0) {
      tags.put("otel.dropped_attributes_count", Integer.toString(span.droppedAttributesCount()));
    }
    if (span.droppedEventsCount() > 0) {
      tags.put("otel.dropped_events_count", Integer.toString(span.droppedEventsCount()));
    }
    if (span.droppedLinksCount() > 0) {
      tags.put("otel.dropped_links_count", Integer.toString(span.droppedLinksCount()));
    }
    return tags;
  }

  private static Map<String, Object> remote(SpanKind kind, Attributes attributes) {
    Map<String, Object> r = new LinkedHashMap<>();
    boolean out = kind == SpanKind.CLIENT || kind == SpanKind.PRODUCER;
    boolean in = kind == SpanKind.SERVER || kind == SpanKind.CONSUMER;
    if (!out && !in) {
      return r;
    }
    Map<String, Object> a = attributes.asMap();
    String other = text(a.get(out ? "server.address" : "client.address"));
    String service = text(a.get("peer.service"));
    if (service == null && out && other != null && ipVersion(other) == 0) {
      service = other;
    }
    if (service != null) {
      r.put("serviceName", wellFormed(service).toLowerCase(Locale.ROOT));
    }
    for (String address : new String[] {text(a.get("network.peer.address")), other}) {
      int version = ipVersion(address);
      if (version != 0) {
        r.put(version == 4 ? "ipv4" : "ipv6", address);
        break;
      }
    }
    for (Object port : new Object[] {a.get("network.peer.port"), a.get(out ? "server.port" : "client.port")}) {
      if (port instanceof Long && (Long) port > 0 && (Long) port <= 65535) {
        r.put("port", port);
        break;
      }
    }
    return r;
  }

  private static String text(Object value) {
    return value instanceof String && !((String) value).isBlank() ? (String) value : null;
  }

  /** 4, 6 or 0; only literals reach InetAddress, so no name is ever looked up. */
  static int ipVersion(String s) {
    if (s == null || s.isEmpty() || !s.matches("[0-9a-fA-F:.]+")) {
      return 0;
    }
    if (s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      for (String part : s.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return 0;
        }
      }
      return 4;
    }
    if (!s.contains(":")) {
      return 0;
    }
    try {
      InetAddress.getByName(s);
      return 6;
    } catch (UnknownHostException e) {
      return 0;
    }
  }

  static Object jsonValue(Object v) {
    if (v instanceof List) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(e instanceof List ? wellFormed(String.valueOf(e)) : jsonValue(e));
      }
      return out;
    }
    if (v instanceof Double && !Double.isFinite((Double) v)) {
      return v.toString();
    }
    if (v instanceof Integer) {
      return ((Integer) v).longValue();
    }
    if (v instanceof String) {
      return wellFormed((String) v);
    }
    return v;
  }

  static String wellFormed(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> b.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp));
    return b.toString();
  }

  private static String hex(long v) {
    return String.format("%016x", v);
  }

  /**
   * {@code actual} with every value that {@code expected} holds as {@link JsonText} parsed, so
   * the two compare with {@code equals}.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> normalize(Map<String, Object> actual, Map<String, Object> expected) {
    Map<String, Object> out = new LinkedHashMap<>(actual);
    Object expectedTags = expected.get("tags");
    if (expectedTags instanceof Map && actual.get("tags") instanceof Map) {
      Map<String, Object> tags = new LinkedHashMap<>((Map<String, Object>) actual.get("tags"));
      ((Map<String, Object>) expectedTags).forEach((k, v) -> {
        if (v instanceof JsonText && tags.get(k) instanceof String) {
          tags.put(k, new JsonText(JsonTree.parse((String) tags.get(k))));
        }
      });
      out.put("tags", tags);
    }
    Object expectedAnnotations = expected.get("annotations");
    if (expectedAnnotations instanceof List && actual.get("annotations") instanceof List) {
      List<Object> annotations = new ArrayList<>();
      for (Object a : (List<Object>) actual.get("annotations")) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) a);
        Object value = copy.get("value");
        if (value instanceof String && ((String) value).startsWith("\"")) {
          copy.put("value", new JsonText(JsonTree.parse("{" + value + "}")));
        }
        annotations.add(copy);
      }
      out.put("annotations", annotations);
    }
    return out;
  }

  /** {@code expected} as Zipkin returns it: the span name lowercased, annotations in time order. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asStoredByZipkin(Map<String, Object> expected) {
    Map<String, Object> out = new LinkedHashMap<>(expected);
    if (out.get("name") instanceof String) {
      out.put("name", ((String) out.get("name")).toLowerCase(Locale.ROOT));
    }
    if (out.get("annotations") instanceof List) {
      out.put("annotations", sortedAnnotations((List<Object>) out.get("annotations")));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Object> sortedAnnotations(List<Object> annotations) {
    List<Object> sorted = new ArrayList<>(annotations);
    sorted.sort(Comparator.comparing(a -> (Long) ((Map<String, Object>) a).get("timestamp")));
    return sorted;
  }
}
