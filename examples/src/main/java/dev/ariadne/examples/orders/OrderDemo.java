package dev.ariadne.examples.orders;

import dev.ariadne.analysis.TraceAnalysis;
import dev.ariadne.analysis.TraceSummary;
import dev.ariadne.analysis.Waterfall;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.export.BatchStats;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.propagation.w3c.W3CBaggagePropagator;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The order-flow demo: starts the four services of the seed system on 127.0.0.1, sends orders
 * through them, and prints each failed or slow order's waterfall, analysis and log lines, then a
 * summary with the service map. Run it with {@code mvn -B -ntp -q -pl examples -am compile exec:java};
 * settings are in {@link DemoOptions}, export to a real backend in {@link RemoteExport}.
 */
public final class OrderDemo {

  /** How one order went, as the customer saw it. */
  public record Outcome(int number, String orderId, int status, String body, long millis) {
    /** Whether the order went through. */
    public boolean succeeded() {
      return status == 200;
    }
  }

  /**
   * Everything a run produced, for the tests and for anyone embedding the demo; {@code exportStats}
   * holds each service's batch processor statistics for the backend, empty when none is configured.
   */
  public record Report(List<Outcome> outcomes, List<SpanData> spans, TraceSummary summary,
      Map<String, String> traceIdByOrder, List<LogCapture.Line> logLines, Map<String, BatchStats> exportStats) {}

  private OrderDemo() {}

