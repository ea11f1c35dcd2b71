package dev.ariadne.api;

/**
 * A key for a value kept in a {@link Context}; keys compare by identity, so keep one in a constant.
 *
 * @param <V> the type of the value
 */
public final class ContextKey<V> {
  private final String name;

  private ContextKey(String name) {
    this.name = name;
  }

  /** A new key; {@code name} is for debugging only. */
  public static <V> ContextKey<V> named(String name) {
    return new ContextKey<>(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
