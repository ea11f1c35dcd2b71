package dev.ariadne.exporter.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

/** A local collector stand-in that answers from a script and records what it received. */
final class RecordingServer implements AutoCloseable {

  /**
   * One scripted answer: a status, headers, an optional latch to wait on before answering, and an
   * optional body.
   */
  record Answer(int status, Map<String, String> headers, CountDownLatch holdUntil, byte[] body) {
    Answer(int status, Map<String, String> headers, CountDownLatch holdUntil) {
      this(status, headers, holdUntil, null);
    }

    static Answer of(int status) {
      return new Answer(status, Map.of(), null);
    }
  }

  /** What one request carried. */
  record Received(String method, String path, Map<String, List<String>> headers, byte[] body, long nanoTime) {
    String header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue().get(0);
        }
      }
      return null;
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();
  private volatile Answer fallback = Answer.of(202);

  RecordingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "recording-server");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  RecordingServer then(Answer answer) {
    script.add(answer);
    return this;
  }

  RecordingServer otherwise(Answer answer) {
    fallback = answer;
    return this;
  }

  List<Received> received() {
    return received;
  }

  /** Waits for the next request to arrive, up to five seconds. */
  Received next() throws InterruptedException {
    Received r = arrivals.poll(5, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("no request arrived within 5 s");
    }
    return r;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        try (InputStream unzip = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
          body = unzip.readAllBytes();
        }
      }
      Received r = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
          Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime());
      received.add(r);
      arrivals.add(r);
      Answer answer = script.poll();
      if (answer == null) {
        answer = fallback;
      }
      if (answer.holdUntil() != null) {
        try {
          answer.holdUntil().await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] answerBody = answer.body();
      if (answerBody == null || answerBody.length == 0) {
        exchange.sendResponseHeaders(answer.status(), -1);
      } else {
        exchange.sendResponseHeaders(answer.status(), answerBody.length);
        exchange.getResponseBody().write(answerBody);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
