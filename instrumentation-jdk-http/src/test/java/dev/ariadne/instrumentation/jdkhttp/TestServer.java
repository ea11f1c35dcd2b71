package dev.ariadne.instrumentation.jdkhttp;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real JDK HTTP server on 127.0.0.1 and a free port, with a thread per exchange. */
final class TestServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  TestServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(executor);
    server.start();
  }

  /** Serves {@code path} with {@code handler} behind {@code filters}, in order. */
  HttpContext serve(String path, HttpHandler handler, Filter... filters) {
    HttpContext context = server.createContext(path, handler);
    for (Filter filter : filters) {
      context.getFilters().add(filter);
    }
    return context;
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  /** Answers with {@code status} and a short body (none for 204 and HEAD). */
  static void respond(HttpExchange exchange, int status, String body) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    boolean empty = bytes.length == 0 || status == 204 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, empty ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!empty) {
        out.write(bytes);
      }
    }
  }

  /** A handler answering {@code status} with body "ok". */
  static HttpHandler status(int status) {
    return exchange -> respond(exchange, status, "ok");
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
