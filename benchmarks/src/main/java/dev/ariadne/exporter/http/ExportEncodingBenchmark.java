package dev.ariadne.exporter.http;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.exporter.jaeger.JaegerHttpExporter;
import dev.ariadne.exporter.otlp.OtlpHttpExporter;
import dev.ariadne.exporter.zipkin.ZipkinExporter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encoding a batch of {@value #BATCH} realistic spans into one request body, per span: our Jaeger
 * Thrift, OTLP JSON and Zipkin JSON encoders, and OpenTelemetry's OTLP marshaler writing the same
 * spans as OTLP JSON (the peer for {@code otlpJson}; OpenTelemetry has no Jaeger or built-in Zipkin
 * encoder to compare with the other rows). Scores and B/op are per span; spans per second are
 * 10^9 / ns per span.
 *
 * <p>The spans are the order demo's: service spans with HTTP or database attributes, one event
 * each, every tenth failing with an exception event, in traces of eight.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ExportEncodingBenchmark {
  static final int BATCH = 512;

  /** The same batch made by the library under test. */
  @State(Scope.Benchmark)
  public static class Batch {
    /** Which library's spans and encoder. */
    @Param({"ariadne", "otel"})
    public String library;

    List<SpanData> ariadne;
    List<io.opentelemetry.sdk.trace.data.SpanData> otel;

    /** Records the batch once. */
    @Setup(Level.Trial)
    public void record() {
      ariadne = library.equals("ariadne") ? ariadneSpans() : null;
      otel = library.equals("otel") ? otelSpans() : null;
    }
  }

  /** Ariadne's batch only: the formats OpenTelemetry has no encoder for. */
  @State(Scope.Benchmark)
  public static class AriadneBatch {
    /** Only Ariadne encodes these formats here. */
    @Param({"ariadne"})
    public String library;

    List<SpanData> spans;

    /** Records the batch once. */
    @Setup(Level.Trial)
    public void record() {
      spans = ariadneSpans();
    }
  }

  private static final SpanEncoder JAEGER = JaegerHttpExporter.encoder();
  private static final SpanEncoder OTLP = OtlpHttpExporter.encoder();
  private static final SpanEncoder ZIPKIN = ZipkinExporter.encoder();

  /** OTLP JSON: Ariadne's encoder, or OpenTelemetry's marshaler into a byte array. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] otlpJson(Batch batch) throws IOException {
    if (batch.ariadne != null) {
      return OTLP.encode(batch.ariadne);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    TraceRequestMarshaler.create(batch.otel).writeJsonTo(out);
    return out.toByteArray();
  }

  /** Jaeger's {@code Batch} in the Thrift binary protocol. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] jaegerThrift(AriadneBatch batch) {
    return JAEGER.encode(batch.spans);
  }

  /** A Zipkin v2 JSON array. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public byte[] zipkinJson(AriadneBatch batch) {
    return ZIPKIN.encode(batch.spans);
  }

  private static final String[] NAMES = {"POST /api/order", "validate_order", "call_payment_service",
      "call_payment_gateway", "check_inventory", "deduct_inventory", "save_order_to_db", "complete_order"};
  private static final String[] ROUTES = {"/api/order", "/api/payment", "/api/inventory", "/api/orders"};

  /** One span's content, drawn from a fixed seed so both libraries record the same batch. */
  private record Shape(String name, boolean server, boolean database, String route, long userId, boolean fails) {
    static Shape of(SplittableRandom random, int i) {
      String name = NAMES[i % NAMES.length];
      return new Shape(name, i % NAMES.length == 0, name.contains("db"), ROUTES[random.nextInt(ROUTES.length)],
          random.nextLong(1_000_000), random.nextInt(10) == 0);
    }
  }

  static List<SpanData> ariadneSpans() {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().serviceName("order-service")
        .resourceAttribute("deployment.environment.name", "benchmark")
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      Tracer tracer = tracing.tracer("dev.ariadne.benchmarks", "1.0");
      SplittableRandom random = new SplittableRandom(42);
      ScopedSpan root = null;
      for (int i = 0; i < BATCH; i++) {
        Shape s = Shape.of(random, i);
        if (s.server()) {
          if (root != null) {
            root.close();
          }
          root = tracer.span(s.name()).kind(SpanKind.SERVER).startScoped();
          root.attribute("http.request.method", "POST").attribute("http.route", s.route())
              .attribute("http.response.status_code", 200L).attribute("user.id", "u-" + s.userId());
          root.event("request.received", Attributes.of("queue", "default"));
          continue;
        }
        dev.ariadne.api.Span span = tracer.span(s.name()).kind(s.database() ? SpanKind.CLIENT : SpanKind.INTERNAL)
            .start();
        span.attribute("order.id", "A-" + s.userId()).attribute("order.items", s.userId() % 7 + 1)
            .attribute("order.total", s.userId() / 100.0).attribute("order.express", s.userId() % 2 == 0);
        if (s.database()) {
          span.attribute("db.system", "postgresql").attribute("db.operation.name", "INSERT");
        }
        span.event("step.done", Attributes.of("step", s.name()));
        if (s.fails()) {
          span.recordException(new IllegalStateException("timed out after 3000 ms"));
          span.status(StatusCode.ERROR, "timed out after 3000 ms");
        }
        span.end();
      }
      if (root != null) {
        root.close();
      }
    }
    List<SpanData> spans = memory.finishedSpans();
    if (spans.size() != BATCH) {
      throw new IllegalStateException("expected " + BATCH + " spans, recorded " + spans.size());
    }
    return spans;
  }

  static List<io.opentelemetry.sdk.trace.data.SpanData> otelSpans() {
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new ArrayList<>();
    SpanExporter collect = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<io.opentelemetry.sdk.trace.data.SpanData> batch) {
        spans.addAll(batch);
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    Resource resource = Resource.getDefault().merge(Resource.create(io.opentelemetry.api.common.Attributes.of(
        io.opentelemetry.api.common.AttributeKey.stringKey("service.name"), "order-service",
        io.opentelemetry.api.common.AttributeKey.stringKey("deployment.environment.name"), "benchmark")));
    try (SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
        .addSpanProcessor(io.opentelemetry.sdk.trace.export.SimpleSpanProcessor.create(collect)).build()) {
      io.opentelemetry.api.trace.Tracer tracer = provider.get("dev.ariadne.benchmarks", "1.0");
      SplittableRandom random = new SplittableRandom(42);
      Span root = null;
      io.opentelemetry.context.Scope rootScope = null;
      for (int i = 0; i < BATCH; i++) {
        Shape s = Shape.of(random, i);
        if (s.server()) {
          if (root != null) {
            rootScope.close();
            root.end();
          }
          root = tracer.spanBuilder(s.name()).setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER).startSpan();
          rootScope = root.makeCurrent();
          root.setAttribute("http.request.method", "POST").setAttribute("http.route", s.route())
              .setAttribute("http.response.status_code", 200L).setAttribute("user.id", "u-" + s.userId());
          root.addEvent("request.received", io.opentelemetry.api.common.Attributes.of(
              io.opentelemetry.api.common.AttributeKey.stringKey("queue"), "default"));
          continue;
        }
        Span span = tracer.spanBuilder(s.name()).setSpanKind(s.database()
            ? io.opentelemetry.api.trace.SpanKind.CLIENT : io.opentelemetry.api.trace.SpanKind.INTERNAL).startSpan();
        span.setAttribute("order.id", "A-" + s.userId()).setAttribute("order.items", s.userId() % 7 + 1)
            .setAttribute("order.total", s.userId() / 100.0).setAttribute("order.express", s.userId() % 2 == 0);
        if (s.database()) {
          span.setAttribute("db.system", "postgresql").setAttribute("db.operation.name", "INSERT");
        }
        span.addEvent("step.done", io.opentelemetry.api.common.Attributes.of(
            io.opentelemetry.api.common.AttributeKey.stringKey("step"), s.name()));
        if (s.fails()) {
          span.recordException(new IllegalStateException("timed out after 3000 ms"));
          span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR, "timed out after 3000 ms");
        }
        span.end();
      }
      if (root != null) {
        rootScope.close();
        root.end();
      }
    }
    if (spans.size() != BATCH) {
      throw new IllegalStateException("expected " + BATCH + " spans, recorded " + spans.size());
    }
    return spans;
  }
}
