package dev.ariadne.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A growable attribute list with optional limits: the builder behind {@link Attributes#builder()}
 * and the storage of a recording span's attributes.
 *
 * <p>Keys and values sit in one flat array grown in place, so setting a scalar attribute allocates
 * nothing beyond the boxing of a number. Setting an existing key replaces its value in place. Bad
 * input never throws: a null or blank key, a null value, or a NaN or infinite double is dropped; a
 * new key beyond {@code maxCount} is dropped; a string longer than {@code maxValueLength} is cut.
 * Both are counted ({@link #droppedCount()}, {@link #truncatedCount()}).
 *
 * <p>Not safe for concurrent writers; readers must see it through a happens-before edge (a span
 * publishes it when it ends).
 */
public final class AttributeList implements Attributes {
  private static final Object[] NO_SLOTS = new Object[0];
  private static final int INDEX_THRESHOLD = 16;
  static final AttributeList EMPTY = new AttributeList(0, 0).build();

  private final int maxCount;
  private final int maxValueLength;
  private boolean frozen;
  // key of attribute i at 2i (a String, or the AttributeKey for list values), value at 2i + 1
  private Object[] slots = NO_SLOTS;
  // Past INDEX_THRESHOLD attributes, a key lookup by scanning would make filling a list quadratic;
  // an open-addressing table of (position + 1), 0 for empty, keeps each put constant-time.
  private int[] index;
  private int count;
  private int dropped;
  private int truncated;

  /**
   * Creates an empty list that keeps at most {@code maxCount} attributes and cuts string values to
   * {@code maxValueLength} characters.
   */
  public AttributeList(int maxCount, int maxValueLength) {
    if (maxCount < 0) {
      throw new IllegalArgumentException("maxCount must be >= 0, was " + maxCount);
    }
    if (maxValueLength < 0) {
      throw new IllegalArgumentException("maxValueLength must be >= 0, was " + maxValueLength);
    }
    this.maxCount = maxCount;
    this.maxValueLength = maxValueLength;
  }

  /** Sets a string attribute. */
  public AttributeList put(String key, String value) {
    if (frozen) {
      return this;
    }
    if (value == null) {
      dropped++;
      return this;
    }
    set(key, key, truncate(value));
    return this;
  }

  /** Sets a 64-bit integer attribute. */
  public AttributeList put(String key, long value) {
    if (frozen) {
      return this;
    }
    set(key, key, value);
    return this;
  }

  /** Sets a double attribute; NaN and infinities are dropped because not every wire format can carry them. */
  public AttributeList put(String key, double value) {
    if (frozen) {
      return this;
    }
    if (!Double.isFinite(value)) {
      dropped++;
      return this;
    }
    set(key, key, value);
    return this;
  }

  /** Sets a boolean attribute. */
  public AttributeList put(String key, boolean value) {
    if (frozen) {
      return this;
    }
    set(key, key, value);
    return this;
  }

  /** Sets an attribute through a typed key; a value not of the key's type is dropped. */
  public <T> AttributeList put(AttributeKey<T> key, T value) {
    if (frozen) {
      return this;
    }
    if (key == null || value == null) {
      dropped++;
      return this;
    }
    Object normalized = normalize(key.type(), value);
    if (normalized == null) {
      dropped++;
      return this;
    }
    // A list's element type cannot be read back from an empty list, so its key keeps the type.
    set(key.type().isArray() ? key : key.name(), key.name(), normalized);
    return this;
  }

  /** Copies every attribute of {@code other} into this list. */
  public AttributeList putAll(Attributes other) {
    if (frozen) {
      return this;
    }
    if (other == null) {
      return this;
    }
    for (int i = 0, n = other.size(); i < n; i++) {
      Object value = other.value(i);
      AttributeType type = other.type(i);
      Object normalized = normalize(type, value);
      if (normalized == null) {
        dropped++;
      } else {
        String name = other.key(i);
        set(type.isArray() ? keyFor(name, type) : name, name, normalized);
      }
    }
    return this;
  }

  /** An immutable copy of this list (this list itself once frozen). */
  public AttributeList build() {
    if (frozen) {
      return this;
    }
    AttributeList copy = new AttributeList(maxCount, maxValueLength);
    copy.slots = count == 0 ? NO_SLOTS : Arrays.copyOf(slots, count * 2);
    copy.count = count;
    copy.dropped = dropped;
    copy.truncated = truncated;
    copy.frozen = true;
    return copy;
  }

  /** Whether this list is a built, immutable one (puts on it are ignored). */
  public boolean isFrozen() {
    return frozen;
  }

  /** How many attributes were refused: over the count limit, or with a bad key or value. */
  public int droppedCount() {
    return dropped;
  }

  /** How many string values were cut to the length limit. */
  public int truncatedCount() {
    return truncated;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public String key(int index) {
    Object key = slots[checkIndex(index) * 2];
    return key instanceof String ? (String) key : ((AttributeKey<?>) key).name();
  }

  @Override
  public AttributeType type(int index) {
    Object key = slots[checkIndex(index) * 2];
    if (key instanceof AttributeKey) {
      return ((AttributeKey<?>) key).type();
    }
    Object value = slots[index * 2 + 1];
    if (value instanceof String) {
      return AttributeType.STRING;
    } else if (value instanceof Long) {
      return AttributeType.LONG;
    } else if (value instanceof Double) {
      return AttributeType.DOUBLE;
    }
    return AttributeType.BOOLEAN;
  }

  @Override
  public Object value(int index) {
    return slots[checkIndex(index) * 2 + 1];
  }

  /** Scans the flat array directly: identity first (keys are usually the same literals), then equality. */
  @Override
  public Object get(String name) {
    if (name == null) {
      return null;
    }
    Object[] s = slots;
    int n = Math.min(count, s.length / 2);
    for (int i = 0; i < n; i++) {
      if (s[i * 2] == name) {
        return s[i * 2 + 1];
      }
    }
    int hash = name.hashCode();
    for (int i = 0; i < n; i++) {
      Object k = s[i * 2];
      String existing = k instanceof String ? (String) k : ((AttributeKey<?>) k).name();
      if (existing.hashCode() == hash && existing.equals(name)) {
        return s[i * 2 + 1];
      }
    }
    return null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attributes && asMap().equals(((Attributes) o).asMap());
  }

  @Override
  public int hashCode() {
    return asMap().hashCode();
  }

  @Override
  public String toString() {
    return asMap().toString();
  }

  private int checkIndex(int index) {
    if (index < 0 || index >= count) {
      throw new IndexOutOfBoundsException("index " + index + " of " + count);
    }
    return index;
  }

  private void set(Object keySlot, String name, Object value) {
    if (frozen) {
      return;
    }
    if (name == null || name.isBlank()) {
      dropped++;
      return;
    }
    Object[] s = slots;
    int n = count;
    int hash = name.hashCode();
    int found = index != null ? findIndexed(name, hash) : findByScan(name, hash);
    if (found >= 0) {
      s[found * 2] = keySlot;
      s[found * 2 + 1] = value;
      return;
    }
    if (n >= maxCount) {
      dropped++;
      return;
    }
    if (n * 2 + 2 > s.length) {
      s = Arrays.copyOf(s, Math.max(8, s.length * 2));
      slots = s;
    }
    s[n * 2] = keySlot;
    s[n * 2 + 1] = value;
    count = n + 1;
    if (index != null) {
      if (count * 2 > index.length) {
        rebuildIndex(index.length * 2);
      } else {
        addToIndex(index, n, hash);
      }
    } else if (count > INDEX_THRESHOLD) {
      rebuildIndex(INDEX_THRESHOLD * 4); // lists of up to 16 attributes, the usual case, never pay for it
    }
  }

  private int findByScan(String name, int hash) {
    Object[] s = slots;
    for (int i = 0, n = count; i < n; i++) {
      String existing = name(s[i * 2]);
      if (existing == name || (existing.hashCode() == hash && existing.equals(name))) {
        return i;
      }
    }
    return -1;
  }

  private int findIndexed(String name, int hash) {
    int[] table = index;
    int mask = table.length - 1;
    for (int h = spread(hash) & mask; ; h = (h + 1) & mask) {
      int position = table[h] - 1;
      if (position < 0) {
        return -1;
      }
      String existing = name(slots[position * 2]);
      if (existing == name || (existing.hashCode() == hash && existing.equals(name))) {
        return position;
      }
    }
  }

  private void rebuildIndex(int size) {
    int[] table = new int[size];
    for (int i = 0; i < count; i++) {
      addToIndex(table, i, name(slots[i * 2]).hashCode());
    }
    index = table;
  }

  private static void addToIndex(int[] table, int position, int hash) {
    int mask = table.length - 1;
    int h = spread(hash) & mask;
    while (table[h] != 0) {
      h = (h + 1) & mask;
    }
    table[h] = position + 1;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private static String name(Object keySlot) {
    return keySlot instanceof String ? (String) keySlot : ((AttributeKey<?>) keySlot).name();
  }

  private String truncate(String value) {
    if (value.length() <= maxValueLength) {
      return value;
    }
    truncated++;
    int end = maxValueLength;
    // never leave half of a surrogate pair behind
    if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(0, end);
  }

  private Object normalize(AttributeType type, Object value) {
    switch (type) {
      case STRING:
        return value instanceof String ? truncate((String) value) : null;
      case LONG:
        return value instanceof Long ? value : null;
      case DOUBLE:
        return value instanceof Double && Double.isFinite((Double) value) ? value : null;
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      default:
        return value instanceof List ? normalizeList(type, (List<?>) value) : null;
    }
  }

  private List<Object> normalizeList(AttributeType type, List<?> list) {
    AttributeType elementType = AttributeType.values()[type.ordinal() - AttributeType.STRING_ARRAY.ordinal()];
    List<Object> copy = new ArrayList<>(list.size());
    for (Object element : list) {
      Object normalized = element == null ? null : normalize(elementType, element);
      if (normalized != null) {
        copy.add(normalized);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  private static AttributeKey<?> keyFor(String name, AttributeType type) {
    switch (type) {
      case STRING_ARRAY:
        return AttributeKey.stringArrayKey(name);
      case LONG_ARRAY:
        return AttributeKey.longArrayKey(name);
      case DOUBLE_ARRAY:
        return AttributeKey.doubleArrayKey(name);
      default:
        return AttributeKey.booleanArrayKey(name);
    }
  }
}
