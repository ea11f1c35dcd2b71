package dev.ariadne.exporter.zipkin;

import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.http.SpanEncoder;

/**
 * The entry point for sending spans to Zipkin (or to Jaeger's Zipkin receiver) as Zipkin v2 JSON.
 *
 * <pre>{@code
 * HttpExporter zipkin = ZipkinExporter.builder()
 *     .endpoint("http://zipkin:9411/api/v2/spans")
 *     .build();
 * Tracing tracing = Tracing.builder()
 *     .serviceName("checkout")
 *     .addSpanProcessor(BatchSpanProcessor.builder(zipkin).build())
 *     .build();
 * }</pre>
 */
public final class ZipkinExporter {
  /** Where Zipkin's HTTP collector listens by default. */
  public static final String DEFAULT_ENDPOINT = "http://localhost:9411/api/v2/spans";

  private ZipkinExporter() {}

  /**
   * An {@link HttpExporter} builder named {@code zipkin}, writing Zipkin v2 JSON to
   * {@value #DEFAULT_ENDPOINT} unless {@code endpoint(...)} says otherwise.
   */
  public static HttpExporter.Builder builder() {
    return HttpExporter.builder("zipkin", encoder()).endpoint(DEFAULT_ENDPOINT);
  }

  /** The Zipkin v2 JSON encoder on its own, for measuring encoding or for another transport. */
  public static SpanEncoder encoder() {
    return ZipkinJsonEncoder.INSTANCE;
  }
}
