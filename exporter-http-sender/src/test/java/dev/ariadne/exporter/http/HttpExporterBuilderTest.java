package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.exporter.http.TestSpans.LineEncoder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpExporterBuilderTest {
  private static HttpExporter.Builder builder() {
    return HttpExporter.builder("test", new LineEncoder(0, false));
  }

  @Test
  void missingEndpoint_failsNamingIt() {
    assertThatThrownBy(() -> builder().build()).hasMessageContaining("endpoint must be set");
  }

  @Test
  void badEndpoints_failNamingTheSetting() {
    assertThatThrownBy(() -> builder().endpoint("ftp://host/x")).hasMessageContaining("endpoint must be an http");
    assertThatThrownBy(() -> builder().endpoint("http:///nohost")).hasMessageContaining("endpoint must name a host");
    assertThatThrownBy(() -> builder().endpoint("http://a b")).hasMessageContaining("endpoint is not a valid URL");
    assertThatThrownBy(() -> builder().endpoint((String) null)).hasMessageContaining("endpoint must not be null");
  }

  @Test
  void badDurationsAndCounts_failNamingTheSetting() {
    assertThatThrownBy(() -> builder().timeout(Duration.ZERO)).hasMessageContaining("timeout must be > 0");
    assertThatThrownBy(() -> builder().connectTimeout(null)).hasMessageContaining("connectTimeout must be > 0");
    assertThatThrownBy(() -> builder().maxRetryTime(Duration.ofSeconds(-1))).hasMessageContaining("maxRetryTime");
    assertThatThrownBy(() -> builder().maxAttempts(0)).hasMessageContaining("maxAttempts must be >= 1, was 0");
    assertThatThrownBy(() -> builder().maxPayloadBytes(10)).hasMessageContaining("maxPayloadBytes must be >= 1024");
    assertThatThrownBy(() -> builder().endpoint("http://h/").initialBackoff(Duration.ofSeconds(10))
        .maxBackoff(Duration.ofSeconds(1)).build()).hasMessageContaining("maxBackoff");
  }

  @Test
  void headersThatCouldBreakTheRequest_areRefused() {
    assertThatThrownBy(() -> builder().header("X-A", "v\r\nInjected: 1")).hasMessageContaining("header X-A");
    assertThatThrownBy(() -> builder().header("Bad Name", "v")).hasMessageContaining("header name");
    assertThatThrownBy(() -> builder().header("Host", "evil")).hasMessageContaining("header Host");
    assertThatThrownBy(() -> builder().header("Content-Type", "x")).hasMessageContaining("set by the exporter");
    assertThatThrownBy(() -> builder().bearerToken(" ")).hasMessageContaining("bearerToken");
    assertThatThrownBy(() -> builder().basicAuth("a:b", "c")).hasMessageContaining("basicAuth user");
  }

  @Test
  void badNameOrEncoder_fail() {
    assertThatThrownBy(() -> HttpExporter.builder("has space", new LineEncoder(0, false)))
        .hasMessageContaining("name must be");
    assertThatThrownBy(() -> HttpExporter.builder("x", null)).hasMessageContaining("encoder must not be null");
  }
}
