package dev.ariadne.api.propagation;

import java.util.List;
import java.util.Map;

/**
 * Reads text values from a carrier (HTTP headers, message metadata, gRPC metadata) for
 * {@link TextMapPropagator#extract}.
 *
 * @param <C> the carrier type
 */
public interface TextMapGetter<C> {

  /** The keys present in {@code carrier}. */
  Iterable<String> keys(C carrier);

  /**
   * The value of {@code key} in {@code carrier}, or null; implementations should match header
   * names case-insensitively, as HTTP requires.
   */
  String get(C carrier, String key);

  /** A getter for a {@code Map<String, String>}, matching keys case-insensitively. */
  static TextMapGetter<Map<String, String>> forMap() {
    return MapGetters.SINGLE;
  }

  /**
   * A getter for a {@code Map<String, List<String>>} (as {@code java.net.http.HttpHeaders#map()}
   * and servlet-style header maps give), matching keys case-insensitively; repeated values are
   * joined with commas, as HTTP allows for list-valued headers.
   */
  static TextMapGetter<Map<String, List<String>>> forMultiMap() {
    return MapGetters.MULTI;
  }
}
