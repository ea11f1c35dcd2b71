package dev.ariadne.exporter.zipkin;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A real zipkin-server (the executable jar the build copies into target/zipkin) run as a child
 * process on 127.0.0.1 with in-memory storage, for the round-trip test.
 */
final class ZipkinServer implements AutoCloseable {
  private static final Duration START_DEADLINE = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ZipkinServer(Process process, Path log, URI base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts the server and returns once {@code /health} says UP; fails with the server's log otherwise. */
  static ZipkinServer start() throws IOException {
    Path jar = Path.of(System.getProperty("zipkin.server.jar", "target/zipkin/zipkin-server.jar"));
    Path log = Path.of(System.getProperty("zipkin.server.log", "target/zipkin/zipkin-server.log"));
    if (!Files.isRegularFile(jar)) {
      throw new AssertionError("zipkin-server jar not found at " + jar.toAbsolutePath()
          + "; the build copies it there in generate-test-resources (run mvn verify)");
    }
    Files.createDirectories(log.toAbsolutePath().getParent());
    int port = freePort();
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    ProcessBuilder builder = new ProcessBuilder(List.of(
        java,
        // a small heap and the C1 compiler only: the server lives for seconds and stores a few spans
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-jar", jar.toAbsolutePath().toString(),
        // Armeria owns the port list; overriding the whole first entry is what binds 127.0.0.1 only
        "--armeria.ports[0].port=" + port,
        "--armeria.ports[0].ip=127.0.0.1",
        "--armeria.ports[0].protocols[0]=http",
        "--zipkin.ui.enabled=false",
        "--zipkin.self-tracing.enabled=false"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("STORAGE_TYPE", "mem");
    builder.environment().put("QUERY_PORT", Integer.toString(port));
    // trace lookups by id still work; the name and tag indexes are not needed here
    builder.environment().put("SEARCH_ENABLED", "false");
    builder.environment().put("JAVA_OPTS", "");
    ZipkinServer server = new ZipkinServer(builder.start(), log, URI.create("http://127.0.0.1:" + port));
    try {
      server.awaitHealthy();
    } catch (AssertionError | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_DEADLINE.toNanos();
    String last = "no answer yet";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("zipkin-server exited with " + process.exitValue() + " during start-up; log:\n" + log());
      }
      try {
        HttpResponse<String> response = get("/health");
        if (response.statusCode() == 200 && response.body().contains("UP")) {
          return;
        }
        last = response.statusCode() + " " + response.body();
      } catch (IOException e) {
        last = e.toString();
      }
      pause();
    }
    throw new AssertionError("zipkin-server was not healthy within " + START_DEADLINE + " (last: " + last
        + "); log:\n" + log());
  }

  /** The collector endpoint, {@code http://127.0.0.1:port/api/v2/spans}. */
  String spansEndpoint() {
    return base + "/api/v2/spans";
  }

  /** GETs {@code path} on the server. */
  HttpResponse<String> get(String path) throws IOException {
    try {
      return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** The server's console output so far. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** The gap between two polls of a condition that has its own deadline. */
  static void pause() {
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
