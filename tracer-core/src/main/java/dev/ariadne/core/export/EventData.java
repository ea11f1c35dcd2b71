package dev.ariadne.core.export;

import dev.ariadne.api.Attributes;

/** Something that happened at one moment of a span: a name, a time and attributes. Immutable. */
public final class EventData {
  private final String name;
  private final long epochNanos;
  private final Attributes attributes;
  private final int droppedAttributesCount;

  private EventData(String name, long epochNanos, Attributes attributes, int droppedAttributesCount) {
    this.name = name;
    this.epochNanos = epochNanos;
    this.attributes = attributes;
    this.droppedAttributesCount = droppedAttributesCount;
  }

  /** An event; {@code droppedAttributesCount} says how many attributes the limits cut. */
  public static EventData of(String name, long epochNanos, Attributes attributes, int droppedAttributesCount) {
    return new EventData(name, epochNanos, attributes == null ? Attributes.empty() : attributes,
        Math.max(0, droppedAttributesCount));
  }

  /** The event's name. */
  public String name() {
    return name;
  }

  /** When it happened, in nanoseconds since the epoch. */
  public long epochNanos() {
    return epochNanos;
  }

  /** Its attributes. */
  public Attributes attributes() {
    return attributes;
  }

  /** How many attributes the limits dropped. */
  public int droppedAttributesCount() {
    return droppedAttributesCount;
  }

  @Override
  public String toString() {
    return "Event{" + name + '@' + epochNanos + (attributes.isEmpty() ? "" : ", " + attributes) + '}';
  }
}
