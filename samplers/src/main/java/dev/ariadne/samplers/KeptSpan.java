package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.List;

/**
 * A read-only view of an ended span that the adaptive sampler decided to keep: the same span, with
 * the sampled flag set (processors and exporters export only sampled spans, and a buffered span
 * started unsampled) and, on a local root, the sampling attributes added. Made only for kept spans;
 * everything else, timings included, is the span's own.
 */
final class KeptSpan implements SpanData {
  private final SpanData span;
  private final SpanContext context;
  private final Attributes attributes;

  private KeptSpan(SpanData span, SpanContext context, Attributes attributes) {
    this.span = span;
    this.context = context;
    this.attributes = attributes;
  }

  /** {@code span} as sampled, with {@code extra} attributes replacing or added to its own (none if null). */
  static SpanData of(SpanData span, Attributes extra) {
    SpanContext c = span.spanContext();
    SpanContext sampled = c.isSampled()
        ? c
        : SpanContext.create(c.traceIdHigh(), c.traceIdLow(), c.spanId(),
            (byte) (c.traceFlags() | TraceFlags.SAMPLED), c.traceState());
    Attributes attributes = extra == null
        ? span.attributes()
        : Attributes.builder().putAll(span.attributes()).putAll(extra).build();
    return new KeptSpan(span, sampled, attributes);
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }

  @Override
  public SpanContext parentSpanContext() {
    return span.parentSpanContext();
  }

  @Override
  public String name() {
    return span.name();
  }

  @Override
  public SpanKind kind() {
    return span.kind();
  }

  @Override
  public long startEpochNanos() {
    return span.startEpochNanos();
  }

  @Override
  public long endEpochNanos() {
    return span.endEpochNanos();
  }

  @Override
  public boolean hasEnded() {
    return span.hasEnded();
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public int droppedAttributesCount() {
    return span.droppedAttributesCount();
  }

  @Override
  public int truncatedAttributeValuesCount() {
    return span.truncatedAttributeValuesCount();
  }

  @Override
  public List<EventData> events() {
    return span.events();
  }

  @Override
  public int droppedEventsCount() {
    return span.droppedEventsCount();
  }

  @Override
  public List<Link> links() {
    return span.links();
  }

  @Override
  public int droppedLinksCount() {
    return span.droppedLinksCount();
  }

  @Override
  public StatusCode status() {
    return span.status();
  }

  @Override
  public String statusDescription() {
    return span.statusDescription();
  }

  @Override
  public Resource resource() {
    return span.resource();
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return span.instrumentationScope();
  }

  @Override
  public String toString() {
    return "KeptSpan{" + span + '}';
  }
}
