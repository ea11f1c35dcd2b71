package dev.ariadne.exporter.jaeger;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/** A hand-made span whose every field a test chooses, including values the tracer would refuse. */
final class TestSpan implements SpanData {
  SpanContext context;
  SpanContext parent = SpanContext.invalid();
  String name = "op";
  SpanKind kind = SpanKind.INTERNAL;
  long startNanos = 1_700_000_000_123_456_789L;
  long endNanos = startNanos + 2_500_000L;
  Attributes attributes = Attributes.empty();
  int droppedAttributes;
  int truncatedValues;
  List<EventData> events = new ArrayList<>();
  int droppedEvents;
  List<Link> links = new ArrayList<>();
  int droppedLinks;
  StatusCode status = StatusCode.UNSET;
  String statusDescription = "";
  Resource resource = Resource.of(Attributes.of("service.name", "test-service"));
  InstrumentationScope scope = InstrumentationScope.of("test-lib", "1.2.3");

  TestSpan(SpanContext context) {
    this.context = context;
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
    return startNanos;
  }

  @Override
  public long endEpochNanos() {
    return endNanos;
  }

  @Override
  public boolean hasEnded() {
    return endNanos != 0;
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
    return truncatedValues;
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
