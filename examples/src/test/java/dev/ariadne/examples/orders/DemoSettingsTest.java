package dev.ariadne.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class DemoSettingsTest {

  @Test
  void arguments_overrideEnvironment_overrideDefaults() {
    DemoOptions options = DemoOptions.parse(new String[] {"--orders=7", "--time-scale=0.5"},
        Map.of("ARIADNE_DEMO_ORDERS", "99", "ARIADNE_DEMO_SEED", "3"));

    assertThat(options.orders()).isEqualTo(7);
    assertThat(options.seed()).isEqualTo(3);
    assertThat(options.timeScale()).isEqualTo(0.5);
    assertThat(options.concurrency()).isEqualTo(DemoOptions.defaults().concurrency());
    assertThat(DemoOptions.parse(new String[] {"--realistic"}, Map.of()).timeScale()).isEqualTo(1.0);
  }

  @Test
  void badSettings_failNamingTheSetting() {
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--orders=lots"}, Map.of()))
        .hasMessageContaining("orders must be a number");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--orders=0"}, Map.of()))
        .hasMessageContaining("orders must be between");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {}, Map.of("ARIADNE_DEMO_TIME_SCALE", "-1")))
        .hasMessageContaining("time-scale");
    assertThatThrownBy(() -> DemoOptions.parse(new String[] {"orders"}, Map.of()))
        .hasMessageContaining("unknown argument 'orders'");
    assertThatThrownBy(() -> RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "kafka")))
        .hasMessageContaining("ARIADNE_EXPORTER must be one of");
    assertThatThrownBy(() -> RemoteExport.parse(
        Map.of("ARIADNE_EXPORTER", "zipkin", "ARIADNE_EXPORTER_ENDPOINT", "ftp://x/y")))
        .hasMessageContaining("ARIADNE_EXPORTER_ENDPOINT");
  }

  @Test
  void noExporterConfigured_meansInMemoryOnly() {
    assertThat(RemoteExport.parse(Map.of())).isNull();
    assertThat(RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "none"))).isNull();
  }

  @Test
  void configuredExporter_sendsEveryServicesSpansToTheBackend() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    backend.createContext("/v1/traces", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        received.add(exchange.getRequestHeaders().getFirst("Content-Type") + " "
            + new String(in.readAllBytes(), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    backend.start();
    try {
      RemoteExport otlp = RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "otlp",
          "ARIADNE_EXPORTER_ENDPOINT", "http://127.0.0.1:" + backend.getAddress().getPort() + "/v1/traces"));
      ByteArrayOutputStream console = new ByteArrayOutputStream();
      OrderDemo.Report report = OrderDemo.runConfigured(new DemoOptions(3, 42, 0.001, 1, 2000), otlp,
          new PrintStream(console, true, StandardCharsets.UTF_8));

      // shutting each service's tracer down flushed its batch processor into the backend
      String all = String.join("\n", received);
      assertThat(received).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("application/json {"));
      for (String service : List.of(Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY, Shop.ORDER)) {
        assertThat(all).contains("\"stringValue\":\"" + service + "\"");
      }
      for (String traceId : report.traceIdByOrder().values()) {
        assertThat(all).contains("\"traceId\":\"" + traceId + "\"");
      }
      String printed = console.toString(StandardCharsets.UTF_8);
      assertThat(printed).doesNotContain("Nothing answers");
      assertThat(report.exportStats()).containsOnlyKeys(Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY, Shop.ORDER)
          .allSatisfy((service, stats) -> {
            assertThat(stats.ended()).isPositive();
            assertThat(stats.exported()).isEqualTo(stats.ended());
            assertThat(printed).contains(String.format("  %-18s exported %d of %d spans, dropped 0%n", service,
                stats.ended(), stats.ended()));
          });
    } finally {
      backend.stop(0);
    }
  }

  @Test
  void probe_seesWhetherAnythingAcceptsAConnection() throws Exception {
    try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      URI listening = URI.create("http://127.0.0.1:" + open.getLocalPort() + "/api/traces");
      assertThat(RemoteExport.answers(listening, RemoteExport.PROBE_TIMEOUT)).isTrue();
    }
    URI closed = URI.create("http://127.0.0.1:" + closedPort() + "/api/traces");
    assertThat(RemoteExport.answers(closed, RemoteExport.PROBE_TIMEOUT)).isFalse();
  }

  @Test
  void defaultEndpoint_isTheExportersOwn_andTheBannerHidesSecrets() {
    assertThat(RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "jaeger")).endpoint())
        .hasToString("http://localhost:14268/api/traces");
    RemoteExport withKey = RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "zipkin",
        "ARIADNE_EXPORTER_ENDPOINT", "http://u:pw@127.0.0.1:9411/api/v2/spans?key=s3cret"));
    assertThat(RemoteExport.describe(withKey)).isEqualTo("zipkin at http://127.0.0.1:9411/api/v2/spans");
    assertThat(withKey.nothingAnswers()).startsWith("Nothing answers at http://127.0.0.1:9411/api/v2/spans: ")
        .doesNotContain("s3cret", "pw");
    assertThat(RemoteExport.describe(null)).startsWith("in memory only");
  }

  @Test
  void nothingListening_saysSoBeforeTheOrders_runsAnyway_andCountsEveryServicesSpansAsDropped() throws Exception {
    String endpoint = "http://127.0.0.1:" + closedPort() + "/api/traces";
    RemoteExport jaeger = RemoteExport.parse(Map.of("ARIADNE_EXPORTER", "jaeger",
        "ARIADNE_EXPORTER_ENDPOINT", endpoint));
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    OrderDemo.Report report = OrderDemo.runConfigured(new DemoOptions(3, 42, 0.001, 1, 2000), jaeger,
        new PrintStream(console, true, StandardCharsets.UTF_8));

    String printed = console.toString(StandardCharsets.UTF_8);
    String warning = "Nothing answers at " + endpoint + ": start a Jaeger collector there (README, \"Seeing the traces"
        + " in a UI\") or unset ARIADNE_EXPORTER; the demo runs anyway and its spans are counted as dropped.";
    assertThat(printed).contains(warning + System.lineSeparator());
    assertThat(printed.indexOf(warning)).isLessThan(printed.indexOf("Orders:"));
    assertThat(report.outcomes()).hasSize(3);
    assertThat(report.exportStats()).containsOnlyKeys(Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY, Shop.ORDER)
        .allSatisfy((service, stats) -> {
          assertThat(stats.ended()).isPositive();
          assertThat(stats.exported()).isZero();
          assertThat(stats.droppedExportFailed()).isEqualTo(stats.ended());
          assertThat(stats.pending()).isZero();
          assertThat(printed).contains(String.format("  %-18s exported 0 of %d spans, dropped %d (export failed %d)%n",
              service, stats.ended(), stats.ended(), stats.ended()));
        });
    // the report is printed whole, before the per-service lines
    assertThat(printed.indexOf("=== summary of 3 orders")).isLessThan(printed.indexOf("=== spans sent to the backend"));
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
