package dev.ariadne.propagation.jaeger;

import static dev.ariadne.propagation.jaeger.JaegerPropagator.BAGGAGE_PREFIX;
import static dev.ariadne.propagation.jaeger.JaegerPropagator.LEGACY_BAGGAGE_HEADER;
import static dev.ariadne.propagation.jaeger.JaegerPropagator.MAX_BAGGAGE_CHARS;
import static dev.ariadne.propagation.jaeger.JaegerPropagator.MAX_BAGGAGE_ENTRIES;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.BaggageEntry;
import dev.ariadne.api.Context;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Jaeger baggage: one {@code uberctx-{key}} header per entry with a percent-encoded value, and on
 * extraction also the legacy {@code jaeger-baggage: k1=v1, k2=v2} header (its entries first, so
 * that {@code uberctx-} headers win for the same key).
 *
 * <p>Keys must be HTTP header-name tokens (they become part of a header name) and are lowercased,
 * because HTTP/2 and many proxies lowercase header names anyway. Both directions stop at
 * {@value JaegerPropagator#MAX_BAGGAGE_ENTRIES} entries and
 * {@value JaegerPropagator#MAX_BAGGAGE_CHARS} characters of keys and values.
 */
final class JaegerBaggage {
  private JaegerBaggage() {}

  static <C> void inject(Baggage baggage, C carrier, TextMapSetter<C> setter) {
    baggage.forEach(new Writer<>(carrier, setter));
  }

  /** Writes entries in order until a limit is reached; entries whose key is not a token are skipped. */
  private static final class Writer<C> implements BiConsumer<String, BaggageEntry> {
    private final C carrier;
    private final TextMapSetter<C> setter;
    private int entries;
    private int chars;

    Writer(C carrier, TextMapSetter<C> setter) {
      this.carrier = carrier;
      this.setter = setter;
    }

    @Override
    public void accept(String key, BaggageEntry entry) {
      if (key == null || entry == null || !isToken(key, 0, key.length())) {
        return;
      }
      String value = entry.value();
      int size = key.length() + value.length();
      if (entries == MAX_BAGGAGE_ENTRIES || size > MAX_BAGGAGE_CHARS - chars) {
        return;
      }
      entries++;
      chars += size;
      setter.set(carrier, BAGGAGE_PREFIX + key.toLowerCase(Locale.ROOT), PercentCodec.encode(value));
    }
  }

  static <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    Reader reader = new Reader(Baggage.fromContext(context));
    String legacy = getter.get(carrier, LEGACY_BAGGAGE_HEADER);
    if (legacy != null) {
      reader.readLegacy(legacy);
    }
    Iterable<String> keys = getter.keys(carrier);
    if (keys != null) {
      int prefixLength = BAGGAGE_PREFIX.length();
      for (String key : keys) {
        if (reader.full()) {
          break;
        }
        if (key == null || key.length() <= prefixLength
            || !hasPrefixIgnoringAsciiCase(key)
            || !isToken(key, prefixLength, key.length())) {
          continue;
        }
        String value = getter.get(carrier, key);
        if (value != null) {
          reader.add(key.substring(prefixLength), PercentCodec.decode(value));
        }
      }
    }
    return reader.baggage == Baggage.fromContext(context) ? context : context.with(reader.baggage);
  }

  /** Adds entries to the context's baggage while counting them against the limits. */
  private static final class Reader {
    Baggage baggage;
    private int entries;
    private int chars;

    Reader(Baggage baggage) {
      this.baggage = baggage;
    }

    boolean full() {
      return entries == MAX_BAGGAGE_ENTRIES || chars >= MAX_BAGGAGE_CHARS;
    }

    /** Adds {@code key} (a token) lowercased; skips an entry that would pass a limit. */
    void add(String key, String value) {
      int size = key.length() + value.length();
      if (entries == MAX_BAGGAGE_ENTRIES || size > MAX_BAGGAGE_CHARS - chars) {
        return;
      }
      entries++;
      chars += size;
      baggage = baggage.with(key.toLowerCase(Locale.ROOT), value);
    }

    /** Reads {@code k1=v1, k2=v2}: spaces around keys and values are dropped, values are not decoded. */
    void readLegacy(String header) {
      int n = header.length();
      int start = 0;
      while (start < n && !full()) {
        int equals = -1;
        int end = start;
        while (end < n && header.charAt(end) != ',') {
          if (equals < 0 && header.charAt(end) == '=') {
            equals = end;
          }
          end++;
        }
        if (equals >= 0) {
          int keyStart = skipOws(header, start, equals);
          int keyEnd = trimOws(header, keyStart, equals);
          int valueStart = skipOws(header, equals + 1, end);
          int valueEnd = trimOws(header, valueStart, end);
          if (keyEnd > keyStart && isToken(header, keyStart, keyEnd)) {
            add(header.substring(keyStart, keyEnd), PercentCodec.sanitize(header.substring(valueStart, valueEnd)));
          }
        }
        start = end + 1;
      }
    }
  }

  /** Whether {@code key} starts with {@code uberctx-} in any ASCII case (header names are ASCII). */
  private static boolean hasPrefixIgnoringAsciiCase(String key) {
    for (int i = 0; i < BAGGAGE_PREFIX.length(); i++) {
      char c = key.charAt(i);
      char p = BAGGAGE_PREFIX.charAt(i);
      if (c != p && !(p >= 'a' && p <= 'z' && c == p - ('a' - 'A'))) {
        return false;
      }
    }
    return true;
  }

  private static int skipOws(String s, int from, int end) {
    while (from < end && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimOws(String s, int start, int end) {
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return end;
  }

  /** Whether {@code s[from, end)} is a non-empty RFC 9110 token, as a header name must be. */
  static boolean isToken(String s, int from, int end) {
    if (from >= end) {
      return false;
    }
    for (int i = from; i < end; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
