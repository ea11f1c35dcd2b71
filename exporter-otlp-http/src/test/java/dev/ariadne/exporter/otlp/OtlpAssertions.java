package dev.ariadne.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope.Builder;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a parsed {@link ExportTraceServiceRequest} field by field with the spans it was
 * encoded from. The expected grouping is computed here independently (insertion-ordered maps),
 * and expected values are derived from Ariadne's types without calling the encoder's code.
 */
final class OtlpAssertions {
  private OtlpAssertions() {}

  /** Asserts {@code request} holds exactly {@code spans}, grouped by resource then scope, in batch order. */
  static void assertRequestMatches(ExportTraceServiceRequest request, List<? extends SpanData> spans) {
    Map<Resource, Map<ScopeKey, List<SpanData>>> expected = new LinkedHashMap<>();
    for (SpanData span : spans) {
      if (span == null) {
        continue;
      }
      Resource resource = span.resource() == null ? Resource.empty() : span.resource();
      expected.computeIfAbsent(resource, r -> new LinkedHashMap<>())
          .computeIfAbsent(ScopeKey.of(span.instrumentationScope()), s -> new ArrayList<>())
          .add(span);
    }
    assertThat(request.getResourceSpansCount()).as("resourceSpans").isEqualTo(expected.size());
    int r = 0;
    for (Map.Entry<Resource, Map<ScopeKey, List<SpanData>>> resourceEntry : expected.entrySet()) {
      ResourceSpans resourceSpans = request.getResourceSpans(r++);
      assertThat(resourceSpans.getSchemaUrl()).isEmpty();
      assertThat(resourceSpans.getResource().getDroppedAttributesCount()).isZero();
      assertAttributes("resource", resourceSpans.getResource().getAttributesList(),
          resourceEntry.getKey().attributes());
      assertThat(resourceSpans.getScopeSpansCount()).as("scopeSpans").isEqualTo(resourceEntry.getValue().size());
      int s = 0;
      for (Map.Entry<ScopeKey, List<SpanData>> scopeEntry : resourceEntry.getValue().entrySet()) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s++);
        assertThat(scopeSpans.getScope()).as("scope").isEqualTo(scopeEntry.getKey().proto());
        assertThat(scopeSpans.getSpansCount()).as("spans of " + scopeEntry.getKey()).isEqualTo(scopeEntry.getValue().size());
        for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
          assertSpan(scopeSpans.getSpans(i), scopeEntry.getValue().get(i));
        }
      }
    }
  }

  /** Asserts every field of {@code actual} against {@code expected}. */
  static void assertSpan(Span actual, SpanData expected) {
    String what = "span " + printable(expected.name());
    SpanContext context = expected.spanContext();
    SpanContext parent = expected.parentSpanContext();
    assertThat(actual.getTraceId()).as(what + " traceId").isEqualTo(bytes(context.traceIdHigh(), context.traceIdLow()));
    assertThat(actual.getSpanId()).as(what + " spanId").isEqualTo(bytes(context.spanId()));
    assertThat(actual.getTraceState()).as(what + " traceState").isEqualTo(context.traceState().toString());
    assertThat(actual.getParentSpanId()).as(what + " parentSpanId")
        .isEqualTo(parent.isValid() ? bytes(parent.spanId()) : ByteString.EMPTY);
    int remoteBits = parent.isValid() && parent.isRemote() ? 0x300 : 0x100;
    assertThat(actual.getFlags()).as(what + " flags").isEqualTo((context.traceFlags() & 0xff) | remoteBits);
    assertThat(actual.getName()).as(what + " name").isEqualTo(expectedString(expected.name()));
    assertThat(actual.getKind()).as(what + " kind").isEqualTo(kind(expected.kind()));
    assertThat(actual.getStartTimeUnixNano()).as(what + " start").isEqualTo(Math.max(0, expected.startEpochNanos()));
    assertThat(actual.getEndTimeUnixNano()).as(what + " end").isEqualTo(Math.max(0, expected.endEpochNanos()));
    assertAttributes(what, actual.getAttributesList(), expected.attributes());
    assertThat(actual.getDroppedAttributesCount()).as(what + " droppedAttributesCount")
        .isEqualTo(Math.max(0, expected.droppedAttributesCount()));

    List<EventData> events = nonNull(expected.events());
    assertThat(actual.getEventsCount()).as(what + " events").isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      Span.Event event = actual.getEvents(i);
      EventData expectedEvent = events.get(i);
      assertThat(event.getTimeUnixNano()).as(what + " event time").isEqualTo(Math.max(0, expectedEvent.epochNanos()));
      assertThat(event.getName()).as(what + " event name").isEqualTo(expectedString(expectedEvent.name()));
      assertAttributes(what + " event", event.getAttributesList(), expectedEvent.attributes());
      assertThat(event.getDroppedAttributesCount()).as(what + " event dropped").isEqualTo(expectedEvent.droppedAttributesCount());
    }
    assertThat(actual.getDroppedEventsCount()).as(what + " droppedEventsCount").isEqualTo(Math.max(0, expected.droppedEventsCount()));

    List<Link> links = nonNull(expected.links());
    assertThat(actual.getLinksCount()).as(what + " links").isEqualTo(links.size());
    for (int i = 0; i < links.size(); i++) {
      Span.Link link = actual.getLinks(i);
      SpanContext linked = links.get(i).spanContext();
      assertThat(link.getTraceId()).as(what + " link traceId").isEqualTo(bytes(linked.traceIdHigh(), linked.traceIdLow()));
      assertThat(link.getSpanId()).as(what + " link spanId").isEqualTo(bytes(linked.spanId()));
      assertThat(link.getTraceState()).as(what + " link traceState").isEqualTo(linked.traceState().toString());
      assertAttributes(what + " link", link.getAttributesList(), links.get(i).attributes());
      assertThat(link.getDroppedAttributesCount()).isZero();
      assertThat(link.getFlags()).as(what + " link flags")
          .isEqualTo((linked.traceFlags() & 0xff) | (linked.isRemote() ? 0x300 : 0x100));
    }
    assertThat(actual.getDroppedLinksCount()).as(what + " droppedLinksCount").isEqualTo(Math.max(0, expected.droppedLinksCount()));

    assertThat(actual.hasStatus()).as(what + " has status").isTrue();
    assertThat(actual.getStatus().getCode()).as(what + " status code").isEqualTo(statusCode(expected.status()));
    assertThat(actual.getStatus().getMessage()).as(what + " status message")
        .isEqualTo(expectedString(expected.statusDescription()));
  }

  /** Asserts the key/value list against the attributes, skipping what the encoder must skip (null keys or values). */
  static void assertAttributes(String what, List<KeyValue> actual, Attributes expected) {
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; expected != null && i < expected.size(); i++) {
      if (expected.key(i) != null && expected.value(i) != null) {
        keys.add(expected.key(i));
        values.add(expected.value(i));
      }
    }
    assertThat(actual).as(what + " attributes").hasSize(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      assertThat(actual.get(i).getKey()).as(what + " attribute key").isEqualTo(expectedString(keys.get(i)));
      assertAnyValue(what + " attribute " + printable(keys.get(i)), actual.get(i).getValue(), values.get(i));
    }
  }

  /** Asserts one AnyValue against the Java value it was written from. */
  static void assertAnyValue(String what, AnyValue actual, Object expected) {
    if (expected instanceof String) {
      assertThat(actual.getValueCase()).as(what).isEqualTo(AnyValue.ValueCase.STRING_VALUE);
      assertThat(actual.getStringValue()).as(what).isEqualTo(expectedString((String) expected));
    } else if (expected instanceof Boolean) {
      assertThat(actual.getValueCase()).as(what).isEqualTo(AnyValue.ValueCase.BOOL_VALUE);
      assertThat(actual.getBoolValue()).as(what).isEqualTo(expected);
    } else if (expected instanceof Long || expected instanceof Integer) {
      assertThat(actual.getValueCase()).as(what).isEqualTo(AnyValue.ValueCase.INT_VALUE);
      assertThat(actual.getIntValue()).as(what).isEqualTo(((Number) expected).longValue());
    } else if (expected instanceof Double) {
      assertThat(actual.getValueCase()).as(what).isEqualTo(AnyValue.ValueCase.DOUBLE_VALUE);
      double value = (Double) expected;
      if (value == 0.0) {
        // protobuf's parser reads "-0.0" through BigDecimal, which has no negative zero
        assertThat(actual.getDoubleValue()).as(what).isZero();
      } else {
        // Double.compare, so that NaN equals NaN
        assertThat(Double.compare(actual.getDoubleValue(), value)).as(what + ": " + actual.getDoubleValue()).isZero();
      }
    } else if (expected instanceof List) {
      assertThat(actual.getValueCase()).as(what).isEqualTo(AnyValue.ValueCase.ARRAY_VALUE);
      List<?> elements = ((List<?>) expected).stream().filter(Objects::nonNull).toList();
      assertThat(actual.getArrayValue().getValuesCount()).as(what + " size").isEqualTo(elements.size());
      for (int i = 0; i < elements.size(); i++) {
        assertAnyValue(what + "[" + i + "]", actual.getArrayValue().getValues(i), elements.get(i));
      }
    } else {
      throw new AssertionError(what + ": unexpected expected type " + expected.getClass());
    }
  }

  /** The string the receiver must read: null as empty, each lone surrogate as U+FFFD. */
  static String expectedString(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> sb.appendCodePoint(Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp));
    return sb.toString();
  }

  /** {@code value} with control characters shown as escapes, for failure messages. */
  static String printable(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder();
    for (char c : value.toCharArray()) {
      sb.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.toString();
  }

  static ByteString bytes(long high, long low) {
    return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(high).putLong(low).array());
  }

  static ByteString bytes(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  static Span.SpanKind kind(SpanKind kind) {
    if (kind == null) {
      return Span.SpanKind.SPAN_KIND_INTERNAL;
    }
    return Span.SpanKind.valueOf("SPAN_KIND_" + kind.name());
  }

  static Status.StatusCode statusCode(StatusCode code) {
    return code == null ? Status.StatusCode.STATUS_CODE_UNSET : Status.StatusCode.valueOf("STATUS_CODE_" + code.name());
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }

  /** An instrumentation scope as a map key, null meaning "no scope". */
  record ScopeKey(String name, String version) {
    static ScopeKey of(InstrumentationScope scope) {
      return scope == null ? new ScopeKey("", "") : new ScopeKey(scope.name(), scope.version() == null ? "" : scope.version());
    }

    io.opentelemetry.proto.common.v1.InstrumentationScope proto() {
      Builder builder = io.opentelemetry.proto.common.v1.InstrumentationScope.newBuilder();
      return builder.setName(expectedString(name)).setVersion(expectedString(version)).build();
    }
  }
}
