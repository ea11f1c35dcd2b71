package dev.ariadne.exporter.zipkin;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/** A hand-filled {@link SpanData}, so tests control every field, including ones real spans never hold. */
final class TestSpan implements SpanData {
  static final long START = 1_700_000_000_123_456_789L;

  SpanContext context = context(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L);
  SpanContext parent = SpanContext.invalid();
  String name = "get /orders";
  SpanKind kind = SpanKind.INTERNAL;
  long start = START;
  long end = START + 2_500_000;
  boolean ended = true;
  Attributes attributes = Attributes.empty();
  int droppedAttributes;
  List<EventData> events = new ArrayList<>();
  int droppedEvents;
  List<Link> links = new ArrayList<>();
  int droppedLinks;
  StatusCode status = StatusCode.UNSET;
  String statusDescription = "";
  Resource resource = Resource.of(Attributes.of(Resource.SERVICE_NAME, "orders"));
  InstrumentationScope scope = InstrumentationScope.of("com.example.orders", "1.2.3");

  static SpanContext context(long high, long low, long spanId) {
    return SpanContext.create(high, low, spanId, TraceFlags.SAMPLED, TraceState.empty());
  }

  TestSpan childOf(TestSpan other) {
    SpanContext p = other.context;
    parent = p;
    context = context(p.traceIdHigh(), p.traceIdLow(), p.spanId() + 1);
    return this;
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }

  @Override
  public SpanContext parentSpanContext() {
    return parent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public long startEpochNanos() {
    return start;
  }

  @Override
  public long endEpochNanos() {
    return ended ? end : 0;
  }

  @Override
  public boolean hasEnded() {
    return ended;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public int droppedAttributesCount() {
    return droppedAttributes;
  }

  @Override
  public int truncatedAttributeValuesCount() {
    return 0;
  }

  @Override
  public List<EventData> events() {
    return events;
  }

  @Override
  public int droppedEventsCount() {
    return droppedEvents;
  }

  @Override
  public List<Link> links() {
    return links;
  }

  @Override
  public int droppedLinksCount() {
    return droppedLinks;
  }

  @Override
  public StatusCode status() {
    return status;
  }

  @Override
  public String statusDescription() {
    return statusDescription;
  }

  @Override
  public Resource resource() {
    return resource;
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return scope;
  }
}
