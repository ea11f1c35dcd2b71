package dev.ariadne.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Immutable application key/value pairs that travel with a request across services, carried in
 * the {@link Context}; for example a tenant or a user tier that downstream services may read.
 *
 * <pre>{@code
 * Baggage baggage = Baggage.current().with("user.tier", "premium");
 * try (Scope ignored = Context.current().with(baggage).makeCurrent()) { ... }
 * }</pre>
 *
 * <p>A null or blank key, or a null value, is ignored.
 */
public final class Baggage {
  private static final Baggage EMPTY = new Baggage(new Object[0]);

  // key i at 2i (String), entry at 2i + 1 (BaggageEntry), in insertion order
  private final Object[] entries;

  private Baggage(Object[] entries) {
    this.entries = entries;
  }

  /** Baggage with no entries. */
  public static Baggage empty() {
    return EMPTY;
  }

  /** The baggage of the current context. */
  public static Baggage current() {
    return fromContext(Context.current());
  }

  /** The baggage held by {@code context}, or empty baggage. */
  public static Baggage fromContext(Context context) {
    Baggage baggage = context == null ? null : context.baggage();
    return baggage == null ? EMPTY : baggage;
  }

  /** The value for {@code key}, or null. */
  public String get(String key) {
    BaggageEntry entry = getEntry(key);
    return entry == null ? null : entry.value();
  }

  /** The entry for {@code key}, or null. */
  public BaggageEntry getEntry(String key) {
    int i = indexOf(key);
    return i < 0 ? null : (BaggageEntry) entries[i + 1];
  }

  /** The number of entries. */
  public int size() {
    return entries.length / 2;
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** Calls {@code action} with each key and entry, in insertion order. */
  public void forEach(BiConsumer<String, BaggageEntry> action) {
    for (int i = 0; i < entries.length; i += 2) {
      action.accept((String) entries[i], (BaggageEntry) entries[i + 1]);
    }
  }

  /** An unmodifiable, ordered map copy of the entries. */
  public Map<String, BaggageEntry> asMap() {
    Map<String, BaggageEntry> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  /** This baggage with {@code key} set to {@code value}. */
  public Baggage with(String key, String value) {
    return with(key, value, null);
  }

  /** This baggage with {@code key} set to {@code value} and its metadata. */
  public Baggage with(String key, String value, String metadata) {
    if (key == null || key.isBlank() || value == null) {
      return this;
    }
    BaggageEntry entry = BaggageEntry.of(value, metadata);
    int i = indexOf(key);
    Object[] copy;
    if (i >= 0) {
      copy = entries.clone();
    } else {
      i = entries.length;
      copy = java.util.Arrays.copyOf(entries, entries.length + 2);
      copy[i] = key;
    }
    copy[i + 1] = entry;
    return new Baggage(copy);
  }

  /** This baggage without {@code key}. */
  public Baggage without(String key) {
    int i = indexOf(key);
    if (i < 0) {
      return this;
    }
    Object[] fewer = new Object[entries.length - 2];
    System.arraycopy(entries, 0, fewer, 0, i);
    System.arraycopy(entries, i + 2, fewer, i, entries.length - i - 2);
    return fewer.length == 0 ? EMPTY : new Baggage(fewer);
  }

  /** {@code context} with this baggage in it. */
  public Context storeInContext(Context context) {
    return (context == null ? Context.root() : context).with(this);
  }

  private int indexOf(String key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Baggage && asMap().equals(((Baggage) o).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return "Baggage" + asMap();
  }
}
