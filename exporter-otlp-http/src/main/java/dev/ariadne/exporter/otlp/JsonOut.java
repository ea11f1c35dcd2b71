package dev.ariadne.exporter.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import dev.ariadne.api.Hex;
import dev.ariadne.api.TraceState;
import java.io.IOException;
import java.util.function.BiConsumer;

/**
 * One thread's JSON writer: a Jackson generator that lives as long as the thread and writes each
 * body as one more root value into a reused {@link ByteSink}, plus the few value shapes OTLP
 * needs that Jackson does not write as such (hex ids, 64-bit integers as decimal strings, strings
 * with lone surrogates replaced). Only {@link #finish()} allocates: the body's final copy.
 */
final class JsonOut implements BiConsumer<String, String> {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      // a surrogate pair becomes one 4-byte UTF-8 sequence rather than two \\u escapes
      .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
      .build();
  private static final char REPLACEMENT = '\uFFFD';
  private static final int MAX_RETAINED_CHARS = 64 * 1024;

  private final ByteSink sink = new ByteSink();
  private final JsonGenerator generator;
  // scratch for ids, numbers, trace states and repaired strings
  private char[] chars = new char[64];
  private int traceStateLength;

  JsonOut() {
    try {
      generator = FACTORY.createGenerator(sink);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON to memory", e);
    }
    // bodies follow one another in the sink with nothing between them
    generator.setRootValueSeparator(null);
  }

  /** The generator, for the structure (objects, arrays, names, plain numbers). */
  JsonGenerator generator() {
    return generator;
  }

  /** Writes a field name given as a pre-encoded constant. */
  void name(SerializableString name) throws IOException {
    generator.writeFieldName(name);
  }

  /**
   * Writes {@code value} as a JSON string; a lone surrogate becomes U+FFFD, as I-JSON (RFC 7493)
   * asks and as Go's and most other decoders would read it anyway, so the body is valid UTF-8
   * holding valid Unicode. A null is written as the empty string.
   */
  void string(String value) throws IOException {
    if (value == null) {
      generator.writeString("");
      return;
    }
    int bad = firstLoneSurrogate(value);
    if (bad < 0) {
      generator.writeString(value);
      return;
    }
    int length = value.length();
    char[] out = scratch(length);
    value.getChars(0, length, out, 0);
    for (int i = bad; i < length; i++) {
      char c = out[i];
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(out[i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        out[i] = REPLACEMENT;
      }
    }
    generator.writeString(out, 0, length);
  }

  /** Writes a 128-bit id as 32 lowercase hex digits. */
  void hex(long high, long low) throws IOException {
    char[] out = scratch(32);
    Hex.writeLong(high, out, 0);
    Hex.writeLong(low, out, 16);
    generator.writeString(out, 0, 32);
  }

  /** Writes a 64-bit id as 16 lowercase hex digits. */
  void hex(long id) throws IOException {
    char[] out = scratch(16);
    Hex.writeLong(id, out, 0);
    generator.writeString(out, 0, 16);
  }

  /** Writes {@code value} as a quoted decimal, proto3 JSON's form of 64-bit integers. */
  void decimalString(long value) throws IOException {
    char[] out = scratch(20);
    int pos = 20;
    // work on the negative value so Long.MIN_VALUE needs no special case
    long v = value < 0 ? value : -value;
    do {
      out[--pos] = (char) ('0' - (v % 10));
      v /= 10;
    } while (v != 0);
    if (value < 0) {
      out[--pos] = '-';
    }
    generator.writeString(out, pos, 20 - pos);
  }

  /** Writes a double; NaN and the infinities as proto3 JSON's strings "NaN", "Infinity", "-Infinity". */
  void number(double value) throws IOException {
    if (Double.isNaN(value)) {
      generator.writeString("NaN");
    } else if (Double.isInfinite(value)) {
      generator.writeString(value > 0 ? "Infinity" : "-Infinity");
    } else {
      generator.writeNumber(value);
    }
  }

  /** Writes a trace state in its W3C header form ({@code k1=v1,k2=v2}). */
  void traceState(TraceState state) throws IOException {
    traceStateLength = 0;
    state.forEach(this);
    generator.writeString(chars, 0, traceStateLength);
  }

  /** Appends one trace-state entry to the scratch buffer; the {@link TraceState#forEach} callback. */
  @Override
  public void accept(String key, String value) {
    int needed = traceStateLength + key.length() + value.length() + 2;
    if (needed > chars.length) {
      char[] grown = new char[Math.max(needed, chars.length * 2)];
      System.arraycopy(chars, 0, grown, 0, traceStateLength);
      chars = grown;
    }
    if (traceStateLength > 0) {
      chars[traceStateLength++] = ',';
    }
    key.getChars(0, key.length(), chars, traceStateLength);
    traceStateLength += key.length();
    chars[traceStateLength++] = '=';
    value.getChars(0, value.length(), chars, traceStateLength);
    traceStateLength += value.length();
  }

  /** Ends the current body and returns it; the sink is then empty for the next one. */
  byte[] finish() throws IOException {
    generator.flush();
    byte[] body = sink.toByteArray();
    sink.reset();
    if (chars.length > MAX_RETAINED_CHARS) {
      chars = new char[64];
    }
    return body;
  }

  /** A pre-encoded field name. */
  static SerializableString key(String name) {
    return new SerializedString(name);
  }

  private char[] scratch(int length) {
    if (chars.length < length) {
      chars = new char[Math.max(length, chars.length * 2)];
    }
    return chars;
  }

  private static int firstLoneSurrogate(String value) {
    for (int i = 0, n = value.length(); i < n; i++) {
      char c = value.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}
