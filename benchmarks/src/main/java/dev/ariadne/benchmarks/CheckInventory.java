package dev.ariadne.benchmarks;

/**
 * The span every span scenario makes, written once per library: {@code check_inventory} with
 * attributes in the repeating pattern string, long, boolean, double ({@code item.sku},
 * {@code item.quantity}, {@code item.in_stock}, {@code item.price}, then {@code item.extra.N}),
 * and optionally one event.
 *
 * <p>Each library is called the way its users are told to on a hot path: Ariadne with string keys
 * and primitive values; OpenTelemetry with {@code AttributeKey} constants (its string-key setters
 * would allocate a key per call); Brave with string tags, the only kind it has, so its numbers and
 * booleans are turned into strings here as its users must.
 */
public final class CheckInventory {
  /** The span's name. */
  public static final String NAME = "check_inventory";
  /** Largest attribute count a benchmark may ask for. */
  public static final int MAX_ATTRIBUTES = 64;

  private static final String SKU = "SKU-12345";
  private static final long QUANTITY = 3;
  private static final boolean IN_STOCK = true;
  private static final double PRICE = 19.99;
  private static final String EVENT = "inventory_reserved";

  private static final String[] KEYS = new String[MAX_ATTRIBUTES];
  private static final io.opentelemetry.api.common.AttributeKey<?>[] OTEL_KEYS =
      new io.opentelemetry.api.common.AttributeKey<?>[MAX_ATTRIBUTES];

  static {
    String[] first = {"item.sku", "item.quantity", "item.in_stock", "item.price"};
    for (int i = 0; i < MAX_ATTRIBUTES; i++) {
      KEYS[i] = i < 4 ? first[i] : "item.extra." + i;
      switch (i % 4) {
        case 0: OTEL_KEYS[i] = io.opentelemetry.api.common.AttributeKey.stringKey(KEYS[i]); break;
        case 1: OTEL_KEYS[i] = io.opentelemetry.api.common.AttributeKey.longKey(KEYS[i]); break;
        case 2: OTEL_KEYS[i] = io.opentelemetry.api.common.AttributeKey.booleanKey(KEYS[i]); break;
        default: OTEL_KEYS[i] = io.opentelemetry.api.common.AttributeKey.doubleKey(KEYS[i]); break;
      }
    }
  }

  private CheckInventory() {}

  /** Fails unless {@code attributes} is a multiple of four between 0 and {@link #MAX_ATTRIBUTES}. */
  public static int checkAttributes(int attributes) {
    if (attributes < 0 || attributes > MAX_ATTRIBUTES || attributes % 4 != 0) {
      throw new IllegalArgumentException("attributes must be a multiple of 4 in [0, 64], was " + attributes);
    }
    return attributes;
  }

  /** Starts Ariadne's span under the current context, sets {@code attributes} attributes, adds the event if asked. */
  public static dev.ariadne.api.Span ariadne(dev.ariadne.api.Tracer tracer, int attributes, boolean event) {
    dev.ariadne.api.Span span = tracer.span(NAME).start();
    for (int i = 0; i < attributes; i += 4) {
      span.attribute(KEYS[i], SKU)
          .attribute(KEYS[i + 1], QUANTITY)
          .attribute(KEYS[i + 2], IN_STOCK)
          .attribute(KEYS[i + 3], PRICE);
    }
    if (event) {
      span.event(EVENT);
    }
    return span;
  }

  /** Starts OpenTelemetry's span under the current context, sets {@code attributes} attributes, adds the event if asked. */
  @SuppressWarnings("unchecked") // OTEL_KEYS[i] has the type its index's place in the pattern gives it
  public static io.opentelemetry.api.trace.Span otel(io.opentelemetry.api.trace.Tracer tracer, int attributes,
      boolean event) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder(NAME).startSpan();
    for (int i = 0; i < attributes; i += 4) {
      span.setAttribute((io.opentelemetry.api.common.AttributeKey<String>) OTEL_KEYS[i], SKU)
          .setAttribute((io.opentelemetry.api.common.AttributeKey<Long>) OTEL_KEYS[i + 1], QUANTITY)
          .setAttribute((io.opentelemetry.api.common.AttributeKey<Boolean>) OTEL_KEYS[i + 2], IN_STOCK)
          .setAttribute((io.opentelemetry.api.common.AttributeKey<Double>) OTEL_KEYS[i + 3], PRICE);
    }
    if (event) {
      span.addEvent(EVENT);
    }
    return span;
  }

  /** Starts Brave's span under the current context, sets {@code attributes} tags, adds the annotation if asked. */
  public static brave.Span brave(brave.Tracer tracer, int attributes, boolean event) {
    brave.Span span = tracer.nextSpan().name(NAME).start();
    for (int i = 0; i < attributes; i += 4) {
      span.tag(KEYS[i], SKU)
          .tag(KEYS[i + 1], String.valueOf(QUANTITY))
          .tag(KEYS[i + 2], String.valueOf(IN_STOCK))
          .tag(KEYS[i + 3], String.valueOf(PRICE));
    }
    if (event) {
      span.annotate(EVENT);
    }
    return span;
  }
}
