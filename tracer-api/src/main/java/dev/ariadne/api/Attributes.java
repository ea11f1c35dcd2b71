package dev.ariadne.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A read-only, ordered list of attributes (key and typed value), as carried by spans, events,
 * links and resources.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, or an unmodifiable
 * {@link java.util.List} of one of those; {@link #type(int)} says which. Keys are unique.
 */
public interface Attributes {

  /** The number of attributes. */
  int size();

  /** The name of the attribute at {@code index} (0 to {@code size() - 1}). */
  String key(int index);

  /** The type of the attribute at {@code index}. */
  AttributeType type(int index);

  /** The value of the attribute at {@code index}. */
  Object value(int index);

  /** Whether there are no attributes. */
  default boolean isEmpty() {
    return size() == 0;
  }

  /** The value stored under {@code key}'s name and type, or null. */
  @SuppressWarnings("unchecked")
  default <T> T get(AttributeKey<T> key) {
    if (key == null) {
      return null;
    }
    for (int i = 0, n = size(); i < n; i++) {
      if (key.name().equals(key(i))) {
        return type(i) == key.type() ? (T) value(i) : null;
      }
    }
    return null;
  }

  /** The value stored under {@code name} whatever its type, or null. */
  default Object get(String name) {
    for (int i = 0, n = size(); i < n; i++) {
      if (key(i).equals(name)) {
        return value(i);
      }
    }
    return null;
  }

  /** Calls {@code action} with each name and value, in order. */
  default void forEach(BiConsumer<String, Object> action) {
    for (int i = 0, n = size(); i < n; i++) {
      action.accept(key(i), value(i));
    }
  }

  /** An unmodifiable, insertion-ordered map copy of the attributes. */
  default Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  /** The empty attribute list. */
  static Attributes empty() {
    return AttributeList.EMPTY;
  }

  /** A builder for an immutable attribute list with no limits. */
  static AttributeList builder() {
    return new AttributeList(Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /** Immutable attributes from one string pair. */
  static Attributes of(String key, String value) {
    return builder().put(key, value).build();
  }

  /** Immutable attributes from two string pairs. */
  static Attributes of(String k1, String v1, String k2, String v2) {
    return builder().put(k1, v1).put(k2, v2).build();
  }
}
