package dev.ariadne.propagation.b3;

import static org.assertj.core.api.Assertions.assertThat;

import brave.propagation.B3Propagation;
import brave.propagation.B3SingleFormat;
import brave.propagation.Propagation;
import brave.propagation.TraceContext;
import brave.propagation.TraceContextOrSamplingFlags;
import dev.ariadne.api.Context;
import dev.ariadne.api.Hex;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Headers written by Brave and by OpenTelemetry's B3 propagator are read by ours into the same ids
 * and sampling decision, and the reverse, in both B3 forms. Carriers are case-insensitive maps, as
 * HTTP headers are.
 */
class B3InteropTest {
  private static final int CONTEXTS = 400;
  private static final List<B3Propagator> OURS =
      List.of(B3Propagator.injectingSingleHeader(), B3Propagator.injectingMultiHeaders());
  private static final List<B3Propagation.Format> BRAVE_FORMATS =
      List.of(B3Propagation.Format.MULTI, B3Propagation.Format.SINGLE, B3Propagation.Format.SINGLE_NO_PARENT);
  private static final List<io.opentelemetry.extension.trace.propagation.B3Propagator> OTEL = List.of(
      io.opentelemetry.extension.trace.propagation.B3Propagator.injectingSingleHeader(),
      io.opentelemetry.extension.trace.propagation.B3Propagator.injectingMultiHeaders());
  private static final io.opentelemetry.context.propagation.TextMapGetter<Map<String, String>> OTEL_GETTER =
      (carrier, key) -> carrier == null ? null : carrier.get(key);

  private final SplittableRandom random = new SplittableRandom(20261124L);

