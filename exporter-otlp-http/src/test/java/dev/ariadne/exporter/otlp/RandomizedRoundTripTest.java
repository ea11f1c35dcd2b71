package dev.ariadne.exporter.otlp;

import static dev.ariadne.exporter.otlp.OtlpAssertions.assertRequestMatches;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.core.export.SpanData;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RandomizedRoundTripTest {
  private static final long SEED = 20261124L;

  @Test
  void twoThousandRandomSpans_parseBackToTheSameFields() {
    List<SpanData> spans = RandomSpans.batch(new Random(SEED), 2000);

    ExportTraceServiceRequest request = OtlpJson.parse(OtlpHttpExporter.encoder().encode(spans));

    assertRequestMatches(request, spans);
    assertThat(request.getResourceSpansCount()).isEqualTo(3);
  }

  @Test
  void randomBatchesOfRandomSizes_parseBackToTheSameFields() {
    Random random = new Random(SEED + 1);
    for (int batch = 0; batch < 200; batch++) {
      List<SpanData> spans = RandomSpans.batch(random, 1 + random.nextInt(20));

      assertRequestMatches(OtlpJson.parse(OtlpHttpExporter.encoder().encode(spans)), spans);
    }
  }
}
