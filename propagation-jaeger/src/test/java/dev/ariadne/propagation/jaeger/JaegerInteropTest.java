package dev.ariadne.propagation.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Headers written by OpenTelemetry's Jaeger propagator are read by ours into the same ids and
 * sampling decision, and the reverse. (OpenTelemetry has deprecated its Jaeger propagator in favour
 * of W3C; Jaeger clients in the field still send this format.)
 */
@SuppressWarnings("deprecation")
class JaegerInteropTest {
  private static final int CONTEXTS = 500;
  private static final JaegerPropagator ARIADNE = JaegerPropagator.create();
  private static final io.opentelemetry.extension.trace.propagation.JaegerPropagator OTEL =
      io.opentelemetry.extension.trace.propagation.JaegerPropagator.getInstance();
  private static final io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> OTEL_GETTER =
      new io.opentelemetry.context.propagation.TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
          return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
          return carrier == null ? null : carrier.get(key);
        }
      };

  private final SplittableRandom random = new SplittableRandom(20261124L);

  @Test
  void headersWrittenByAriadne_areReadByOpenTelemetryIntoTheSameContext() {
    for (int i = 0; i < CONTEXTS; i++) {
      long high = random.nextInt(3) == 0 ? 0 : random.nextLong();
      long low = nonZero();
      long spanId = nonZero();
      boolean sampled = random.nextBoolean();
      SpanContext ours = SpanContext.create(high, low, spanId, sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, TraceState.empty());
      Context context = Context.root().with(Span.wrap(ours));
      boolean debug = sampled && random.nextInt(4) == 0;
      if (debug) {
        context = context.with(JaegerPropagator.DEBUG, ours);
      }
      Map<String, String> carrier = new HashMap<>();
      ARIADNE.inject(context, carrier, TextMapSetter.forMap());

      io.opentelemetry.api.trace.SpanContext theirs = io.opentelemetry.api.trace.Span.fromContext(
          OTEL.extract(io.opentelemetry.context.Context.root(), carrier, OTEL_GETTER)).getSpanContext();

      assertThat(theirs.isValid()).as(carrier.toString()).isTrue();
      assertThat(theirs.getTraceId()).isEqualTo(ours.traceIdHex());
      assertThat(theirs.getSpanId()).isEqualTo(ours.spanIdHex());
      assertThat(theirs.isSampled()).as(carrier.toString()).isEqualTo(sampled);
      assertThat(theirs.isRemote()).isTrue();
    }
  }

  @Test
  void headersWrittenByOpenTelemetry_areReadByAriadneIntoTheSameContext() {
    for (int i = 0; i < CONTEXTS; i++) {
      String traceId = random.nextInt(3) == 0
          ? "0000000000000000" + hex16(nonZero()) : hex16(random.nextLong()) + hex16(nonZero());
      String spanId = hex16(nonZero());
      boolean sampled = random.nextBoolean();
      io.opentelemetry.api.trace.SpanContext theirs = io.opentelemetry.api.trace.SpanContext.create(
          traceId, spanId,
          sampled ? io.opentelemetry.api.trace.TraceFlags.getSampled() : io.opentelemetry.api.trace.TraceFlags.getDefault(),
          io.opentelemetry.api.trace.TraceState.getDefault());
      Map<String, String> carrier = new HashMap<>();
      OTEL.inject(io.opentelemetry.context.Context.root().with(io.opentelemetry.api.trace.Span.wrap(theirs)),
          carrier, Map::put);

      SpanContext ours = Span.fromContext(ARIADNE.extract(Context.root(), carrier, TextMapGetter.forMap())).spanContext();

      assertThat(ours.isValid()).as(carrier.toString()).isTrue();
      assertThat(ours.traceIdHex()).isEqualTo(traceId);
      assertThat(ours.spanIdHex()).isEqualTo(spanId);
      assertThat(ours.isSampled()).isEqualTo(sampled);
      assertThat(ours.isRemote()).isTrue();
    }
  }

  @Test
  void baggage_travelsBothWays() {
    // Only unreserved characters: OpenTelemetry writes and reads uberctx- values without
    // percent-encoding, Jaeger clients and Ariadne encode them (see RATIONALE.md).
    for (int i = 0; i < CONTEXTS; i++) {
      Baggage ours = Baggage.empty();
      io.opentelemetry.api.baggage.BaggageBuilder theirsBuilder = io.opentelemetry.api.baggage.Baggage.builder();
      int entries = 1 + random.nextInt(5);
      for (int e = 0; e < entries; e++) {
        String key = "k" + e + "-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        String value = Long.toString(random.nextLong(), 36) + "._~" + random.nextInt(100);
        ours = ours.with(key, value);
        theirsBuilder.put(key, value);
      }
      io.opentelemetry.api.baggage.Baggage theirs = theirsBuilder.build();

      Map<String, String> fromAriadne = new HashMap<>();
      ARIADNE.inject(Context.root().with(ours), fromAriadne, TextMapSetter.forMap());
      io.opentelemetry.api.baggage.Baggage readByOtel = io.opentelemetry.api.baggage.Baggage.fromContext(
          OTEL.extract(io.opentelemetry.context.Context.root(), fromAriadne, OTEL_GETTER));
      assertThat(readByOtel.asMap()).isEqualTo(theirs.asMap());

      Map<String, String> fromOtel = new HashMap<>();
      OTEL.inject(io.opentelemetry.context.Context.root().with(theirs), fromOtel, Map::put);
      Baggage readByAriadne = Baggage.fromContext(ARIADNE.extract(Context.root(), fromOtel, TextMapGetter.forMap()));
      assertThat(readByAriadne).isEqualTo(ours);
    }
  }

  private long nonZero() {
    long value;
    do {
      value = random.nextLong();
    } while (value == 0);
    return value;
  }

  private static String hex16(long value) {
    return dev.ariadne.api.Hex.longToHex(value);
  }
}
