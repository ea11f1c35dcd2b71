package dev.ariadne.examples.orders;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ariadne.api.Tracer;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.BatchSpanProcessor;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.instrumentation.jdkhttp.TracingFilter;
import dev.ariadne.instrumentation.jdkhttp.TracingHttpClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service of the demo shop: its own tracer (its own service name), a real HTTP server on
 * 127.0.0.1 traced by {@link TracingFilter}, and an HTTP client traced by {@link TracingHttpClient}.
 * In production each would be a separate process; here they share one JVM so the demo needs
 * nothing installed.
 */
final class ShopService implements AutoCloseable {

  /** What a route answers. */
  record Answer(int status, String body) {}

  /** A route's logic: the request body in, an answer out. */
  @FunctionalInterface
  interface Route {
    Answer handle(String body) throws Exception;
  }

  final String name;
  final Tracing tracing;
  final Tracer tracer;
  final Logger log;
  /** Every span this service ended, for the analysis at the end of the run. */
  final InMemorySpanExporter memory = InMemorySpanExporter.create();
  /** The processor that sends this service's spans to the backend; null when none is configured. */
  final BatchSpanProcessor remote;
  private final HttpServer server;
  private final ExecutorService workers;
  private final HttpClient client;
  private final TextMapPropagator propagator;
  private final Duration clientTimeout;
  private boolean serverStopped;

  ShopService(String name, boolean mdcCorrelation, TextMapPropagator propagator, Duration clientTimeout,
      Supplier<SpanExporter> remoteExporter) throws IOException {
    this.name = name;
    Tracing.Builder builder = Tracing.builder().serviceName(name).mdcCorrelation(mdcCorrelation)
        .addSpanProcessor(SimpleSpanProcessor.create(memory));
    SpanExporter exporter = remoteExporter == null ? null : remoteExporter.get();
    this.remote = exporter == null ? null : BatchSpanProcessor.builder(exporter).build();
    if (remote != null) {
      builder.addSpanProcessor(remote);
    }
    this.tracing = builder.build();
    this.tracer = tracing.tracer("dev.ariadne.examples.orders");
    this.log = LoggerFactory.getLogger(LogCapture.LOGGER_PREFIX + name);
    this.propagator = propagator;
    this.clientTimeout = clientTimeout;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    this.workers = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, name + "-http");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    this.client = TracingHttpClient.wrap(HttpClient.newBuilder().connectTimeout(clientTimeout).build(),
        tracer, propagator);
  }

  /** Serves {@code path} with {@code route}, traced. */
  void route(String path, Route route) {
    server.createContext(path, exchange -> respond(exchange, route))
        .getFilters().add(TracingFilter.create(tracer, propagator));
  }

  void start() {
    server.start();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** POSTs {@code body} to another service through the traced client. */
  HttpResponse<String> post(URI target, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(target)
        .timeout(clientTimeout)
        .header("Content-Type", "text/plain; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void respond(HttpExchange exchange, Route route) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Answer answer;
      try {
        answer = route.handle(body);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        answer = new Answer(503, "interrupted");
      } catch (Exception e) {
        log.error("request failed: {}", e.toString());
        answer = new Answer(500, e.toString());
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    }
  }

  /**
   * Stops the server and waits for its handler threads, so every SERVER span (ended by the filter
   * after the response is sent) has ended before the spans are read. Once; later calls do nothing.
   */
  void stopServer() {
    if (serverStopped) {
      return;
    }
    serverStopped = true;
    server.stop(0);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("handlers still running after 10 s; their spans may be missing");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Shuts the tracer down, which sends the spans still queued for the backend and waits up to 10 s for that. */
  void shutdownTracing() {
    tracing.shutdown(Duration.ofSeconds(10));
  }

  /** Stops the server, then shuts the tracer down. */
  @Override
  public void close() {
    stopServer();
    shutdownTracing();
  }
}
