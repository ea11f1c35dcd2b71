package dev.ariadne.exporter.otlp;

import dev.ariadne.api.AttributeType;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.testing.RawAttributes;
import dev.ariadne.testing.TestSpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random spans from a seeded {@link Random}: every field, every value type, awkward strings and numbers. */
final class RandomSpans {
  private static final String[] PIECES = {
    "a", "Z", "0", " ", "ü", "日本", "😀", "\u0000", "\u001f", "\"", "\\", "/", "\t", "\n", "\u007f", "\u2028",
    "\uD800", "\uDFFF", "\uFFFF", "\uFFFD", "order.id", "http.method"
  };
  private static final SpanKind[] KINDS = SpanKind.values();
  private static final StatusCode[] STATUSES = StatusCode.values();

  private RandomSpans() {}

  /** {@code count} random spans spread over three resources and four scopes (two sharing a name). */
  static List<SpanData> batch(Random random, int count) {
    Resource[] resources = {
      Resource.of(Attributes.of("service.name", "checkout")),
      Resource.of(Attributes.builder().put("service.name", "payments").put("process.pid", 42L).build()),
      Resource.empty()
    };
    InstrumentationScope[] scopes = {
      InstrumentationScope.of("http", "1.0"),
      InstrumentationScope.of("http", "2.0"),
      InstrumentationScope.of("db", null),
      InstrumentationScope.of(string(random), string(random))
    };
    List<SpanData> spans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      spans.add(span(random, resources[random.nextInt(resources.length)], scopes[random.nextInt(scopes.length)]));
    }
    return spans;
  }

  private static TestSpanData span(Random random, Resource resource, InstrumentationScope scope) {
    TestSpanData span = TestSpanData.create();
    span.context(context(random, false));
    span.parent(random.nextInt(3) == 0 ? SpanContext.invalid() : context(random, random.nextBoolean()));
    span.name(string(random));
    span.kind(KINDS[random.nextInt(KINDS.length)]);
    long start = random.nextLong() & Long.MAX_VALUE;
    span.times(start, random.nextLong() & Long.MAX_VALUE);
    span.attributes(attributes(random));
    span.droppedAttributes(random.nextInt(3) == 0 ? random.nextInt(Integer.MAX_VALUE) : 0);
    List<EventData> events = new ArrayList<>();
    for (int e = random.nextInt(4); e > 0; e--) {
      events.add(EventData.of(string(random), random.nextLong() & Long.MAX_VALUE, attributes(random), random.nextInt(3)));
    }
    span.events(events);
    span.droppedEvents(random.nextInt(3) == 0 ? random.nextInt(1000) : 0);
    List<Link> links = new ArrayList<>();
    for (int l = random.nextInt(3); l > 0; l--) {
      links.add(Link.of(context(random, random.nextBoolean()), attributes(random)));
    }
    span.links(links);
    span.droppedLinks(random.nextInt(3) == 0 ? random.nextInt(1000) : 0);
    StatusCode status = STATUSES[random.nextInt(STATUSES.length)];
    span.status(status, status == StatusCode.ERROR ? string(random) : "");
    span.resource(resource);
    span.scope(scope);
    return span;
  }

  private static SpanContext context(Random random, boolean remote) {
    long high = random.nextLong();
    long low = random.nextLong() | 1;
    long id = random.nextLong() | 1;
    byte flags = (byte) random.nextInt(256);
    TraceState state = TraceState.empty();
    for (int n = random.nextInt(3); n > 0; n--) {
      state = state.with("k" + random.nextInt(100), "v" + random.nextInt(1_000_000));
    }
    return remote
        ? SpanContext.createFromRemoteParent(high, low, id, flags, state)
        : SpanContext.create(high, low, id, flags, state);
  }

  private static Attributes attributes(Random random) {
    RawAttributes attributes = RawAttributes.create();
    for (int n = random.nextInt(6); n > 0; n--) {
      String key = "key" + n + string(random);
      Object value = value(random, true);
      if (value instanceof List) {
        attributes.put(key, AttributeType.STRING_ARRAY, value); // whatever the elements, as the encoder must cope
      } else {
        attributes.put(key, value);
      }
    }
    return attributes;
  }

  private static Object value(Random random, boolean allowList) {
    switch (random.nextInt(allowList ? 5 : 4)) {
      case 0:
        return string(random);
      case 1:
        return random.nextBoolean();
      case 2:
        return random.nextInt(4) == 0 ? (random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE) : random.nextLong();
      case 3:
        return doubleValue(random);
      default:
        List<Object> list = new ArrayList<>();
        for (int n = random.nextInt(4); n > 0; n--) {
          list.add(value(random, false));
        }
        return list;
    }
  }

  private static double doubleValue(Random random) {
    switch (random.nextInt(8)) {
      case 0:
        return Double.NaN;
      case 1:
        return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
      case 2:
        return Double.longBitsToDouble(random.nextLong());
      case 3:
        return -0.0;
      default:
        return (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    }
  }

  static String string(Random random) {
    StringBuilder sb = new StringBuilder();
    for (int n = random.nextInt(6); n > 0; n--) {
      sb.append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (random.nextInt(10) == 0) {
      for (int n = random.nextInt(20); n > 0; n--) {
        sb.append((char) random.nextInt(0x10000));
      }
    }
    return sb.toString();
  }
}
