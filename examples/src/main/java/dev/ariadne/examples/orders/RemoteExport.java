package dev.ariadne.examples.orders;

import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.exporter.http.HttpExporter;
import dev.ariadne.exporter.jaeger.JaegerHttpExporter;
import dev.ariadne.exporter.otlp.OtlpHttpExporter;
import dev.ariadne.exporter.zipkin.ZipkinExporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The optional export to a real backend, chosen by the environment:
 * {@code ARIADNE_EXPORTER} = {@code jaeger}, {@code otlp} or {@code zipkin} (unset or {@code none}:
 * in memory only), and {@code ARIADNE_EXPORTER_ENDPOINT} to override the backend's default URL.
 */
final class RemoteExport {
  /** How long the check that something answers at the endpoint waits for a connection. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

  private final String kind;
  private final URI endpoint;
  private final Supplier<HttpExporter.Builder> builder;

  private RemoteExport(String kind, URI endpoint, Supplier<HttpExporter.Builder> builder) {
    this.kind = kind;
    this.endpoint = endpoint;
    this.builder = builder;
  }

  /**
   * The export the environment asks for, or null when none is configured; a bad setting fails here,
   * naming it, before any service starts.
   */
  static RemoteExport parse(Map<String, String> env) {
    String kind = env.getOrDefault("ARIADNE_EXPORTER", "none").trim().toLowerCase(Locale.ROOT);
    String configured = env.get("ARIADNE_EXPORTER_ENDPOINT");
    Supplier<HttpExporter.Builder> builder;
    String defaultEndpoint;
    switch (kind) {
      case "", "none" -> {
        return null;
      }
      case "jaeger" -> {
        builder = JaegerHttpExporter::builder;
        defaultEndpoint = JaegerHttpExporter.DEFAULT_ENDPOINT;
      }
      case "otlp" -> {
        builder = OtlpHttpExporter::builder;
        defaultEndpoint = OtlpHttpExporter.DEFAULT_ENDPOINT;
      }
      case "zipkin" -> {
        builder = ZipkinExporter::builder;
        defaultEndpoint = ZipkinExporter.DEFAULT_ENDPOINT;
      }
      default -> throw new IllegalArgumentException(
          "ARIADNE_EXPORTER must be one of jaeger, otlp, zipkin or none, was '" + kind + "'");
    }
    if (configured == null || configured.isBlank()) {
      return new RemoteExport(kind, URI.create(defaultEndpoint), builder);
    }
    try {
      builder.get().endpoint(configured); // the exporter's own checks, with its messages
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("ARIADNE_EXPORTER_ENDPOINT: " + e.getMessage(), e);
    }
    return new RemoteExport(kind, URI.create(configured.trim()), builder);
  }

  /**
   * A supplier of one exporter per service. When nothing answered at the start ({@code backendAnswered}
   * false) each body gets two attempts within 3 s instead of the default five within 20 s: a
   * backend started during the run still gets its second chance, and the demo ends a second or two
   * after its last order instead of waiting out retries that are all but certain to fail.
   */
  Supplier<SpanExporter> exporters(boolean backendAnswered) {
    return () -> {
      HttpExporter.Builder b = builder.get().endpoint(endpoint);
      if (!backendAnswered) {
        b.maxAttempts(2).maxRetryTime(Duration.ofSeconds(3));
      }
      return b.build();
    };
  }

  /** Where the spans go. */
  URI endpoint() {
    return endpoint;
  }

  /** Whether something accepts a connection at the endpoint; a TCP connect only, no request sent. */
  boolean answers() {
    return answers(endpoint, PROBE_TIMEOUT);
  }

  /**
   * Whether something accepts a TCP connection at {@code url}'s host and port within {@code timeout}.
   * Like the exporters' HTTP client it connects to the host's first address only, so the verdict
   * is theirs.
   */
  static boolean answers(URI url, Duration timeout) {
    int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(url.getHost(), port), (int) Math.max(1, timeout.toMillis()));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The line the demo prints before the orders run when nothing answered at the endpoint. */
  String nothingAnswers() {
    return "Nothing answers at " + withoutSecrets(endpoint) + ": start " + backend()
        + " there (README, \"Seeing the traces in a UI\") or unset ARIADNE_EXPORTER;"
        + " the demo runs anyway and its spans are counted as dropped.";
  }

  private String backend() {
    return switch (kind) {
      case "jaeger" -> "a Jaeger collector";
      case "otlp" -> "an OTLP receiver (the OpenTelemetry Collector, Jaeger v2 or Tempo)";
      default -> "Zipkin";
    };
  }

  /** A one-line description of {@code remote} (null: none configured) for the demo's banner. */
  static String describe(RemoteExport remote) {
    if (remote == null) {
      return "in memory only (set ARIADNE_EXPORTER=jaeger|otlp|zipkin to send the spans to a backend too)";
    }
    return remote.kind + " at " + withoutSecrets(remote.endpoint);
  }

  /** The URL as the console may show it: no user info, no query (either may hold a secret). */
  static String withoutSecrets(URI url) {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
