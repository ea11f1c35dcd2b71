package dev.ariadne.exporter.jaeger;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Attributes that hold whatever a test puts in, NaN, infinities and nulls included, which the
 * tracer's own list refuses: the encoder must still cope with another implementation.
 */
final class TestAttributes implements Attributes {
  private final List<String> keys = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  TestAttributes put(String key, Object value) {
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
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      Object first = list.isEmpty() ? "" : list.get(0);
      return first instanceof Boolean ? AttributeType.BOOLEAN_ARRAY
          : first instanceof Long ? AttributeType.LONG_ARRAY
          : first instanceof Double ? AttributeType.DOUBLE_ARRAY
          : AttributeType.STRING_ARRAY;
    }
    return value instanceof Boolean ? AttributeType.BOOLEAN
        : value instanceof Long ? AttributeType.LONG
        : value instanceof Double ? AttributeType.DOUBLE
        : AttributeType.STRING;
  }

  @Override
  public Object value(int index) {
    return values.get(index);
  }
}
