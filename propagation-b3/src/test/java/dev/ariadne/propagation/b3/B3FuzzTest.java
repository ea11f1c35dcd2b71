package dev.ariadne.propagation.b3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import dev.ariadne.testing.HeaderFuzzer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated B3 values through the extractor, checked against a regex oracle written from
 * the specification: nothing throws, a carrier is accepted exactly when the oracle accepts it with
 * the same ids and sampling, and every accepted context survives inject-then-extract in both forms.
 */
class B3FuzzTest {
  private static final long SEED = 0xb3b3_5eedL;
  private static final int SINGLE_VALUES = 1_000_000;
  private static final int MULTI_CARRIERS = 300_000;

  private static final B3Propagator SINGLE = B3Propagator.injectingSingleHeader();
  private static final B3Propagator MULTI = B3Propagator.injectingMultiHeaders();
  private static final TextMapGetter<Map<String, String>> GETTER = TextMapGetter.forMap();
  private static final TextMapSetter<Map<String, String>> SETTER = TextMapSetter.forMap();
  private static final Pattern SINGLE_GRAMMAR = Pattern.compile(
      "[ \t]*([0-9a-f]{16}|[0-9a-f]{32})-([0-9a-f]{16})(?:-([01d]))?(?:-[0-9a-f]{16})?[ \t]*");
  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
  private static final Pattern ID = Pattern.compile("[0-9a-f]{16}");
  private static final Pattern SAMPLED = Pattern.compile("(?i)1|0|true|false|"); // (?i) without UNICODE_CASE: ASCII only
  private static final String ALPHABET = "0123456789abcdef0123456789abcdef-----01d ABCDEFxg:\t,";

  private final SplittableRandom random = new SplittableRandom(SEED);
  // separators as a mutation inserts them: a sampling state after a dash
  private final HeaderFuzzer fuzzer = new HeaderFuzzer(random, ALPHABET, "-0", "-1", "-d");
  private final Map<String, String> carrier = new HashMap<>();

  /** What the oracle expects: ids and sampling, or null for "nothing extracted". */
  private static final class Expected {
    final long high;
    final long low;
    final long spanId;
    final boolean sampled;
    final boolean debug;

    Expected(long high, long low, long spanId, boolean sampled, boolean debug) {
      this.high = high;
      this.low = low;
      this.spanId = spanId;
      this.sampled = sampled;
      this.debug = debug;
    }
  }

