package dev.ariadne.examples.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.propagation.w3c.W3CTraceContextPropagator;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShopTest {

  @Test
  void close_shutsTheFourTracersDownTogether_andStopsEveryServer() throws Exception {
    // Each exporter's shutdown waits until all four are in theirs: one after another, the first
    // would wait alone until the barrier's limit and break it.
    CyclicBarrier allFour = new CyclicBarrier(4);
    List<String> outcomes = new CopyOnWriteArrayList<>();
    Shop shop = new Shop(new DemoOptions(1, 42, 0.001, 1, 2000),
        TextMapPropagator.composite(W3CTraceContextPropagator.create()), () -> new SpanExporter() {
          @Override
          public ExportResult export(Collection<SpanData> spans) {
            return ExportResult.success();
          }

          @Override
          public ExportResult shutdown() {
            try {
              allFour.await(5, TimeUnit.SECONDS);
              outcomes.add("met");
            } catch (Exception e) {
              outcomes.add(e.getClass().getSimpleName());
            }
            return ExportResult.success();
          }
        });
    List<URI> servers = List.of(shop.entryPoint(), shop.payment.uri("/"), shop.inventory.uri("/"),
        shop.order.uri("/"));
    assertThat(servers).allSatisfy(uri -> assertThat(RemoteExport.answers(uri, Duration.ofSeconds(1))).isTrue());

    shop.close();

    assertThat(outcomes).containsExactly("met", "met", "met", "met");
    assertThat(shop.exportStats()).hasSize(4);
    assertThat(servers).allSatisfy(uri -> assertThat(RemoteExport.answers(uri, Duration.ofSeconds(1))).isFalse());
  }
}
