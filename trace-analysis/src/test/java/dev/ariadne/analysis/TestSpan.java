package dev.ariadne.analysis;

import dev.ariadne.api.AttributeList;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.TestSpanData;

/**
 * The analysis tests' shorthand for a {@link TestSpanData}: a service per span, small span ids in
 * one trace, and times in milliseconds after {@link #T0}, so that a trace reads like its waterfall.
 */
final class TestSpan {
  /** The epoch nanoseconds that millisecond 0 of every test trace maps to. */
  static final long T0 = 1_700_000_000_000_000_000L;
  static final long TRACE = 0x0af7651916cd43ddL;

  private TestSpan() {}

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
    private final TestSpanData span;
    private final AttributeList attributes = Attributes.builder();
    private long trace = TRACE;
    private long id;
    private long parent;

    private Builder(String service, String name) {
      // a null service: a span without a resource, as another SpanData implementation may hand over
      this.span = TestSpanData.create().name(name).times(T0, T0)
          .resource(service == null ? null : Resource.of(Attributes.of(Resource.SERVICE_NAME, service)));
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
      span.kind(spanKind);
      return this;
    }

    /** Start and end in milliseconds after {@link #T0}. */
    Builder at(double startMs, double endMs) {
      span.times(ms(startMs), ms(endMs));
      return this;
    }

    Builder notEnded() {
      span.times(span.startEpochNanos(), 0);
      return this;
    }

    Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    Builder error(String statusDescription) {
      span.status(StatusCode.ERROR, statusDescription);
      return this;
    }

    /** An exception event at the span's start, as set so far. */
    Builder exception(String type, String message) {
      span.event(EventData.of("exception", span.startEpochNanos(),
          Attributes.of("exception.type", type, "exception.message", message), 0));
      return this;
    }

    TestSpanData build() {
      // ids are applied here, so that trace(), id() and parent() may come in any order
      return span.context(context(id))
          .parent(parent == 0 ? SpanContext.invalid() : context(parent))
          .attributes(attributes.build());
    }

    private SpanContext context(long spanId) {
      return TestSpanData.sampledContext(0, trace, spanId);
    }
  }
}
