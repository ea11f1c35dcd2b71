package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.exporter.http.TestSpans.LineEncoder;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An https endpoint with a certificate the test makes itself with the JDK's keytool. */
class HttpsExportTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  Path dir;

  @Test
  void httpsEndpoint_withTheServersCertificateTrusted_exports() throws Exception {
    KeyStore keyStore = selfSignedKeyStore();
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
    CopyOnWriteArrayList<String> bodies = new CopyOnWriteArrayList<>();
    server.createContext("/v1/traces", exchange -> {
      try (exchange; InputStream in = exchange.getRequestBody()) {
        bodies.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(200, -1);
      }
    });
    server.start();
    try (HttpExporter exporter = HttpExporter.builder("tls", new LineEncoder(0, false))
        .endpoint("https://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces")
        .sslContext(clientContext(keyStore))
        .build()) {
      ExportResult result = exporter.export(TestSpans.spans(1, "secure"));

      assertThat(result.await(Duration.ofSeconds(10))).isTrue();
      assertThat(result.isSuccess()).as("%s", result.failureCause()).isTrue();
      assertThat(bodies).containsExactly("secure/span-0\n");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void httpsEndpoint_withAnUntrustedCertificate_failsWithoutRetryingForever() throws Exception {
    KeyStore keyStore = selfSignedKeyStore();
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keyStore)));
    server.createContext("/", exchange -> exchange.close());
    server.start();
    try (HttpExporter exporter = HttpExporter.builder("tls", new LineEncoder(0, false))
        .endpoint("https://127.0.0.1:" + server.getAddress().getPort() + "/")
        .maxAttempts(2).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10))
        .build()) {
      ExportResult result = exporter.export(TestSpans.spans(1, "secure"));

      assertThat(result.await(Duration.ofSeconds(10))).isTrue();
      assertThat(result.isSuccess()).isFalse();
      assertThat(exporter.stats().failedSpans()).isEqualTo(1);
      assertThat(exporter.stats().requests()).isEqualTo(2);
      assertThat(result.failureCause())
          .hasMessageStartingWith("TLS handshake with https://127.0.0.1:" + server.getAddress().getPort()
              + "/ failed: ")
          .hasMessageContaining("sslContext");
    } finally {
      server.stop(0);
    }
  }

  private KeyStore selfSignedKeyStore() throws Exception {
    Path file = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "server", "-keyalg", "EC", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keyStore.load(in, PASSWORD);
    }
    return keyStore;
  }

  private static SSLContext serverContext(KeyStore keyStore) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(keyStore, PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static SSLContext clientContext(KeyStore keyStore) throws Exception {
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
