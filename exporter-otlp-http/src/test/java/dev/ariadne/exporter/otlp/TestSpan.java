package dev.ariadne.exporter.otlp;

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
import java.util.List;

/** A span whose every field a test sets directly, including values Ariadne's own spans never hold. */
class TestSpan implements SpanData {
  SpanContext spanContext = SpanContext.create(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L,
      TraceFlags.SAMPLED, TraceState.empty());
  SpanContext parent = SpanContext.invalid();
  String name = "span";
  SpanKind kind = SpanKind.INTERNAL;
  long start = 1_700_000_000_000_000_000L;
  long end = 1_700_000_000_123_456_789L;
  Attributes attributes = Attributes.empty();
  int droppedAttributes;
  List<EventData> events = List.of();
  int droppedEvents;
  List<Link> links = List.of();
  int droppedLinks;
  StatusCode status = StatusCode.UNSET;
  String statusDescription = "";
  Resource resource = Resource.empty();
  InstrumentationScope scope = InstrumentationScope.of("test", null);

  @Override
  public SpanContext spanContext() {
    return spanContext;
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
    return end;
  }

  @Override
  public boolean hasEnded() {
    return true;
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

  @Override
  public String toString() {
    return "TestSpan{" + name + '}';
  }
}
