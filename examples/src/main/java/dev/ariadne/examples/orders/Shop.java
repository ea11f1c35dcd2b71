package dev.ariadne.examples.orders;

import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.propagation.TextMapPropagator;
import dev.ariadne.core.export.BatchStats;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.examples.orders.ShopService.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.concurrent.TimeoutException;

/**
 * The seed system: frontend -> payment -> inventory -> order, four real HTTP services whose work
 * is simulated by the {@link OrderBehaviour} of each order and scaled by the demo's time scale.
 */
final class Shop implements AutoCloseable {
  static final String FRONTEND = "frontend-service";
  static final String PAYMENT = "payment-service";
  static final String INVENTORY = "inventory-service";
  static final String ORDER = "order-service";

  private final DemoOptions options;
  private boolean closed;
  final ShopService frontend;
  final ShopService payment;
  final ShopService inventory;
  final ShopService order;

  Shop(DemoOptions options, TextMapPropagator propagator, Supplier<SpanExporter> remoteExporter) throws IOException {
    this.options = options;
    // The JDK's HttpServer writes a response's headers and body separately; without TCP_NODELAY
    // Nagle's algorithm holds the body until the client's delayed ACK, up to 40 ms per hop, which
    // the traces would faithfully show as time lost between client and server spans. Read once,
    // when the server's configuration class loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    // generous client timeouts: the demo's failures come from the simulated database, not from HTTP
    Duration timeout = Duration.ofMillis(Math.max(2000, (long) (10_000 * options.timeScale())));
    // the MDC decorator is process-wide; in one JVM one service enabling it covers all four
    this.frontend = new ShopService(FRONTEND, true, propagator, timeout, remoteExporter);
    this.payment = new ShopService(PAYMENT, false, propagator, timeout, remoteExporter);
    this.inventory = new ShopService(INVENTORY, false, propagator, timeout, remoteExporter);
    this.order = new ShopService(ORDER, false, propagator, timeout, remoteExporter);
    frontend.route("/api/order", this::placeOrder);
    payment.route("/api/payment", this::pay);
    inventory.route("/api/inventory", this::reserve);
    order.route("/api/orders", this::saveOrder);
    for (ShopService s : List.of(order, inventory, payment, frontend)) {
      s.start();
    }
  }

  /** Where a customer sends an order: {@code POST} with the body {@code order=<number>}. */
  URI entryPoint() {
    return frontend.uri("/api/order");
  }

  private Answer placeOrder(String body) throws Exception {
    int number = orderNumber(body);
    OrderBehaviour b = OrderBehaviour.of(options.seed(), number);
    Span.current().attribute("order.id", orderId(number));
    frontend.log.info("received order {}", orderId(number));
    step(frontend, "validate_order", b.stepMillis());
    HttpResponse<String> paid;
    try (ScopedSpan call = frontend.tracer.span("call_payment_service").startScoped()) {
      paid = frontend.post(payment.uri("/api/payment"), body);
      if (paid.statusCode() >= 400) {
        call.status(StatusCode.ERROR, "payment service answered " + paid.statusCode());
      }
    }
    if (paid.statusCode() >= 400) {
      frontend.log.warn("order {} failed: payment service answered {} ({})", orderId(number), paid.statusCode(),
          paid.body());
      return new Answer(paid.statusCode() >= 500 ? 502 : paid.statusCode(), "order failed: " + paid.body());
    }
    frontend.log.info("order {} confirmed", orderId(number));
    return new Answer(200, "order " + orderId(number) + " confirmed");
  }

  private Answer pay(String body) throws Exception {
    int number = orderNumber(body);
    OrderBehaviour b = OrderBehaviour.of(options.seed(), number);
    step(payment, "validate_payment_info", b.stepMillis());
    try (ScopedSpan gateway = payment.tracer.span("call_payment_gateway").kind(SpanKind.CLIENT)
        .attribute("peer.service", "acme-pay").startScoped()) {
      work(b.gatewayMillis());
      if (b.paymentDeclined()) {
        gateway.status(StatusCode.ERROR, "card declined by the payment gateway");
        payment.log.warn("payment for order {} declined by the gateway", orderId(number));
        return new Answer(402, "payment declined");
      }
    }
    payment.log.info("payment for order {} authorised", orderId(number));
    HttpResponse<String> reserved = payment.post(inventory.uri("/api/inventory"), body);
    if (reserved.statusCode() >= 400) {
      payment.log.warn("inventory answered {} for order {}", reserved.statusCode(), orderId(number));
      return new Answer(reserved.statusCode() >= 500 ? 502 : reserved.statusCode(), reserved.body());
    }
    return new Answer(200, "paid");
  }

