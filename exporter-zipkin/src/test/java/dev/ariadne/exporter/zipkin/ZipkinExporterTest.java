package dev.ariadne.exporter.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.exporter.http.HttpExporter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ZipkinExporterTest {

  @Test
  void builder_defaultsToZipkinOnLocalhost() {
    HttpExporter exporter = ZipkinExporter.builder().build();
    try {
      assertThat(exporter.toString()).isEqualTo("HttpExporter{zipkin -> http://localhost:9411/api/v2/spans}");
    } finally {
      assertThat(exporter.shutdown().await(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void builder_endpointCanBeReplaced() {
    HttpExporter exporter = ZipkinExporter.builder().endpoint("http://jaeger:9411/api/v2/spans").build();
    try {
      assertThat(exporter.toString()).contains("http://jaeger:9411/api/v2/spans");
    } finally {
      exporter.shutdown();
    }
  }

  @Test
  void encoder_isTheSharedJsonEncoder() {
    assertThat(ZipkinExporter.encoder()).isSameAs(ZipkinExporter.encoder());
    assertThat(ZipkinExporter.encoder().contentType()).isEqualTo("application/json");
  }
}
