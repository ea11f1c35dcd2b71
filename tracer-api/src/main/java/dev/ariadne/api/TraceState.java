package dev.ariadne.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The vendor-specific key/value list of the W3C {@code tracestate} header, immutable and ordered
 * with the most recently updated entry first.
 *
 * <p>Keys and values follow the W3C Trace Context grammar; at most {@value #MAX_ENTRIES} entries are
 * kept. Invalid input is refused, never thrown: {@link #with} returns the state unchanged.
 */
public final class TraceState {
  /** The most entries a trace state holds, from the W3C specification. */
  public static final int MAX_ENTRIES = 32;

  private static final TraceState EMPTY = new TraceState(new String[0]);

  // key i at 2i, value at 2i + 1, most recent first
  private final String[] entries;

  private TraceState(String[] entries) {
    this.entries = entries;
  }

  /** The empty trace state. */
  public static TraceState empty() {
    return EMPTY;
  }

  /** A builder that appends entries in header order, for parsers. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value for {@code key}, or null. */
  public String get(String key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        return entries[i + 1];
      }
    }
    return null;
  }

  /** The number of entries. */
  public int size() {
    return entries.length / 2;
  }

  /** Whether there are no entries. */
  public boolean isEmpty() {
    return entries.length == 0;
  }

  /** Calls {@code action} with each key and value, most recent first. */
  public void forEach(BiConsumer<String, String> action) {
    for (int i = 0; i < entries.length; i += 2) {
      action.accept(entries[i], entries[i + 1]);
    }
  }

  /** An unmodifiable, ordered map copy of the entries. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    forEach(map::put);
    return Collections.unmodifiableMap(map);
  }

  /**
   * This state with {@code key} set to {@code value} and moved to the front, as the W3C
   * specification requires of an update; the last entry is dropped beyond {@value #MAX_ENTRIES}.
   * An invalid key or value leaves the state unchanged.
   */
  public TraceState with(String key, String value) {
    if (!isValidKey(key) || !isValidValue(value)) {
      return this;
    }
    String[] others = without(key).entries;
    int keep = Math.min(others.length, (MAX_ENTRIES - 1) * 2);
    String[] updated = new String[keep + 2];
    updated[0] = key;
    updated[1] = value;
    System.arraycopy(others, 0, updated, 2, keep);
    return new TraceState(updated);
  }

  /** This state without {@code key}. */
  public TraceState without(String key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        String[] fewer = new String[entries.length - 2];
        System.arraycopy(entries, 0, fewer, 0, i);
        System.arraycopy(entries, i + 2, fewer, i, entries.length - i - 2);
        return fewer.length == 0 ? EMPTY : new TraceState(fewer);
      }
    }
    return this;
  }

  /**
   * Whether {@code key} is a valid W3C tracestate key: Trace Context Level 2's grammar, a lowercase
   * letter or digit followed by up to 255 of {@code a-z 0-9 _ - * / @}. Level 1's
   * {@code tenant@system} keys are all valid under it.
   */
  public static boolean isValidKey(CharSequence key) {
    if (key == null) {
      return false;
    }
    int length = key.length();
    if (length == 0 || length > 256) {
      return false;
    }
    char first = key.charAt(0);
    if (!isLowerAlpha(first) && !isDigit(first)) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      char c = key.charAt(i);
      if (!isKeyChar(c) && c != '@') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code value} is a valid W3C tracestate value. */
  public static boolean isValidValue(CharSequence value) {
    if (value == null) {
      return false;
    }
    int length = value.length();
    if (length == 0 || length > 256) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c != ' ' && !isNonBlankValueChar(c)) {
        return false;
      }
    }
    return isNonBlankValueChar(value.charAt(length - 1));
  }

  private static boolean isNonBlankValueChar(char c) {
    return c >= 0x21 && c <= 0x7e && c != ',' && c != '=';
  }

  private static boolean isKeyChar(char c) {
    return isLowerAlpha(c) || isDigit(c) || c == '_' || c == '-' || c == '*' || c == '/';
  }

  private static boolean isLowerAlpha(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TraceState && Arrays.equals(entries, ((TraceState) o).entries);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(entries);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < entries.length; i += 2) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(entries[i]).append('=').append(entries[i + 1]);
    }
    return sb.toString();
  }

  /** Appends entries in header order (left to right) and builds an immutable trace state. */
  public static final class Builder {
    private String[] entries = new String[8];
    private int length;

    private Builder() {}

    /**
     * Appends an entry; returns false, appending nothing, when the key or value is invalid, the key
     * is already present, or {@value #MAX_ENTRIES} entries are already held.
     */
    public boolean append(String key, String value) {
      if (!isValidKey(key) || !isValidValue(value) || length == MAX_ENTRIES * 2) {
        return false;
      }
      for (int i = 0; i < length; i += 2) {
        if (entries[i].equals(key)) {
          return false;
        }
      }
      if (length == entries.length) {
        entries = Arrays.copyOf(entries, entries.length * 2);
      }
      entries[length++] = key;
      entries[length++] = value;
      return true;
    }

    /** The trace state holding the appended entries. */
    public TraceState build() {
      return length == 0 ? EMPTY : new TraceState(Arrays.copyOf(entries, length));
    }
  }
}
