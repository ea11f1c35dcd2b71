package dev.ariadne.api;

import java.util.List;

/**
 * A typed attribute name, so that a value of the wrong type is a compile error.
 *
 * <p>Keep keys in constants; creating one per call works but costs an allocation:
 * <pre>{@code
 * static final AttributeKey<Long> ITEMS = AttributeKey.longKey("order.items");
 * span.attribute(ITEMS, 3L);
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class AttributeKey<T> {
  private final String name;
  private final AttributeType type;

  private AttributeKey(String name, AttributeType type) {
    // A null name is kept as "", which attribute lists drop and count: bad input never throws.
    this.name = name == null ? "" : name;
    this.type = type;
  }

  /** A key for a string value. */
  public static AttributeKey<String> stringKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING);
  }

  /** A key for a boolean value. */
  public static AttributeKey<Boolean> booleanKey(String name) {
    return new AttributeKey<>(name, AttributeType.BOOLEAN);
  }

  /** A key for a 64-bit integer value. */
  public static AttributeKey<Long> longKey(String name) {
    return new AttributeKey<>(name, AttributeType.LONG);
  }

  /** A key for a double value. */
  public static AttributeKey<Double> doubleKey(String name) {
    return new AttributeKey<>(name, AttributeType.DOUBLE);
  }

  /** A key for a list of strings. */
  public static AttributeKey<List<String>> stringArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.STRING_ARRAY);
  }

  /** A key for a list of booleans. */
  public static AttributeKey<List<Boolean>> booleanArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.BOOLEAN_ARRAY);
  }

  /** A key for a list of 64-bit integers. */
  public static AttributeKey<List<Long>> longArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.LONG_ARRAY);
  }

  /** A key for a list of doubles. */
  public static AttributeKey<List<Double>> doubleArrayKey(String name) {
    return new AttributeKey<>(name, AttributeType.DOUBLE_ARRAY);
  }

  /** The attribute's name. */
  public String name() {
    return name;
  }

  /** The attribute's value type. */
  public AttributeType type() {
    return type;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeKey
        && ((AttributeKey<?>) o).name.equals(name)
        && ((AttributeKey<?>) o).type == type;
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
