package dev.ariadne.propagation.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.BaggageEntry;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import io.opentelemetry.api.baggage.BaggageBuilder;
import io.opentelemetry.api.baggage.BaggageEntryMetadata;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Headers written by OpenTelemetry's W3C propagators (opentelemetry-api, test scope only) read by
 * ours into the same ids, flags, trace state and baggage, and the reverse.
 */
class OpenTelemetryInteropTest {
  private static final int CONTEXTS = 500;

  private static final io.opentelemetry.context.propagation.TextMapSetter<Map<String, String>> OTEL_SETTER =
      (carrier, key, value) -> carrier.put(key, value);
  private static final io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> OTEL_GETTER =
      new io.opentelemetry.context.propagation.TextMapGetter<>() {
        @Override
        @SuppressWarnings("deprecation") // still abstract in the interface, so it must be implemented
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final SplittableRandom random = new SplittableRandom(0x07e1L);

  // ---- random contexts -------------------------------------------------------------------------

  /** A random valid span context in both libraries' terms. */
  private final class Ids {
    final long traceIdHigh = nonZero();
    final long traceIdLow = random.nextLong();
    final long spanId = nonZero();
    final byte flags = (byte) random.nextInt(4); // the bits both define: sampled, random
    final Map<String, String> traceState = randomTraceState();

    private long nonZero() {
      long id;
      do {
        id = random.nextLong();
      } while (id == 0);
      return id;
    }
  }

  private Map<String, String> randomTraceState() {
    Map<String, String> members = new LinkedHashMap<>();
    int count = random.nextInt(5) == 0 ? 32 : random.nextInt(6);
    String keyChars = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
    while (members.size() < count) {
      StringBuilder key = new StringBuilder().append((char) ('a' + random.nextInt(26)));
      int keyLength = random.nextInt(12);
      for (int i = 0; i < keyLength; i++) {
        key.append(keyChars.charAt(random.nextInt(keyChars.length())));
      }
      if (random.nextInt(4) == 0) {
        key.append('@').append((char) ('a' + random.nextInt(26))).append(random.nextInt(1000));
      }
      StringBuilder value = new StringBuilder();
      int valueLength = 1 + random.nextInt(20);
      for (int i = 0; i < valueLength; i++) {
        char c = (char) (0x20 + random.nextInt(0x5f));
        value.append(c == ',' || c == '=' || (c == ' ' && i == valueLength - 1) ? '.' : c);
      }
      members.put(key.toString(), value.toString());
    }
    return members;
  }

  private static SpanContext ours(Ids ids) {
    TraceState.Builder state = TraceState.builder();
    ids.traceState.forEach((k, v) -> assertThat(state.append(k, v)).isTrue());
    return SpanContext.create(ids.traceIdHigh, ids.traceIdLow, ids.spanId, ids.flags, state.build());
  }

  private static io.opentelemetry.api.trace.SpanContext theirs(Ids ids) {
    TraceStateBuilder state = io.opentelemetry.api.trace.TraceState.builder();
    // OpenTelemetry's builder puts each new key first; adding in reverse keeps our order.
    Object[] keys = ids.traceState.keySet().toArray();
    for (int i = keys.length - 1; i >= 0; i--) {
      state.put((String) keys[i], ids.traceState.get(keys[i]));
    }
    return io.opentelemetry.api.trace.SpanContext.create(
        SpanContext.create(ids.traceIdHigh, ids.traceIdLow, 1, (byte) 0, TraceState.empty()).traceIdHex(),
        SpanContext.create(1, 1, ids.spanId, (byte) 0, TraceState.empty()).spanIdHex(),
        TraceFlags.fromByte(ids.flags), state.build());
  }

  // ---- trace context ---------------------------------------------------------------------------

  @Test
  void traceContextWrittenByOpenTelemetry_isReadByOursIntoTheSameIdsFlagsAndTraceState() {
    for (int i = 0; i < CONTEXTS; i++) {
      Ids ids = new Ids();
      Map<String, String> headers = new HashMap<>();
      io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance().inject(
          io.opentelemetry.api.trace.Span.wrap(theirs(ids)).storeInContext(io.opentelemetry.context.Context.root()),
          headers, OTEL_SETTER);

      SpanContext read = Span.fromContext(
          W3CTraceContextPropagator.create().extract(Context.root(), headers, TextMapGetter.forMap()))
          .spanContext();

      assertThat(read.traceIdHigh()).isEqualTo(ids.traceIdHigh);
      assertThat(read.traceIdLow()).isEqualTo(ids.traceIdLow);
      assertThat(read.spanId()).isEqualTo(ids.spanId);
      assertThat(read.traceFlags()).isEqualTo(ids.flags);
      assertThat(read.traceState().asMap()).as(headers.toString()).containsExactlyEntriesOf(ids.traceState);
      assertThat(read.isRemote()).isTrue();
    }
  }

  @Test
  void traceContextWrittenByOurs_isReadByOpenTelemetryIntoTheSameIdsFlagsAndTraceState() {
    for (int i = 0; i < CONTEXTS; i++) {
      Ids ids = new Ids();
      SpanContext sent = ours(ids);
      Map<String, String> headers = new HashMap<>();
      W3CTraceContextPropagator.create()
          .inject(Context.root().with(Span.wrap(sent)), headers, TextMapSetter.forMap());

      io.opentelemetry.api.trace.SpanContext read = io.opentelemetry.api.trace.Span.fromContext(
          io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance()
              .extract(io.opentelemetry.context.Context.root(), headers, OTEL_GETTER))
          .getSpanContext();

      assertThat(read.isValid()).isTrue();
      assertThat(read.isRemote()).isTrue();
      assertThat(read.getTraceId()).isEqualTo(sent.traceIdHex());
      assertThat(read.getSpanId()).isEqualTo(sent.spanIdHex());
      assertThat(read.getTraceFlags().asByte()).isEqualTo(ids.flags);
      assertThat(read.getTraceState().asMap()).isEqualTo(ids.traceState);
      Map<String, String> order = new LinkedHashMap<>();
      read.getTraceState().forEach(order::put);
      assertThat(order).containsExactlyEntriesOf(ids.traceState);
    }
  }

  // ---- baggage ---------------------------------------------------------------------------------

  /** Random entries: token keys, any Unicode values, property lists as metadata. */
  private Map<String, BaggageEntry> randomBaggage() {
    Map<String, BaggageEntry> entries = new LinkedHashMap<>();
    String tchars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    int count = 1 + random.nextInt(10);
    while (entries.size() < count) {
      StringBuilder key = new StringBuilder();
      int keyLength = 1 + random.nextInt(12);
      for (int i = 0; i < keyLength; i++) {
        key.append(tchars.charAt(random.nextInt(tchars.length())));
      }
      String value = W3CBaggagePropagatorTest.randomText(random, random.nextInt(24));
      String metadata = "";
      if (random.nextInt(3) == 0) {
        metadata = "p" + random.nextInt(100) + (random.nextBoolean() ? "" : ";q=" + random.nextInt(1000) + "%20x");
      }
      entries.put(key.toString(), BaggageEntry.of(value, metadata));
    }
    return entries;
  }

  @Test
  void baggageWrittenByOpenTelemetry_isReadByOursIntoTheSameValuesAndMetadata() {
    for (int i = 0; i < CONTEXTS; i++) {
      Map<String, BaggageEntry> entries = randomBaggage();
      BaggageBuilder builder = io.opentelemetry.api.baggage.Baggage.builder();
      entries.forEach((k, e) -> builder.put(k, e.value(), BaggageEntryMetadata.create(e.metadata())));
      Map<String, String> headers = new HashMap<>();
      io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator.getInstance().inject(
          builder.build().storeInContext(io.opentelemetry.context.Context.root()), headers, OTEL_SETTER);

      Baggage read = Baggage.fromContext(
          W3CBaggagePropagator.create().extract(Context.root(), headers, TextMapGetter.forMap()));

      assertThat(read.asMap()).as(headers.toString()).isEqualTo(entries);
    }
  }

  @Test
  void baggageWrittenByOurs_isReadByOpenTelemetryIntoTheSameValuesAndMetadata() {
    for (int i = 0; i < CONTEXTS; i++) {
      Map<String, BaggageEntry> entries = randomBaggage();
      Baggage sent = Baggage.empty();
      for (Map.Entry<String, BaggageEntry> e : entries.entrySet()) {
        sent = sent.with(e.getKey(), e.getValue().value(), e.getValue().metadata());
      }
      Map<String, String> headers = new HashMap<>();
      W3CBaggagePropagator.create().inject(Context.root().with(sent), headers, TextMapSetter.forMap());

      io.opentelemetry.api.baggage.Baggage read = io.opentelemetry.api.baggage.Baggage.fromContext(
          io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator.getInstance()
              .extract(io.opentelemetry.context.Context.root(), headers, OTEL_GETTER));

      Map<String, BaggageEntry> converted = new LinkedHashMap<>();
      read.forEach((k, e) -> converted.put(k, BaggageEntry.of(e.getValue(), e.getMetadata().getValue())));
      assertThat(converted).as(headers.toString()).isEqualTo(entries);
    }
  }
}