  /** Runs the demo with settings from the arguments and the environment; exits 0 when it ran. */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    DemoOptions options;
    RemoteExport remote;
    try {
      options = DemoOptions.parse(args, env);
      remote = RemoteExport.parse(env);
    } catch (IllegalArgumentException e) {
      System.err.println("order demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    runConfigured(options, remote, System.out);
  }

  /**
   * Runs the demo as {@link #main} does: the banner, then, with a backend configured, a check that
   * something answers at its endpoint (saying so at once if nothing does, rather than leaving it to
   * the exporters' warnings), then the run.
   */
  static Report runConfigured(DemoOptions options, RemoteExport remote, PrintStream out) throws Exception {
    out.println("Ariadne order demo: " + options.orders() + " orders, seed " + options.seed()
        + ", time scale " + options.timeScale() + (options.timeScale() == 1.0 ? " (real time)"
        : " (1 s of the real system takes " + Math.round(1000 * options.timeScale()) + " ms here)"));
    out.println("Export: " + RemoteExport.describe(remote));
    Supplier<SpanExporter> exporters = null;
    if (remote != null) {
      boolean answers = remote.answers();
      if (!answers) {
        out.println(remote.nothingAnswers());
      }
      exporters = remote.exporters(answers);
    }
    return run(options, exporters, out);
  }

  /** Runs the demo, printing to {@code out}, and returns what happened. */
  public static Report run(DemoOptions options, Supplier<SpanExporter> remote, PrintStream out) throws Exception {
    TextMapPropagator propagator = TextMapPropagator.composite(
        W3CTraceContextPropagator.create(), W3CBaggagePropagator.create());
    LogCapture capture = LogCapture.attach();
    List<Outcome> outcomes;
    List<SpanData> spans;
    TraceSummary summary;
    Map<String, String> traceIds;
    List<LogCapture.Line> lines;
    Map<String, BatchStats> exportStats;
    try {
      try (Shop shop = new Shop(options, propagator, remote)) {
        // One order first that nobody looks at: the first request through each JVM path is slow
        // (class loading, JIT), and would otherwise be reported as a slow order.
        send(HttpClient.newHttpClient(), shop.entryPoint(), WARM_UP);
        outcomes = sendOrders(shop.entryPoint(), options);
        // stopping the servers waits for every handler, so every span has ended before it is read
        shop.stopServers();
        List<SpanData> all = shop.spans();
        traceIds = traceIdByOrder(all);
        String warmUpTrace = traceIds.remove(Shop.orderId(WARM_UP));
        spans = new ArrayList<>();
        for (SpanData span : all) {
          if (!span.spanContext().traceIdHex().equals(warmUpTrace)) {
            spans.add(span);
          }
        }
        summary = TraceSummary.of(spans);
        lines = capture == null ? List.of() : capture.linesExcept(String.valueOf(warmUpTrace));
        // the report first: shutting the tracers down may wait for an exporter's retries
        print(out, options, outcomes, summary, traceIds, lines);
        shop.close();
        exportStats = shop.exportStats();
      }
    } finally {
      if (capture != null) {
        capture.close();
      }
    }
    printExport(out, exportStats);
    return new Report(outcomes, spans, summary, traceIds, lines, exportStats);
  }

  /** One line per service: how many of its spans reached the backend, and why the others did not. */
  private static void printExport(PrintStream out, Map<String, BatchStats> exportStats) {
    if (exportStats.isEmpty()) {
      return;
    }
    out.println();
    out.println("=== spans sent to the backend, per service (BatchSpanProcessor.stats()) ===");
    exportStats.forEach((service, s) -> {
      StringBuilder reasons = new StringBuilder();
      reason(reasons, "export failed", s.droppedExportFailed());
      reason(reasons, "dropped by the exporter", s.droppedByExporter());
      reason(reasons, "queue full", s.droppedQueueFull());
      reason(reasons, "ended after shutdown", s.droppedShutdown());
      out.printf("  %-18s exported %d of %d spans, dropped %d%s%s%n", service, s.exported(), s.ended(), s.dropped(),
          reasons.length() == 0 ? "" : " (" + reasons + ")",
          s.pending() == 0 ? "" : ", " + s.pending() + " still pending (the shutdown did not finish in time)");
    });
  }

  private static void reason(StringBuilder reasons, String what, long count) {
    if (count > 0) {
      reasons.append(reasons.length() == 0 ? "" : ", ").append(what).append(' ').append(count);
    }
  }

  private static final int WARM_UP = 0;

  private static List<Outcome> sendOrders(URI entry, DemoOptions options) throws Exception {
    HttpClient customer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (int i = 1; i <= options.orders(); i++) {
        int number = i;
        futures.add(pool.submit(() -> send(customer, entry, number)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : futures) {
        outcomes.add(f.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Outcome send(HttpClient customer, URI entry, int number) throws Exception {
    long start = System.nanoTime();
    HttpRequest request = HttpRequest.newBuilder(entry)
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString("order=" + number))
        .build();
    HttpResponse<String> response = customer.send(request, HttpResponse.BodyHandlers.ofString());
    return new Outcome(number, Shop.orderId(number), response.statusCode(), response.body(),
        (System.nanoTime() - start) / 1_000_000);
  }

  /** Each order's trace id, read from the frontend's SERVER span, which records the order id. */
  private static Map<String, String> traceIdByOrder(List<SpanData> spans) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (SpanData span : spans) {
      Object orderId = span.attributes().get("order.id");
      if (orderId != null && span.resource().serviceName().equals(Shop.FRONTEND)) {
        ids.put(orderId.toString(), span.spanContext().traceIdHex());
      }
    }
    return ids;
  }

  private static void print(PrintStream out, DemoOptions options, List<Outcome> outcomes, TraceSummary summary,
      Map<String, String> traceIds, List<LogCapture.Line> lines) {
    out.println();
    out.println("Orders:");
    for (Outcome o : outcomes) {
      out.printf("  %s  HTTP %d  %-40s  trace %s%n", o.orderId(), o.status(), shorten(o.body(), 40),
          traceIds.getOrDefault(o.orderId(), "?"));
    }
    Map<String, TraceAnalysis> byTrace = new LinkedHashMap<>();
    for (TraceAnalysis t : summary.traces()) {
      byTrace.put(t.traceId(), t);
    }
    long slowNanos = (long) (options.slowMillis() * 1_000_000L * options.timeScale());
    boolean detailed = false;
    for (Outcome o : outcomes) {
      TraceAnalysis trace = byTrace.get(traceIds.get(o.orderId()));
      boolean slow = trace != null && trace.totalDurationNanos() > slowNanos;
      if (trace == null || (o.succeeded() && !slow)) {
        continue;
      }
      out.println();
      out.println("=== order " + o.orderId() + ": " + (o.succeeded() ? "slow" : "failed, HTTP " + o.status())
          + " (trace " + trace.traceId() + ") ===");
      out.print(Waterfall.ascii().render(trace));
      // the first failure gets the whole report and its log lines; later ones the conclusions
      if (!detailed && !o.succeeded()) {
        detailed = true;
        out.print(trace.render());
        out.println();
        out.println("Log lines of this order from every service, found by its trace id:");
        for (LogCapture.Line line : lines) {
          if (line.traceId().equals(trace.traceId())) {
            out.printf("  [trace_id=%s span_id=%s] %-5s %-17s %s%n", line.traceId(), line.spanId(), line.level(),
                line.service(), line.message());
          }
        }
      } else {
        trace.errorOrigin().ifPresent(e -> out.println("Error starts in " + e.service() + " '" + e.spanName()
            + "': " + e.description()));
        trace.recommendations().forEach(r -> out.println("- " + r));
      }
    }
    out.println();
    out.println("=== summary of " + outcomes.size() + " orders (times at time scale " + options.timeScale()
        + "; slow means over " + options.slowMillis() + " ms of real time) ===");
    out.print(summary.render());
  }

  private static String shorten(String s, int max) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
