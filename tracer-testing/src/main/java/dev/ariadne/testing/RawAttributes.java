package dev.ariadne.testing;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Attributes} holding exactly what a test puts in, for feeding exporters values the tracer's
 * own attributes refuse: null keys and values, NaN and infinities, duplicate keys, nested or
 * mixed lists, other value classes ({@code Integer}, {@code Float}, {@code StringBuilder}), and
 * declared types that contradict their values.
 *
 * <pre>{@code
 * Attributes odd = RawAttributes.of("nan", Double.NaN, "nothing", null)
 *     .put(null, "no key")
 *     .put("numbers", AttributeType.STRING_ARRAY, List.of(1L, 2L));
 * TestSpanData span = TestSpanData.create().attributes(odd);
 * }</pre>
 *
 * <p>Entries keep the order they were put in. Unless a test gives one, an entry's type is inferred
 * from its value: {@code Boolean}, {@code Long} and {@code Double} are their scalar types, a
 * {@code List} is the array type of its first element ({@link AttributeType#STRING_ARRAY} when that
 * is none of the three, or the list is empty), anything else, null included, is
 * {@link AttributeType#STRING}.
 */
public final class RawAttributes implements Attributes {
  private final List<String> keys = new ArrayList<>();
  private final List<AttributeType> types = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  private RawAttributes() {}

  /** Returns attributes with no entries, to fill with {@link #put(String, Object)}. */
  public static RawAttributes create() {
    return new RawAttributes();
  }

  /**
   * Returns attributes from alternating keys and values, each key a {@code String} or null.
   *
   * @throws IllegalArgumentException if there is a key without a value
   * @throws ClassCastException if a key is not a {@code String}
   */
  public static RawAttributes of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keysAndValues must alternate keys and values, had " + keysAndValues.length);
    }
    RawAttributes attributes = new RawAttributes();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return attributes;
  }

  /** Adds an entry whose type is inferred from its value (see the class comment), even if the key is already present. */
  public RawAttributes put(String key, Object value) {
    return put(key, typeOf(value), value);
  }

  /** Adds an entry with the type as given, even if it does not fit the value or is null. */
  public RawAttributes put(String key, AttributeType type, Object value) {
    keys.add(key);
    types.add(type);
    values.add(value);
    return this;
  }

  private static AttributeType typeOf(Object value) {
    if (value instanceof List) {
      List<?> list = (List<?>) value;
      Object first = list.isEmpty() ? null : list.get(0);
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
  public int size() {
    return keys.size();
  }

  @Override
  public String key(int index) {
    return keys.get(index);
  }

  @Override
  public AttributeType type(int index) {
    return types.get(index);
  }

  @Override
  public Object value(int index) {
    return values.get(index);
  }

  /** Returns the keys and values, for assertion messages. */
  @Override
  public String toString() {
    return keys + "=" + values;
  }
}
