package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.List;

/** An ended span with nothing in it but a number, for testing the buffer on its own. */
final class StubSpan implements SpanData {
  final int id;

  StubSpan(int id) {
    this.id = id;
  }

  @Override
  public SpanContext spanContext() {
    return SpanContext.invalid();
  }

  @Override
  public SpanContext parentSpanContext() {
    return SpanContext.invalid();
  }

  @Override
  public String name() {
    return "stub-" + id;
  }

  @Override
  public SpanKind kind() {
    return SpanKind.INTERNAL;
  }

  @Override
  public long startEpochNanos() {
    return 0;
  }

  @Override
  public long endEpochNanos() {
    return 0;
  }

  @Override
  public boolean hasEnded() {
    return true;
  }

  @Override
  public Attributes attributes() {
    return Attributes.empty();
  }

  @Override
  public int droppedAttributesCount() {
    return 0;
  }

  @Override
  public int truncatedAttributeValuesCount() {
    return 0;
  }

  @Override
  public List<EventData> events() {
    return List.of();
  }

  @Override
  public int droppedEventsCount() {
    return 0;
  }

  @Override
  public List<Link> links() {
    return List.of();
  }

  @Override
  public int droppedLinksCount() {
    return 0;
  }

  @Override
  public StatusCode status() {
    return StatusCode.UNSET;
  }

  @Override
  public String statusDescription() {
    return "";
  }

  @Override
  public Resource resource() {
    return Resource.empty();
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return InstrumentationScope.of("stub", null);
  }
}
