package dev.ariadne.propagation.w3c;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.BaggageEntry;
import dev.ariadne.api.Context;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Propagates {@link Baggage} in the W3C {@code baggage} header (https://www.w3.org/TR/baggage/):
 * {@code key=value;property;property=value} members separated by commas, values percent-encoded
 * as UTF-8, properties kept as the entry's metadata.
 *
 * <pre>{@code
 * Context withBaggage = Context.current().with(Baggage.current().with("user.tier", "gold"));
 * W3CBaggagePropagator.create().inject(withBaggage, headers, TextMapSetter.forMap());
 * }</pre>
 *
 * <p>Both directions keep to the specification's limits of {@value #MAX_MEMBERS} members and
 * {@value #MAX_BYTES} bytes, dropping whole members, never parts of one. A malformed member is
 * skipped and the others kept; extraction never throws, and extracted entries override entries
 * of the same key already in the context.
 */
public final class W3CBaggagePropagator implements TextMapPropagator {
  /** The most list-members read or written, the specification's minimum limit. */
  public static final int MAX_MEMBERS = 64;
  /** The most bytes of {@code baggage} header read or written, the specification's minimum limit. */
  public static final int MAX_BYTES = 8192;

  static final String BAGGAGE = "baggage";

  private static final W3CBaggagePropagator INSTANCE = new W3CBaggagePropagator();
  private static final List<String> FIELDS = List.of(BAGGAGE);

  private W3CBaggagePropagator() {}

  /** The shared instance; it holds no state. */
  public static W3CBaggagePropagator create() {
    return INSTANCE;
  }

  /** The header this propagator writes: {@code baggage}. */
  @Override
  public Collection<String> fields() {
    return FIELDS;
  }

  /**
   * Writes the baggage of {@code context} as one {@code baggage} header, in insertion order,
   * skipping entries whose key is not a token and whole entries that would take the header over
   * {@value #MAX_MEMBERS} members or {@value #MAX_BYTES} bytes; writes nothing when no entry fits.
   */
  @Override
  public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
    if (context == null || setter == null) {
      return;
    }
    Baggage baggage = Baggage.fromContext(context);
    if (baggage.isEmpty()) {
      return;
    }
    String header = encode(baggage);
    if (header != null) {
      setter.set(carrier, BAGGAGE, header);
    }
  }

  /** The header value for {@code baggage}, or null when no entry can be written. */
  static String encode(Baggage baggage) {
    Selection selection = new Selection(Math.min(baggage.size(), MAX_MEMBERS));
    baggage.forEach(selection);
    if (selection.count == 0) {
      return null;
    }
    char[] out = new char[selection.total];
    int pos = 0;
    for (int i = 0; i < selection.count; i++) {
      if (i > 0) {
        out[pos++] = ',';
      }
      String key = selection.keys[i];
      key.getChars(0, key.length(), out, pos);
      pos += key.length();
      out[pos++] = '=';
      pos = BaggageCodec.encode(selection.values[i], out, pos);
      String metadata = selection.metadata[i];
      if (!metadata.isEmpty()) {
        out[pos++] = ';';
        metadata.getChars(0, metadata.length(), out, pos);
        pos += metadata.length();
      }
    }
    return new String(out);
  }

  /**
   * The first pass of {@link #encode}: which entries fit, with their metadata in canonical form,
   * and the exact length of the header they make.
   */
  private static final class Selection implements BiConsumer<String, BaggageEntry> {
    final String[] keys;
    final String[] values;
    final String[] metadata;
    int count;
    int total;

    Selection(int capacity) {
      keys = new String[capacity];
      values = new String[capacity];
      metadata = new String[capacity];
    }

    @Override
    public void accept(String key, BaggageEntry entry) {
      if (count == keys.length || !BaggageCodec.isValidKey(key)) {
        return;
      }
      String value = entry.value();
      // Metadata is free text in the API; only a grammatical property list is written, without
      // its optional whitespace (so no tab either). Other metadata is left out, the entry kept.
      String properties = entry.metadata().isEmpty()
          ? "" : BaggageCodec.canonicalProperties(entry.metadata(), 0, entry.metadata().length());
      if (properties == null) {
        properties = "";
      }
      long length = key.length() + 1L + BaggageCodec.encodedLength(value)
          + (properties.isEmpty() ? 0 : 1 + properties.length());
      if (total + (count == 0 ? 0 : 1) + length > MAX_BYTES) {
        return; // a whole entry too many; a later, smaller one may still fit
      }
      total += (count == 0 ? 0 : 1) + (int) length;
      keys[count] = key;
      values[count] = value;
      metadata[count] = properties;
      count++;
    }
  }

  /**
   * Returns {@code context} with the entries of the carrier's {@code baggage} header added to its
   * baggage (replacing entries of the same key), or {@code context} unchanged when there are none.
   */
  @Override
  public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
    if (context == null) {
      context = Context.root();
    }
    if (getter == null) {
      return context;
    }
    String header = getter.get(carrier, BAGGAGE);
    if (header == null || header.isEmpty()) {
      return context;
    }
    Members members = parse(header);
    if (members.count == 0) {
      return context;
    }
    Baggage baggage = Baggage.fromContext(context);
    for (int i = 0; i < members.count; i++) {
      baggage = baggage.with(members.keys[i], members.values[i], members.metadata[i]);
    }
    return context.with(baggage);
  }

  /**
   * The valid members of a {@code baggage} header value, in order, within the limits.
   *
   * <p>Only the first {@value #MAX_BYTES} characters are read (a member that runs past them is
   * partial and dropped), so a huge header costs no more than a full one, and reading stops after
   * {@value #MAX_MEMBERS} distinct keys. Members also count by the size they take when written
   * again, so that extracted baggage always fits in one injected header: decoding can grow a
   * value (an undecodable {@code %FF} comes back as U+FFFD, written {@code %EF%BF%BD}).
   *
   * <p>A key given twice keeps its last value, as a later header field would replace an earlier
   * one and as OpenTelemetry does; the specification leaves the choice open.
   */
  static Members parse(String header) {
    Members members = new Members();
    int length = header.length();
    int window = Math.min(length, MAX_BYTES);
    int i = 0;
    while (i < window) {
      int memberEnd = i;
      while (memberEnd < window && header.charAt(memberEnd) != ',') {
        memberEnd++;
      }
      if (memberEnd == window && window < length && header.charAt(window) != ',') {
        break; // this member continues past the limit
      }
      if (!parseMember(header, i, memberEnd, members)) {
        break; // MAX_MEMBERS distinct keys read
      }
      i = memberEnd + 1;
    }
    return members;
  }

  /**
   * Parses {@code header[from, to)} as {@code key OWS "=" OWS value *( OWS ";" OWS property )} and
   * adds it to {@code members} when valid and within the limits; returns false when no further
   * member can be added.
   */
  private static boolean parseMember(String header, int from, int to, Members members) {
    int p = Ows.skip(header, from, to);
    int end = Ows.trimEnd(header, p, to);
    if (p == end) {
      return true; // an empty member, as a joined "a=1, ,b=2" has: skipped
    }
    int keyStart = p;
    while (p < end && BaggageCodec.isTokenChar(header.charAt(p))) {
      p++;
    }
    int keyEnd = p;
    p = Ows.skip(header, p, end);
    if (keyEnd == keyStart || p == end || header.charAt(p) != '=') {
      return true; // malformed: skipped
    }
    p = Ows.skip(header, p + 1, end);
    int valueStart = p;
    while (p < end && BaggageCodec.isBaggageOctet(header.charAt(p))) {
      p++;
    }
    int valueEnd = p;
    p = Ows.skip(header, p, end);
    String metadata = "";
    if (p < end) {
      if (header.charAt(p) != ';') {
        return true; // a character that no value may hold: skipped
      }
      metadata = BaggageCodec.canonicalProperties(header, p + 1, end);
      if (metadata == null) {
        return true; // a malformed property: the member is skipped
      }
    }
    return members.add(header.substring(keyStart, keyEnd),
        BaggageCodec.decode(header, valueStart, valueEnd), metadata);
  }

  /** Parsed members in header order, duplicates resolved, with their written sizes. */
  static final class Members {
    String[] keys = new String[4];
    String[] values = new String[4];
    String[] metadata = new String[4];
    int[] sizes = new int[4];
    int count;
    int total;

    /** Adds or replaces a member if it fits; false once {@value W3CBaggagePropagator#MAX_MEMBERS} keys are held. */
    boolean add(String key, String value, String properties) {
      int size = key.length() + 1 + BaggageCodec.encodedLength(value)
          + (properties.isEmpty() ? 0 : 1 + properties.length());
      for (int i = 0; i < count; i++) {
        if (keys[i].equals(key)) {
          if (total - sizes[i] + size <= MAX_BYTES) {
            total += size - sizes[i];
            values[i] = value;
            metadata[i] = properties;
            sizes[i] = size;
          }
          return true;
        }
      }
      int added = size + (count == 0 ? 0 : 1);
      if (total + added > MAX_BYTES) {
        return true; // too big for what is left; a later, smaller member may fit
      }
      if (count == keys.length) {
        int capacity = Math.min(count * 2, MAX_MEMBERS);
        keys = Arrays.copyOf(keys, capacity);
        values = Arrays.copyOf(values, capacity);
        metadata = Arrays.copyOf(metadata, capacity);
        sizes = Arrays.copyOf(sizes, capacity);
      }
      keys[count] = key;
      values[count] = value;
      metadata[count] = properties;
      sizes[count] = size;
      count++;
      total += added;
      return count < MAX_MEMBERS;
    }
  }

  @Override
  public String toString() {
    return "W3CBaggagePropagator";
  }
}