  @Test
  void randomAndMutatedSingleHeaders_neverThrowAndAgreeWithTheGrammarAndRoundTrip() {
    long start = System.nanoTime();
    int accepted = 0;
    for (int i = 0; i < SINGLE_VALUES; i++) {
      carrier.clear();
      carrier.put("b3", i % 2 == 0 ? randomValue() : fuzzer.mutate(validSingle()));
      if (check(singleOracle(carrier.get("b3")))) {
        accepted++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("b3 fuzz: %d single values, %d accepted, %d ms%n", SINGLE_VALUES, accepted, millis);
    assertThat(accepted).isBetween(SINGLE_VALUES / 10, SINGLE_VALUES * 9 / 10);
  }

  @Test
  void randomAndMutatedMultiHeaders_neverThrowAndAgreeWithTheSpecificationAndRoundTrip() {
    long start = System.nanoTime();
    int accepted = 0;
    int values = 0;
    for (int i = 0; i < MULTI_CARRIERS; i++) {
      carrier.clear();
      boolean wide = random.nextBoolean();
      values += put("X-B3-TraceId", header(() -> wide ? hex(32) : hex(16)));
      values += put("x-b3-spanid", header(() -> hex(16)));
      values += put("X-B3-ParentSpanId", random.nextBoolean() ? null : header(() -> hex(16)));
      values += put("X-B3-Sampled", random.nextBoolean() ? null
          : header(() -> List.of("1", "0", "true", "false", "TRUE", "False", "").get(random.nextInt(7))));
      values += put("X-B3-Flags", random.nextInt(3) != 0 ? null : header(() -> random.nextBoolean() ? "1" : "0"));
      if (random.nextInt(4) == 0) {
        values += put("b3", random.nextBoolean() ? randomValue() : fuzzer.mutate(validSingle()));
      }
      Expected expected = singleOracle(carrier.get("b3"));
      if (check(expected != null ? expected : multiOracle())) {
        accepted++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("b3 fuzz: %d multi-header carriers (%d header values), %d accepted, %d ms%n",
        MULTI_CARRIERS, values, accepted, millis);
    assertThat(accepted).isBetween(MULTI_CARRIERS / 20, MULTI_CARRIERS * 9 / 10);
  }

  @Test
  void hugeValues_areHandledInLinearTime() {
    long elapsed = 0;
    for (int i = 0; i < 200; i++) {
      String huge = fuzzer.huge(fuzzer.mutate(validSingle()) + "-", 100_000, 200_000);
      carrier.clear();
      carrier.put(i % 2 == 0 ? "b3" : "X-B3-TraceId", huge);
      carrier.put("X-B3-SpanId", huge);
      long start = System.nanoTime();
      check(i % 2 == 0 ? singleOracle(huge) : null);
      elapsed += System.nanoTime() - start;
    }
    assertThat(elapsed).isLessThan(5_000_000_000L);
  }

  /** Extracts the carrier, compares with {@code expected}, and round-trips it when accepted. */
  private boolean check(Expected expected) {
    Map<String, String> input = Map.copyOf(carrier);
    Supplier<String> described = input::toString; // made only when an assertion fails
    Context context = SINGLE.extract(Context.root(), carrier, GETTER);
    if (expected == null) {
      assertThat(context).as(() -> "rejected " + input).isSameAs(Context.root());
      return false;
    }
    SpanContext extracted = Span.fromContext(context).spanContext();
    assertThat(extracted.traceIdHigh()).as(described).isEqualTo(expected.high);
    assertThat(extracted.traceIdLow()).as(described).isEqualTo(expected.low);
    assertThat(extracted.spanId()).as(described).isEqualTo(expected.spanId);
    assertThat(extracted.isSampled()).as(described).isEqualTo(expected.sampled);
    assertThat(B3Propagator.isDebug(context, extracted)).as(described).isEqualTo(expected.debug);

    for (B3Propagator propagator : List.of(SINGLE, MULTI)) {
      carrier.clear();
      propagator.inject(context, carrier, SETTER);
      for (String value : carrier.values()) {
        assertThat(value).matches("[0-9a-f-]+|d|[0-9a-f]{16}-[0-9a-f]{16}-d|[0-9a-f]{32}-[0-9a-f]{16}-d");
      }
      Context again = MULTI.extract(Context.root(), carrier, GETTER);
      SpanContext reextracted = Span.fromContext(again).spanContext();
      assertThat(reextracted).as(described).isEqualTo(extracted);
      assertThat(B3Propagator.isDebug(again, reextracted)).as(described).isEqualTo(expected.debug);
    }
    return true;
  }

  private static Expected singleOracle(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = SINGLE_GRAMMAR.matcher(value);
    if (!m.matches()) {
      return null;
    }
    String sampling = m.group(3);
    return expected(m.group(1), m.group(2), "1".equals(sampling) || "d".equals(sampling), "d".equals(sampling));
  }

  private Expected multiOracle() {
    String traceId = trimmed("X-B3-TraceId");
    String spanId = trimmed("x-b3-spanid");
    String parent = trimmed("X-B3-ParentSpanId");
    String sampled = trimmed("X-B3-Sampled");
    String flags = trimmed("X-B3-Flags");
    if (traceId == null || spanId == null || !TRACE_ID.matcher(traceId).matches() || !ID.matcher(spanId).matches()
        || (parent != null && !parent.isEmpty() && !ID.matcher(parent).matches())
        || (sampled != null && !SAMPLED.matcher(sampled).matches())) {
      return null;
    }
    boolean debug = "1".equals(flags);
    return expected(traceId, spanId, debug || "1".equals(sampled) || "true".equalsIgnoreCase(sampled), debug);
  }

  private static Expected expected(String traceId, String spanId, boolean sampled, boolean debug) {
    long high = traceId.length() == 32 ? Long.parseUnsignedLong(traceId.substring(0, 16), 16) : 0;
    long low = Long.parseUnsignedLong(traceId.substring(traceId.length() - 16), 16);
    long span = Long.parseUnsignedLong(spanId, 16);
    return (high | low) == 0 || span == 0 ? null : new Expected(high, low, span, sampled, debug);
  }

  private String trimmed(String key) {
    String value = carrier.get(key);
    return value == null ? null : value.replaceAll("^[ \t]+|[ \t]+$", "");
  }

  private int put(String key, String value) {
    if (value == null) {
      return 0;
    }
    carrier.put(key, value);
    return 1;
  }

  /** Mostly a valid value, sometimes mutated, sometimes random. */
  private String header(Supplier<String> valid) {
    int pick = random.nextInt(10);
    return pick < 6 ? valid.get() : pick < 9 ? fuzzer.mutate(valid.get()) : randomValue();
  }

  /** A single header as Brave or OpenTelemetry could write it, with rare zero ids. */
  private String validSingle() {
    StringBuilder sb = new StringBuilder(70);
    sb.append(random.nextBoolean() ? hex(32) : hex(16)).append('-').append(hex(16));
    int shape = random.nextInt(5);
    if (shape > 0 && shape < 4) {
      sb.append('-').append("01d".charAt(random.nextInt(3)));
    }
    if (shape >= 3) {
      sb.append('-').append(hex(16)); // with a sampling state, or deferred as Brave writes it
    }
    return sb.toString();
  }

  /** Random digits, all zeros (invalid as an id) one time in a hundred. */
  private String hex(int digits) {
    return random.nextInt(100) == 0 ? "0".repeat(digits) : fuzzer.hex(digits);
  }

  private String randomValue() {
    return fuzzer.randomValue(random.nextBoolean() ? 4 : 70);
  }
}
