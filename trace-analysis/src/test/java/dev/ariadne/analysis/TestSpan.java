package dev.ariadne.analysis;

import dev.ariadne.api.AttributeList;
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

/** A hand-built, ended span with explicit ids and times in milliseconds after {@link #T0}. */
final class TestSpan implements SpanData {
  /** The epoch nanoseconds that millisecond 0 of every test trace maps to. */
  static final long T0 = 1_700_000_000_000_000_000L;
  static final long TRACE = 0x0af7651916cd43ddL;

  private final SpanContext context;
  private final SpanContext parent;
  private final String name;
  private final SpanKind kind;
  private final long start;
  private final long end;
  private final boolean ended;
  private final Attributes attributes;
  private final List<EventData> events;
  private final StatusCode status;
  private final String description;
  private final Resource resource;

  private TestSpan(Builder b) {
    this.context = SpanContext.create(0, b.trace, b.id, TraceFlags.SAMPLED, TraceState.empty());
    this.parent = b.parent == 0
        ? SpanContext.invalid()
        : SpanContext.create(0, b.trace, b.parent, TraceFlags.SAMPLED, TraceState.empty());
    this.name = b.name;
    this.kind = b.kind;
    this.start = b.start;
    this.end = b.end;
    this.ended = b.ended;
    this.attributes = b.attributes.build();
    this.events = List.copyOf(b.events);
    this.status = b.status;
    this.description = b.description;
    this.resource = b.service == null
        ? null
        : Resource.of(Attributes.of(Resource.SERVICE_NAME, b.service));
  }

  /** A span of {@code service} named {@code name}, in trace {@link #TRACE}. */
  static Builder span(String service, String name) {
    return new Builder(service, name);
  }

  /** Milliseconds after {@link #T0} as epoch nanoseconds. */
  static long ms(double millis) {
    return T0 + Math.round(millis * 1_000_000);
  }

  /** Builds test spans; ids default to 0 (invalid), so tests set them. */
  static final class Builder {
    private final String service;
    private final String name;
    private long trace = TRACE;
    private long id;
    private long parent;
    private SpanKind kind = SpanKind.INTERNAL;
    private long start = T0;
    private long end = T0;
    private boolean ended = true;
    private final AttributeList attributes = Attributes.builder();
    private final List<EventData> events = new ArrayList<>();
    private StatusCode status = StatusCode.UNSET;
    private String description = "";

    private Builder(String service, String name) {
      this.service = service;
      this.name = name;
    }

    Builder trace(long traceIdLow) {
      this.trace = traceIdLow;
      return this;
    }

    Builder id(long spanId) {
      this.id = spanId;
      return this;
    }

    Builder parent(long parentSpanId) {
      this.parent = parentSpanId;
      return this;
    }

    Builder kind(SpanKind spanKind) {
      this.kind = spanKind;
      return this;
    }

    /** Start and end in milliseconds after {@link #T0}. */
    Builder at(double startMs, double endMs) {
      this.start = ms(startMs);
      this.end = ms(endMs);
      return this;
    }

    Builder notEnded() {
      this.ended = false;
      this.end = 0;
      return this;
    }

    Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    Builder error(String statusDescription) {
      this.status = StatusCode.ERROR;
      this.description = statusDescription;
      return this;
    }

    Builder exception(String type, String message) {
      events.add(EventData.of("exception", start,
          Attributes.of("exception.type", type, "exception.message", message), 0));
      return this;
    }

    TestSpan build() {
      return new TestSpan(this);
    }
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
    return end;
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
    return 0;
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
    return status;
  }

  @Override
  public String statusDescription() {
    return description;
  }

  @Override
  public Resource resource() {
    return resource;
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return InstrumentationScope.of("test", null);
  }

  @Override
  public String toString() {
    return name + '#' + context.spanId();
  }
}
