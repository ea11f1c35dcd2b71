package dev.ariadne.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ariadne.core.export.SpanExporter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
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
    assertThatThrownBy(() -> RemoteExport.fromEnvironment(Map.of("ARIADNE_EXPORTER", "kafka")))
        .hasMessageContaining("ARIADNE_EXPORTER must be one of");
    assertThatThrownBy(() -> RemoteExport.fromEnvironment(
        Map.of("ARIADNE_EXPORTER", "zipkin", "ARIADNE_EXPORTER_ENDPOINT", "ftp://x/y")))
        .hasMessageContaining("ARIADNE_EXPORTER_ENDPOINT");
  }

  @Test
  void noExporterConfigured_meansInMemoryOnly() {
    assertThat(RemoteExport.fromEnvironment(Map.of())).isNull();
    assertThat(RemoteExport.fromEnvironment(Map.of("ARIADNE_EXPORTER", "none"))).isNull();
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
      Supplier<SpanExporter> otlp = RemoteExport.fromEnvironment(Map.of("ARIADNE_EXPORTER", "otlp",
          "ARIADNE_EXPORTER_ENDPOINT", "http://127.0.0.1:" + backend.getAddress().getPort() + "/v1/traces"));
      OrderDemo.Report report = OrderDemo.run(new DemoOptions(3, 42, 0.001, 1, 2000), otlp,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

      // shutting each service's tracer down flushed its batch processor into the backend
      String all = String.join("\n", received);
      assertThat(received).isNotEmpty().allSatisfy(r -> assertThat(r).startsWith("application/json {"));
      for (String service : List.of(Shop.FRONTEND, Shop.PAYMENT, Shop.INVENTORY, Shop.ORDER)) {
        assertThat(all).contains("\"stringValue\":\"" + service + "\"");
      }
      for (String traceId : report.traceIdByOrder().values()) {
        assertThat(all).contains("\"traceId\":\"" + traceId + "\"");
      }
    } finally {
      backend.stop(0);
    }
  }
}
