package dev.ariadne.api.propagation;

import java.util.Map;

/**
 * Writes a text value into a carrier for {@link TextMapPropagator#inject}.
 *
 * @param <C> the carrier type
 */
@FunctionalInterface
public interface TextMapSetter<C> {

  /** Sets {@code key} to {@code value} in {@code carrier}, replacing any earlier value. */
  void set(C carrier, String key, String value);

  /** A setter for a {@code Map<String, String>}. */
  static TextMapSetter<Map<String, String>> forMap() {
    return (carrier, key, value) -> {
      if (carrier != null) {
        carrier.put(key, value);
      }
    };
  }
}