  private static Map<String, String> headers() {
    return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void headersWrittenByBrave_areReadByAriadneIntoTheSameContext() {
    for (B3Propagation.Format format : BRAVE_FORMATS) {
      Propagation<String> brave = B3Propagation.newFactoryBuilder().injectFormat(format).build().get();
      TraceContext.Injector<Map<String, String>> injector = brave.injector(Map::put);
      for (int i = 0; i < CONTEXTS; i++) {
        TraceContext theirs = randomBraveContext();
        Map<String, String> carrier = headers();
        injector.inject(theirs, carrier);

        for (B3Propagator ours : OURS) {
          Context context = ours.extract(Context.root(), carrier, TextMapGetter.forMap());
          assertSameAsBrave(context, theirs, format + " " + carrier);
        }
      }
    }
  }

  @Test
  void singleHeaderWrittenByB3SingleFormat_isReadByAriadne() {
    for (int i = 0; i < CONTEXTS; i++) {
      TraceContext theirs = randomBraveContext();
      String b3 = B3SingleFormat.writeB3SingleFormat(theirs);

      Context context = B3Propagator.injectingSingleHeader().extract(Context.root(), Map.of("b3", b3), TextMapGetter.forMap());

      assertSameAsBrave(context, theirs, b3);
    }
  }

  @Test
  void headersWrittenByAriadne_areReadByBraveIntoTheSameContext() {
    TraceContext.Extractor<Map<String, String>> extractor = B3Propagation.get().extractor(Map::get);
    for (B3Propagator ours : OURS) {
      for (int i = 0; i < CONTEXTS; i++) {
        Context context = randomAriadneContext();
        SpanContext spanContext = Span.fromContext(context).spanContext();
        boolean debug = B3Propagator.isDebug(context, spanContext);
        Map<String, String> carrier = headers();
        ours.inject(context, carrier, TextMapSetter.forMap());

        TraceContextOrSamplingFlags extracted = extractor.extract(carrier);
        TraceContext theirs = extracted.context();

        assertThat(theirs).as(ours + " " + carrier).isNotNull();
        assertThat(theirs.traceIdHigh()).isEqualTo(spanContext.traceIdHigh());
        assertThat(theirs.traceId()).isEqualTo(spanContext.traceIdLow());
        assertThat(theirs.spanId()).isEqualTo(spanContext.spanId());
        assertThat(theirs.sampled()).as(carrier.toString()).isEqualTo(spanContext.isSampled());
        assertThat(theirs.debug()).as(carrier.toString()).isEqualTo(debug);
        if (ours == OURS.get(0)) {
          TraceContext parsed = B3SingleFormat.parseB3SingleFormat(carrier.get("b3")).context();
          assertThat(parsed).isEqualTo(theirs);
          assertThat(parsed.debug()).isEqualTo(debug);
        }
      }
    }
  }

  @Test
  void headersWrittenByOpenTelemetry_areReadByAriadneIntoTheSameContext() {
    for (io.opentelemetry.extension.trace.propagation.B3Propagator otel : OTEL) {
      for (int i = 0; i < CONTEXTS; i++) {
        String traceId = random.nextInt(3) == 0
            ? "0000000000000000" + Hex.longToHex(nonZero()) : Hex.longToHex(random.nextLong()) + Hex.longToHex(nonZero());
        String spanId = Hex.longToHex(nonZero());
        boolean sampled = random.nextBoolean();
        io.opentelemetry.api.trace.SpanContext theirs = io.opentelemetry.api.trace.SpanContext.create(traceId, spanId,
            sampled ? io.opentelemetry.api.trace.TraceFlags.getSampled() : io.opentelemetry.api.trace.TraceFlags.getDefault(),
            io.opentelemetry.api.trace.TraceState.getDefault());
        Map<String, String> carrier = headers();
        otel.inject(io.opentelemetry.context.Context.root().with(io.opentelemetry.api.trace.Span.wrap(theirs)),
            carrier, Map::put);

        for (B3Propagator ours : OURS) {
          SpanContext extracted = Span.fromContext(ours.extract(Context.root(), carrier, TextMapGetter.forMap())).spanContext();
          assertThat(extracted.isValid()).as(carrier.toString()).isTrue();
          assertThat(extracted.traceIdHex()).isEqualTo(traceId);
          assertThat(extracted.spanIdHex()).isEqualTo(spanId);
          assertThat(extracted.isSampled()).as(carrier.toString()).isEqualTo(sampled);
        }
      }
    }
  }

  @Test
  void headersWrittenByAriadne_areReadByOpenTelemetryIntoTheSameContext() {
    for (B3Propagator ours : OURS) {
      for (int i = 0; i < CONTEXTS; i++) {
        Context context = randomAriadneContext();
        SpanContext spanContext = Span.fromContext(context).spanContext();
        Map<String, String> carrier = headers();
        ours.inject(context, carrier, TextMapSetter.forMap());

        for (io.opentelemetry.extension.trace.propagation.B3Propagator otel : OTEL) {
          io.opentelemetry.api.trace.SpanContext theirs = io.opentelemetry.api.trace.Span.fromContext(
              otel.extract(io.opentelemetry.context.Context.root(), carrier, OTEL_GETTER)).getSpanContext();
          assertThat(theirs.isValid()).as(carrier.toString()).isTrue();
          assertThat(theirs.isRemote()).isTrue();
          assertThat(theirs.getTraceId()).isEqualTo(spanContext.traceIdHex());
          assertThat(theirs.getSpanId()).isEqualTo(spanContext.spanIdHex());
          assertThat(theirs.isSampled()).as(carrier.toString()).isEqualTo(spanContext.isSampled());
        }
      }
    }
  }

  /** Brave ids and decisions in every combination B3 can carry, deferred and debug included. */
  private TraceContext randomBraveContext() {
    TraceContext.Builder builder = TraceContext.newBuilder()
        .traceIdHigh(random.nextInt(3) == 0 ? 0 : random.nextLong())
        .traceId(nonZero())
        .spanId(nonZero());
    if (random.nextBoolean()) {
      builder.parentId(nonZero());
    }
    switch (random.nextInt(4)) {
      case 0:
        builder.sampled(true);
        break;
      case 1:
        builder.sampled(false);
        break;
      case 2:
        builder.debug(true);
        break;
      default:
        break; // deferred
    }
    return builder.build();
  }

  private static void assertSameAsBrave(Context context, TraceContext theirs, String described) {
    SpanContext extracted = Span.fromContext(context).spanContext();
    assertThat(extracted.isValid()).as(described).isTrue();
    assertThat(extracted.isRemote()).isTrue();
    assertThat(extracted.traceIdHigh()).as(described).isEqualTo(theirs.traceIdHigh());
    assertThat(extracted.traceIdLow()).as(described).isEqualTo(theirs.traceId());
    assertThat(extracted.spanId()).as(described).isEqualTo(theirs.spanId());
    // Deferred (sampled() == null) is read as not sampled: see RATIONALE.md.
    assertThat(extracted.isSampled()).as(described).isEqualTo(Boolean.TRUE.equals(theirs.sampled()));
    assertThat(B3Propagator.isDebug(context, extracted)).as(described).isEqualTo(theirs.debug());
  }

  private Context randomAriadneContext() {
    boolean sampled = random.nextBoolean();
    SpanContext spanContext = SpanContext.create(random.nextInt(3) == 0 ? 0 : random.nextLong(), nonZero(), nonZero(),
        sampled ? TraceFlags.SAMPLED : TraceFlags.NONE, TraceState.empty());
    Context context = Context.root().with(Span.wrap(spanContext));
    return sampled && random.nextInt(4) == 0 ? context.with(B3Propagator.DEBUG, spanContext) : context;
  }

  private long nonZero() {
    long value;
    do {
      value = random.nextLong();
    } while (value == 0);
    return value;
  }
}