  private Answer reserve(String body) throws Exception {
    int number = orderNumber(body);
    OrderBehaviour b = OrderBehaviour.of(options.seed(), number);
    try (ScopedSpan check = inventory.tracer.span("check_inventory").startScoped()) {
      work(b.stepMillis());
      if (b.outOfStock()) {
        check.status(StatusCode.ERROR, "insufficient stock");
        inventory.log.warn("order {}: insufficient stock", orderId(number));
        return new Answer(409, "out of stock");
      }
    }
    step(inventory, "deduct_inventory", b.stepMillis());
    inventory.log.info("stock reserved for order {}", orderId(number));
    HttpResponse<String> saved;
    try (ScopedSpan notify = inventory.tracer.span("notify_order_service").startScoped()) {
      saved = inventory.post(order.uri("/api/orders"), body);
      if (saved.statusCode() >= 400) {
        notify.status(StatusCode.ERROR, "order service answered " + saved.statusCode());
      }
    }
    if (saved.statusCode() >= 400) {
      inventory.log.warn("order service answered {} for order {}", saved.statusCode(), orderId(number));
      return new Answer(502, saved.body());
    }
    return new Answer(200, "reserved");
  }

  private Answer saveOrder(String body) throws Exception {
    int number = orderNumber(body);
    OrderBehaviour b = OrderBehaviour.of(options.seed(), number);
    try (ScopedSpan connect = order.tracer.span("database_connection").kind(SpanKind.CLIENT)
        .attribute("db.system", "postgresql").startScoped()) {
      work(b.stepMillis());
    }
    try (ScopedSpan save = order.tracer.span("save_order_to_db").kind(SpanKind.CLIENT)
        .attribute("db.system", "postgresql")
        .attribute("db.operation.name", "INSERT")
        .attribute("db.collection.name", "orders")
        .startScoped()) {
      save.attribute("order.id", orderId(number));
      if (b.dbTimesOut()) {
        work(OrderBehaviour.DB_TIMEOUT_MILLIS);
        TimeoutException timeout = new TimeoutException(
            "database save timed out after " + OrderBehaviour.DB_TIMEOUT_MILLIS + " ms");
        save.recordException(timeout);
        save.status(StatusCode.ERROR, timeout.getMessage());
        order.log.error("could not save order {}: {}", orderId(number), timeout.getMessage());
        return new Answer(500, timeout.getMessage());
      }
      work(b.dbSaveMillis());
    }
    step(order, "send_confirmation_email", b.stepMillis());
    step(order, "complete_order", b.stepMillis());
    order.log.info("order {} saved", orderId(number));
    return new Answer(201, "saved");
  }

  private void step(ShopService service, String name, long realMillis) throws InterruptedException {
    try (ScopedSpan ignored = service.tracer.span(name).startScoped()) {
      work(realMillis);
    }
  }

  /** Simulated work: {@code realMillis} of the seed system's time, scaled. */
  private void work(long realMillis) throws InterruptedException {
    long nanos = (long) (realMillis * 1_000_000L * options.timeScale());
    Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
  }

  static String orderId(int number) {
    return "A-" + (1000 + number);
  }

  private static int orderNumber(String body) {
    String digits = body.startsWith("order=") ? body.substring(6).trim() : "";
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a body 'order=<number>', got '" + body + "'");
    }
  }

  /** Every span the four services ended so far. */
  List<SpanData> spans() {
    List<SpanData> all = new ArrayList<>();
    for (ShopService s : services()) {
      all.addAll(s.memory.finishedSpans());
    }
    return all;
  }

  /** What each service's batch processor did with the spans meant for the backend; empty when none is configured. */
  Map<String, BatchStats> exportStats() {
    Map<String, BatchStats> stats = new LinkedHashMap<>();
    for (ShopService s : services()) {
      if (s.remote != null) {
        stats.put(s.name, s.remote.stats());
      }
    }
    return Collections.unmodifiableMap(stats);
  }

  /** Stops the four servers and waits for their handlers, so every span has ended; the tracers keep running. */
  void stopServers() {
    for (ShopService s : services()) {
      s.stopServer();
    }
  }

  /**
   * Stops the four services (once; later calls do nothing): their servers, then their tracers. Each
   * tracer's shutdown waits for its exporter's last batch, retries included; one after another those
   * waits would add up, so the four run at once and the demo waits for the slowest alone.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopServers();
    List<Thread> shutdowns = new ArrayList<>();
    for (ShopService s : services()) {
      Thread t = new Thread(s::shutdownTracing, s.name + "-tracing-shutdown");
      t.start();
      shutdowns.add(t);
    }
    try {
      for (Thread t : shutdowns) {
        t.join(); // bounded: each tracer's shutdown waits at most 10 s
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<ShopService> services() {
    return List.of(frontend, payment, inventory, order);
  }
}
