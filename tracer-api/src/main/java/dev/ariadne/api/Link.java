package dev.ariadne.api;

/** A reference from a span to a span of another (or the same) trace, with attributes describing it. */
public final class Link {
  private final SpanContext spanContext;
  private final Attributes attributes;

  private Link(SpanContext spanContext, Attributes attributes) {
    this.spanContext = spanContext;
    this.attributes = attributes;
  }

  /** A link to {@code spanContext} with attributes (null means none). */
  public static Link of(SpanContext spanContext, Attributes attributes) {
    return new Link(
        spanContext == null ? SpanContext.invalid() : spanContext,
        attributes == null ? Attributes.empty() : attributes);
  }

  /** The linked span's context. */
  public SpanContext spanContext() {
    return spanContext;
  }

  /** Attributes describing the link. */
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public String toString() {
    return "Link{" + spanContext + ", " + attributes + '}';
  }
}
