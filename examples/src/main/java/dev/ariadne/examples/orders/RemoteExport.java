package dev.ariadne.examples.orders;

import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.jaeger.JaegerHttpExporter;
import dev.ariadne.exporter.otlp.OtlpHttpExporter;
import dev.ariadne.exporter.zipkin.ZipkinExporter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The optional export to a real backend, chosen by the environment:
 * {@code ARIADNE_EXPORTER} = {@code jaeger}, {@code otlp} or {@code zipkin} (unset or {@code none}:
 * in memory only), and {@code ARIADNE_EXPORTER_ENDPOINT} to override the backend's default URL.
 */
final class RemoteExport {
  private RemoteExport() {}

  /** A supplier of one exporter per service, or null when no backend is configured. */
  static Supplier<SpanExporter> fromEnvironment(Map<String, String> env) {
    String kind = env.getOrDefault("ARIADNE_EXPORTER", "none").trim().toLowerCase(Locale.ROOT);
    String endpoint = env.get("ARIADNE_EXPORTER_ENDPOINT");
    Supplier<HttpExporter.Builder> builder = switch (kind) {
      case "", "none" -> null;
      case "jaeger" -> JaegerHttpExporter::builder;
      case "otlp" -> OtlpHttpExporter::builder;
      case "zipkin" -> ZipkinExporter::builder;
      default -> throw new IllegalArgumentException(
          "ARIADNE_EXPORTER must be one of jaeger, otlp, zipkin or none, was '" + kind + "'");
    };
    if (builder == null) {
      return null;
    }
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        builder.get().endpoint(endpoint); // fail fast, naming the setting, before any service starts
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("ARIADNE_EXPORTER_ENDPOINT: " + e.getMessage(), e);
      }
    }
    return () -> {
      HttpExporter.Builder b = builder.get();
      if (endpoint != null && !endpoint.isBlank()) {
        b.endpoint(endpoint);
      }
      return b.build();
    };
  }

  /** A one-line description for the demo's banner. */
  static String describe(Map<String, String> env) {
    String kind = env.getOrDefault("ARIADNE_EXPORTER", "none").trim().toLowerCase(Locale.ROOT);
    if (kind.isEmpty() || kind.equals("none")) {
      return "in memory only (set ARIADNE_EXPORTER=jaeger|otlp|zipkin to send the spans to a backend too)";
    }
    String endpoint = env.get("ARIADNE_EXPORTER_ENDPOINT");
    return kind + (endpoint == null || endpoint.isBlank() ? " at its default endpoint" : " at " + endpoint);
  }
}
