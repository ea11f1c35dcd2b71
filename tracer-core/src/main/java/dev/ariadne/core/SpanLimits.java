package dev.ariadne.core;

/**
 * Caps on what one span may hold, so a runaway loop or a huge value cannot exhaust memory. What a
 * limit cuts is counted on the span and exported with it.
 *
 * <pre>{@code
 * SpanLimits limits = SpanLimits.builder().maxAttributes(64).maxAttributeValueLength(1024).build();
 * }</pre>
 */
public final class SpanLimits {
  private static final SpanLimits DEFAULTS = builder().build();

  private final int maxAttributes;
  private final int maxEvents;
  private final int maxLinks;
  private final int maxAttributesPerEvent;
  private final int maxAttributesPerLink;
  private final int maxAttributeValueLength;

  private SpanLimits(Builder b) {
    this.maxAttributes = b.maxAttributes;
    this.maxEvents = b.maxEvents;
    this.maxLinks = b.maxLinks;
    this.maxAttributesPerEvent = b.maxAttributesPerEvent;
    this.maxAttributesPerLink = b.maxAttributesPerLink;
    this.maxAttributeValueLength = b.maxAttributeValueLength;
  }

  /** 128 attributes, events and links, 128 attributes per event or link, values up to 4096 characters. */
  public static SpanLimits defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Most attributes on a span. */
  public int maxAttributes() {
    return maxAttributes;
  }

  /** Most events on a span. */
  public int maxEvents() {
    return maxEvents;
  }

  /** Most links on a span. */
  public int maxLinks() {
    return maxLinks;
  }

  /** Most attributes on one event. */
  public int maxAttributesPerEvent() {
    return maxAttributesPerEvent;
  }

  /** Most attributes on one link. */
  public int maxAttributesPerLink() {
    return maxAttributesPerLink;
  }

  /** Longest string value (and span name), in characters; longer ones are cut. */
  public int maxAttributeValueLength() {
    return maxAttributeValueLength;
  }

  @Override
  public String toString() {
    return "SpanLimits{maxAttributes=" + maxAttributes + ", maxEvents=" + maxEvents + ", maxLinks=" + maxLinks
        + ", maxAttributesPerEvent=" + maxAttributesPerEvent + ", maxAttributesPerLink=" + maxAttributesPerLink
        + ", maxAttributeValueLength=" + maxAttributeValueLength + '}';
  }

  /** Sets limits; each must be zero or more. */
  public static final class Builder {
    private int maxAttributes = 128;
    private int maxEvents = 128;
    private int maxLinks = 128;
    private int maxAttributesPerEvent = 128;
    private int maxAttributesPerLink = 128;
    private int maxAttributeValueLength = 4096;

    private Builder() {}

    /** Most attributes on a span. */
    public Builder maxAttributes(int value) {
      this.maxAttributes = check("maxAttributes", value);
      return this;
    }

    /** Most events on a span. */
    public Builder maxEvents(int value) {
      this.maxEvents = check("maxEvents", value);
      return this;
    }

    /** Most links on a span. */
    public Builder maxLinks(int value) {
      this.maxLinks = check("maxLinks", value);
      return this;
    }

    /** Most attributes on one event. */
    public Builder maxAttributesPerEvent(int value) {
      this.maxAttributesPerEvent = check("maxAttributesPerEvent", value);
      return this;
    }

    /** Most attributes on one link. */
    public Builder maxAttributesPerLink(int value) {
      this.maxAttributesPerLink = check("maxAttributesPerLink", value);
      return this;
    }

    /** Longest string value, in characters. */
    public Builder maxAttributeValueLength(int value) {
      this.maxAttributeValueLength = check("maxAttributeValueLength", value);
      return this;
    }

    /** The limits. */
    public SpanLimits build() {
      return new SpanLimits(this);
    }

    private static int check(String setting, int value) {
      if (value < 0) {
        throw new IllegalArgumentException(setting + " must be >= 0, was " + value);
      }
      return value;
    }
  }
}
