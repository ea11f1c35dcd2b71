package dev.ariadne.exporter.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import io.jaegertracing.thriftjava.Batch;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random spans of every shape, encoded, decoded with libthrift and compared field by field. */
class RandomizedRoundTripTest {
  private static final long SEED = 20261124L;
  private static final String[] KEYS = {
    "http.method", "error", "event", "sampler.type", "db.statement", "ключ", "emoji😀", "", "a.b.c"
  };

  private final Random random = new Random(SEED);

  @Test
  void twoThousandRandomSpans_decodeToExactlyTheExpectedBatches() {
    int total = 0;
    int batches = 0;
    while (total < 2_000) {
      Resource resource = randomResource();
      List<SpanData> spans = new ArrayList<>();
      int size = 1 + random.nextInt(60);
      for (int i = 0; i < size; i++) {
        spans.add(randomSpan(resource));
      }
      Batch batch = ExpectedJaeger.assertRoundTrip(spans);
      assertThat(batch.getSpans()).hasSize(size);
      total += size;
      batches++;
    }
    assertThat(batches).as("seed %s", SEED).isGreaterThan(1);
  }

  private Resource randomResource() {
    RawAttributes attributes = RawAttributes.create();
    if (random.nextInt(5) > 0) {
      attributes.put("service.name", random.nextInt(10) == 0 ? (Object) 7L : randomText(20));
    }
    int n = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      attributes.put("res." + i, randomValue());
    }
    return Resource.of(attributes);
  }

  private TestSpanData randomSpan(Resource resource) {
    long high = random.nextInt(4) == 0 ? 0L : random.nextLong();
    long low = nonZero();
    byte flags = (byte) random.nextInt(4);
    TraceState state = TraceState.empty();
    if (random.nextInt(3) == 0) {
      state = state.with("vendor" + random.nextInt(3), "v" + random.nextInt(1000)).with("ot", "th:8");
    }
    TestSpanData span = TestSpanData.of(SpanContext.create(high, low, nonZero(), flags, state));
    if (random.nextBoolean()) {
      span.parent(SpanContext.create(high, low, nonZero(), flags, TraceState.empty()));
    }
    span.resource(resource);
    span.name(randomText(30));
    span.kind(SpanKind.values()[random.nextInt(SpanKind.values().length)]);
    StatusCode status = StatusCode.values()[random.nextInt(StatusCode.values().length)];
    span.status(status, status == StatusCode.ERROR && random.nextBoolean() ? randomText(20) : "");
    span.scope(InstrumentationScope.of(randomText(10), random.nextBoolean() ? null : "1." + random.nextInt(9)));
    long start = random.nextLong() >>> 2;
    span.times(start, random.nextInt(10) == 0 ? 0L : start + (random.nextLong() >>> 24));
    span.attributes(randomAttributes(random.nextInt(8)));
    span.droppedAttributes(randomCount());
    span.truncatedAttributeValues(randomCount());
    span.droppedEvents(randomCount());
    span.droppedLinks(randomCount());
    int events = random.nextInt(4);
    for (int i = 0; i < events; i++) {
      span.event(randomEvent(start));
    }
    int links = random.nextInt(4);
    for (int i = 0; i < links; i++) {
      switch (random.nextInt(6)) {
        case 0:
          span.link(Link.of(SpanContext.invalid(), randomAttributes(2)));
          break;
        case 1:
          span.link(null);
          break;
        default:
          span.link(Link.of(
              SpanContext.create(random.nextLong(), nonZero(), nonZero(), TraceFlags.SAMPLED, TraceState.empty()),
              randomAttributes(random.nextInt(3))));
      }
    }
    return span;
  }

  private EventData randomEvent(long start) {
    long at = start + random.nextInt(1_000_000_000);
    switch (random.nextInt(4)) {
      case 0: {
        RawAttributes exception = RawAttributes.create()
            .put("exception.type", "java.lang." + randomText(8))
            .put("exception.message", randomText(40))
            .put("exception.stacktrace", randomText(300));
        if (random.nextBoolean()) {
          exception.put("exception.escaped", random.nextBoolean());
        }
        return EventData.of("exception", at, exception, randomCount());
      }
      case 1:
        return EventData.of(randomText(10), at, RawAttributes.create().put("event", randomText(5)), 0);
      default:
        return EventData.of(randomText(15), at, randomAttributes(random.nextInt(4)), randomCount());
    }
  }

  private Attributes randomAttributes(int count) {
    RawAttributes attributes = RawAttributes.create();
    for (int i = 0; i < count; i++) {
      String key = random.nextInt(4) == 0 ? KEYS[random.nextInt(KEYS.length)] : randomText(12);
      attributes.put(key, random.nextInt(20) == 0 ? null : randomValue());
    }
    return attributes;
  }

  private Object randomValue() {
    switch (random.nextInt(8)) {
      case 0:
        return randomText(random.nextInt(10) == 0 ? 5_000 : 25);
      case 1:
        return random.nextLong();
      case 2:
        return randomDouble();
      case 3:
        return random.nextBoolean();
      case 4: {
        List<String> list = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          // Control characters are escaped as tested literally; the expectation here covers quotes and backslashes.
          list.add(randomText(8).replaceAll("[\\x00-\\x1F]", "_") + (random.nextBoolean() ? "\"\\" : ""));
        }
        return list;
      }
      case 5:
        return List.of(random.nextLong(), random.nextLong());
      case 6:
        return List.of(randomDouble(), randomDouble());
      default:
        return List.of(random.nextBoolean());
    }
  }

  private double randomDouble() {
    switch (random.nextInt(8)) {
      case 0:
        return Double.NaN;
      case 1:
        return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2:
        return Double.longBitsToDouble(random.nextLong());
      default:
        return random.nextGaussian() * 1e6;
    }
  }

  private String randomText(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        text.append((char) (0x20 + random.nextInt(0x5F)));
      } else if (kind == 6) {
        text.append((char) random.nextInt(0x20));
      } else if (kind == 7) {
        text.append((char) (0xA0 + random.nextInt(0x3000)));
      } else if (kind == 8) {
        text.appendCodePoint(0x1F600 + random.nextInt(0x50));
      } else {
        text.append((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
      }
    }
    return text.toString();
  }

  private long nonZero() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }

  private int randomCount() {
    return random.nextInt(3) == 0 ? random.nextInt(100) : 0;
  }
}
