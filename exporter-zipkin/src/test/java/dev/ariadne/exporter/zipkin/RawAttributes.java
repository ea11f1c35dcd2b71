package dev.ariadne.exporter.zipkin;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Attributes exactly as given, without the validation of {@code Attributes.builder()}, so tests
 * can hand the encoder what a foreign {@code SpanData} might: NaN, nulls, odd value classes.
 */
final class RawAttributes implements Attributes {
  private final List<String> keys = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

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
}
