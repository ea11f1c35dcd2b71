package dev.ariadne.api.propagation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Case-insensitive getters for the map carriers most code has at hand. */
final class MapGetters {
  static final TextMapGetter<Map<String, String>> SINGLE = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier == null ? List.of() : carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return lookup(carrier, key);
    }
  };

  static final TextMapGetter<Map<String, List<String>>> MULTI = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, List<String>> carrier) {
      return carrier == null ? List.of() : carrier.keySet();
    }

    @Override
    public String get(Map<String, List<String>> carrier, String key) {
      List<String> values = lookup(carrier, key);
      if (values == null || values.isEmpty()) {
        return null;
      }
      if (values.size() == 1) {
        return values.get(0);
      }
      StringBuilder joined = new StringBuilder();
      for (String value : values) {
        if (value != null) {
          if (joined.length() > 0) {
            joined.append(',');
          }
          joined.append(value);
        }
      }
      return joined.toString();
    }
  };

  private MapGetters() {}

  /** Exact key first (the common case, no allocation), then lowercase, then a case-insensitive scan. */
  static <V> V lookup(Map<String, V> carrier, String key) {
    if (carrier == null || key == null) {
      return null;
    }
    V value = carrier.get(key);
    if (value != null) {
      return value;
    }
    value = carrier.get(key.toLowerCase(Locale.ROOT));
    if (value != null) {
      return value;
    }
    for (Map.Entry<String, V> entry : carrier.entrySet()) {
      if (key.equalsIgnoreCase(entry.getKey())) {
        return entry.getValue();
      }
    }
    return null;
  }
}
