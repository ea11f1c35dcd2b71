package dev.ariadne.propagation.w3c;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * W3C {@code traceparent} inject and extract on a {@code HashMap} carrier, Ariadne's propagator
 * against OpenTelemetry's {@code W3CTraceContextPropagator}, the same ids for both.
 *
 * <p>{@code library=brave} is <b>B3</b>, not W3C: Brave's default {@code B3Propagation} (multi
 * headers {@code X-B3-TraceId}, {@code X-B3-SpanId}, {@code X-B3-Sampled}; extraction first looks
 * for the single {@code b3} header) with the same ids, as Brave users propagate.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class W3CTraceContextBenchmark {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";

  @Param({"ariadne", "otel", "brave"})
  public String library;

  private final Map<String, String> outgoing = new HashMap<>();
  private final Map<String, String> incoming = new HashMap<>();
  private final Map<String, String> incomingB3 = new HashMap<>();
  private brave.propagation.TraceContext braveContext;
  private final brave.propagation.TraceContext.Injector<Map<String, String>> braveInjector =
      brave.propagation.B3Propagation.get().injector(Map::put);
  private final brave.propagation.TraceContext.Extractor<Map<String, String>> braveExtractor =
      brave.propagation.B3Propagation.get().extractor(Map::get);
  private Context ariadneContext;
  private io.opentelemetry.context.Context otelContext;
  private final W3CTraceContextPropagator ariadne = W3CTraceContextPropagator.create();
  private final io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator otel =
      io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator.getInstance();
  private static final io.opentelemetry.context.propagation.TextMapSetter<Map<String, String>> OTEL_SETTER =
      Map::put;
  // Both libraries read the carrier with a plain, case-sensitive map lookup, so the benchmark
  // compares the propagators (TextMapGetter.forMap() also matches header names case-insensitively,
  // which costs extra on absent headers such as tracestate).
  private static final TextMapGetter<Map<String, String>> ARIADNE_GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };
  @SuppressWarnings("deprecation") // keys() is deprecated in OpenTelemetry 1.68 but still abstract
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

  @Setup
  public void setUp() {
    incoming.put("traceparent", "00-" + TRACE_ID + "-" + SPAN_ID + "-01");
    incomingB3.put("X-B3-TraceId", TRACE_ID);
    incomingB3.put("X-B3-SpanId", SPAN_ID);
    incomingB3.put("X-B3-Sampled", "1");
    braveContext = brave.propagation.TraceContext.newBuilder()
        .traceIdHigh(Long.parseUnsignedLong(TRACE_ID.substring(0, 16), 16))
        .traceId(Long.parseUnsignedLong(TRACE_ID.substring(16), 16))
        .spanId(Long.parseUnsignedLong(SPAN_ID, 16))
        .sampled(true)
        .build();
    ariadneContext = Context.root().with(Span.wrap(
        SpanContext.fromHex(TRACE_ID, SPAN_ID, TraceFlags.SAMPLED, TraceState.empty(), false)));
    otelContext = io.opentelemetry.context.Context.root().with(io.opentelemetry.api.trace.Span.wrap(
        io.opentelemetry.api.trace.SpanContext.create(TRACE_ID, SPAN_ID,
            io.opentelemetry.api.trace.TraceFlags.getSampled(), io.opentelemetry.api.trace.TraceState.getDefault())));
  }

  /** Writes the current span's traceparent into an outgoing carrier. */
  @Benchmark
  public Map<String, String> inject() {
    if (library.equals("ariadne")) {
      ariadne.inject(ariadneContext, outgoing, TextMapSetter.forMap());
    } else if (library.equals("otel")) {
      otel.inject(otelContext, outgoing, OTEL_SETTER);
    } else {
      braveInjector.inject(braveContext, outgoing);
    }
    return outgoing;
  }

  /** Reads an incoming traceparent into a new context. */
  @Benchmark
  public void extract(Blackhole blackhole) {
    if (library.equals("ariadne")) {
      blackhole.consume(ariadne.extract(Context.root(), incoming, ARIADNE_GETTER));
    } else if (library.equals("otel")) {
      blackhole.consume(otel.extract(io.opentelemetry.context.Context.root(), incoming, OTEL_GETTER));
    } else {
      blackhole.consume(braveExtractor.extract(incomingB3));
    }
  }
}
