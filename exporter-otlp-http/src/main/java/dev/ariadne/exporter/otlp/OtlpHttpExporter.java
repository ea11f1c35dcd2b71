package dev.ariadne.exporter.otlp;

import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.http.SpanEncoder;

/**
 * Exports spans as OTLP/HTTP JSON ({@code POST /v1/traces}, {@code application/json}) to an
 * OpenTelemetry Collector, Jaeger v2, Grafana Tempo or any other OTLP receiver.
 *
 * <pre>{@code
 * HttpExporter otlp = OtlpHttpExporter.builder()
 *     .endpoint("http://otel-collector:4318/v1/traces")
 *     .gzip(true)
 *     .build();
 * Tracing tracing = Tracing.builder()
 *     .serviceName("checkout")
 *     .addSpanProcessor(BatchSpanProcessor.builder(otlp).build())
 *     .build();
 * }</pre>
 */
public final class OtlpHttpExporter {
  /** The OTLP/HTTP traces URL of a receiver on this machine, the default endpoint. */
  public static final String DEFAULT_ENDPOINT = "http://localhost:4318/v1/traces";

  private OtlpHttpExporter() {}

  /**
   * A builder for an OTLP/HTTP JSON exporter, posting to {@value #DEFAULT_ENDPOINT} unless
   * {@link HttpExporter.Builder#endpoint(String)} says otherwise; every other setting (timeouts,
   * retries, gzip, headers, TLS) is the shared sender's.
   */
  public static HttpExporter.Builder builder() {
    return HttpExporter.builder("otlp", OtlpJsonEncoder.INSTANCE).endpoint(DEFAULT_ENDPOINT);
  }

  /** The encoder that writes OTLP/JSON request bodies, for benchmarks and for custom senders. */
  public static SpanEncoder encoder() {
    return OtlpJsonEncoder.INSTANCE;
  }
}
