package dev.ariadne.exporter.otlp;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Attributes holding exactly what a test puts in, without Ariadne's validation: NaN, infinities,
 * null keys and values, nested lists, other number classes.
 */
final class RawAttributes implements Attributes {
  private final List<String> keys = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Attributes from alternating keys and values. */
  static RawAttributes of(Object... keysAndValues) {
    RawAttributes attributes = new RawAttributes();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return attributes;
  }

  RawAttributes put(String key, Object value) {
    keys.add(key);
    values.add(value);
    return this;
  }

  @Override
  public int size() {
    return keys.size();
  }

  @Override
  public String key(int index) {
    return keys.get(index);
  }

  @Override
  public AttributeType type(int index) {
    Object value = values.get(index);
    if (value instanceof Boolean) {
      return AttributeType.BOOLEAN;
    } else if (value instanceof Long) {
      return AttributeType.LONG;
    } else if (value instanceof Double) {
      return AttributeType.DOUBLE;
    } else if (value instanceof List) {
      return AttributeType.STRING_ARRAY;
    }
    return AttributeType.STRING;
  }

  @Override
  public Object value(int index) {
    return values.get(index);
  }

  @Override
  public String toString() {
    return keys + "=" + values;
  }
}
