package dev.ariadne.api;

import java.util.Objects;

/** One baggage value with its optional metadata (the W3C {@code ;property} part, kept as text). */
public final class BaggageEntry {
  private final String value;
  private final String metadata;

  private BaggageEntry(String value, String metadata) {
    this.value = value;
    this.metadata = metadata;
  }

  /** An entry with {@code value} and {@code metadata} (null means none). */
  public static BaggageEntry of(String value, String metadata) {
    return new BaggageEntry(Objects.requireNonNull(value, "value"), metadata == null ? "" : metadata);
  }

  /** The value. */
  public String value() {
    return value;
  }

  /** The metadata, empty when there is none. */
  public String metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BaggageEntry
        && ((BaggageEntry) o).value.equals(value)
        && ((BaggageEntry) o).metadata.equals(metadata);
  }

  @Override
  public int hashCode() {
    return value.hashCode() * 31 + metadata.hashCode();
  }

  @Override
  public String toString() {
    return metadata.isEmpty() ? value : value + ';' + metadata;
  }
}
