package dev.ariadne.exporter.jaeger;

import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.http.SpanEncoder;

/**
 * Entry point of the exporter that sends spans to a Jaeger collector as Thrift binary
 * {@code Batch}es over HTTP ({@code POST /api/traces}).
 *
 * <pre>{@code
 * HttpExporter jaeger = JaegerHttpExporter.builder()
 *     .endpoint("http://jaeger-collector:14268/api/traces")
 *     .build();
 * Tracing tracing = Tracing.builder()
 *     .serviceName("checkout")
 *     .addSpanProcessor(BatchSpanProcessor.builder(jaeger).build())
 *     .build();
 * }</pre>
 */
public final class JaegerHttpExporter {
  /** The collector's Thrift-over-HTTP endpoint on this machine. */
  public static final String DEFAULT_ENDPOINT = "http://localhost:14268/api/traces";
  /** The largest body sent by default: 1 MiB, the limit old Jaeger clients kept to. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;

  private JaegerHttpExporter() {}

  /**
   * A builder for an exporter named {@code jaeger} that posts to {@value #DEFAULT_ENDPOINT} with at
   * most {@value #DEFAULT_MAX_PAYLOAD_BYTES} bytes per body; every setting can be changed.
   */
  public static HttpExporter.Builder builder() {
    return HttpExporter.builder("jaeger", JaegerThriftEncoder.INSTANCE)
        .endpoint(DEFAULT_ENDPOINT)
        .maxPayloadBytes(DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * The encoder the exporter uses (content type {@code application/x-thrift}, one resource per
   * body), for measuring encoding alone or sending through another transport.
   */
  public static SpanEncoder encoder() {
    return JaegerThriftEncoder.INSTANCE;
  }
}
