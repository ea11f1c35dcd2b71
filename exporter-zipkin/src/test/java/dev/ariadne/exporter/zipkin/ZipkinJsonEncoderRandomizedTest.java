package dev.ariadne.exporter.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random spans, from a fixed seed, encoded and compared field by field with the expected mapping. */
class ZipkinJsonEncoderRandomizedTest {
  private static final long SEED = 0x5eed_2026L;
  private static final String[] TEXT = {
      "", " ", "checkout", "GET /Orders/{id}", "Grüße 世界", "🚀 rocket", "quote\" back\\slash",
      "ctrl \u0000\u0001\n\t\u001f", "lone \uD800 high", "lone \uDC00 low", "tail \uD83D", "\u2028\u2029",
      "error", "otel.status_code", "otel.scope.name", "peer.service", "x".repeat(3000)};
  private static final String[] ADDRESSES = {
      "10.0.0.1", "255.255.255.255", "2001:db8::1", "::1", "db.internal", "Kafka-1", "999.0.0.1", "", "fe80::%1"};
  private static final String[] PEER_KEYS = {
      "peer.service", "server.address", "server.port", "client.address", "client.port",
      "network.peer.address", "network.peer.port"};

  private final Random random = new Random(SEED);

  @Test
  void randomSpans_encodeToExactlyTheExpectedZipkinSpans() {
    int compared = 0;
    for (int batch = 0; batch < 300; batch++) {
      List<SpanData> spans = new ArrayList<>();
      int size = random.nextInt(12);
      for (int i = 0; i < size; i++) {
        spans.add(randomSpan());
      }
      List<Map<String, Object>> actual = JsonTree.parseSpans(ZipkinExporter.encoder().encode(spans));
      assertThat(actual).as("seed %s batch %s", SEED, batch).hasSize(spans.size());
      for (int i = 0; i < spans.size(); i++) {
        Map<String, Object> expected = ExpectedZipkin.of(spans.get(i));
        assertThat(ExpectedZipkin.normalize(actual.get(i), expected))
            .as("seed %s batch %s span %s", SEED, batch, i).isEqualTo(expected);
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(1000);
  }

  private TestSpanData randomSpan() {
    TestSpanData span = TestSpanData.create();
    long high = random.nextInt(4) == 0 ? 0 : random.nextLong();
    long low = random.nextLong() | 1;
    span.context(TestSpanData.sampledContext(high, low, random.nextLong() | 1));
    if (random.nextBoolean()) {
      span.parent(TestSpanData.sampledContext(high, low, random.nextLong() | 1));
    }
    span.kind(SpanKind.values()[random.nextInt(SpanKind.values().length)]);
    span.name(text());
    long start = TestSpanData.DEFAULT_START_NANOS + random.nextInt(1_000_000_000);
    long end = start + (random.nextInt(5) == 0 ? random.nextInt(1000) : random.nextInt(50_000_000));
    boolean ended = random.nextInt(20) != 0;
    span.times(start, ended ? end : 0);
    span.attributes(attributes(random.nextInt(8), true));
    for (int i = random.nextInt(4); i > 0; i--) {
      span.event(EventData.of(text(), start + random.nextInt(1_000_000),
          attributes(random.nextInt(3), false), 0));
    }
    StatusCode status = StatusCode.values()[random.nextInt(StatusCode.values().length)];
    span.status(status, status == StatusCode.ERROR && random.nextBoolean() ? text() : "");
    span.resource(Resource.of(Attributes.of(Resource.SERVICE_NAME, text())));
    span.scope(InstrumentationScope.of(text(), random.nextBoolean() ? null : text()));
    span.droppedAttributes(random.nextInt(3));
    span.droppedEvents(random.nextInt(3));
    span.droppedLinks(random.nextInt(3));
    return span;
  }

  private Attributes attributes(int count, boolean withPeers) {
    RawAttributes attributes = RawAttributes.create();
    List<String> used = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = withPeers && random.nextInt(3) == 0 ? PEER_KEYS[random.nextInt(PEER_KEYS.length)] : text();
      if (used.contains(key)) {
        continue; // attribute keys are unique in every real Attributes
      }
      used.add(key);
      Object value = value(key);
      if (value instanceof List) {
        attributes.put(key, AttributeType.STRING_ARRAY, value); // whatever the elements, as the encoder must cope
      } else {
        attributes.put(key, value);
      }
    }
    return attributes;
  }

  private Object value(String key) {
    if (key.endsWith(".port")) {
      return random.nextInt(4) == 0 ? (long) random.nextInt(70_000) - 1000 : (long) (1 + random.nextInt(65535));
    }
    if (key.endsWith(".address")) {
      return ADDRESSES[random.nextInt(ADDRESSES.length)];
    }
    switch (random.nextInt(9)) {
      case 0:
        return random.nextLong();
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextGaussian() * 1e6;
      case 3:
        return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE}[
            random.nextInt(5)];
      case 4:
        return List.of(text(), text());
      case 5:
        return List.of(random.nextLong(), 0L);
      case 6:
        return List.of(random.nextDouble(), Double.NaN);
      case 7:
        return List.of(random.nextBoolean());
      default:
        return text();
    }
  }

  private String text() {
    return TEXT[random.nextInt(TEXT.length)];
  }
}
