package dev.ariadne.propagation.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import dev.ariadne.testing.HeaderFuzzer;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated header values through the extractor, checked against a regex oracle written
 * from the format's grammar: nothing throws, a value is accepted exactly when the oracle accepts it
 * with the same ids and flags, and every accepted value survives inject-then-extract.
 */
class JaegerFuzzTest {
  private static final long SEED = 0x5eed_ca11_ab1eL;
  private static final int TRACE_HEADER_VALUES = 1_000_000;
  private static final int BAGGAGE_CARRIERS = 200_000;

  private static final JaegerPropagator JAEGER = JaegerPropagator.create();
  private static final TextMapGetter<Map<String, String>> GETTER = TextMapGetter.forMap();
  private static final TextMapSetter<Map<String, String>> SETTER = TextMapSetter.forMap();
  private static final String SEP = "(?::|%3[Aa])";
  private static final Pattern GRAMMAR = Pattern.compile(
      "[ \t]*([0-9a-f]{1,32})" + SEP + "([0-9a-f]{1,16})" + SEP + "[0-9a-f]{1,16}" + SEP + "([0-9a-f]{1,2})[ \t]*");
  private static final String ALPHABET = "0123456789abcdef0123456789abcdef::::%3Aa ABCDEFxg-\t,=+";

  private final SplittableRandom random = new SplittableRandom(SEED);
  private final HeaderFuzzer fuzzer = new HeaderFuzzer(random, ALPHABET, ":", "%3A");
  private final Map<String, String> carrier = new HashMap<>();

  @Test
  void randomAndMutatedTraceHeaders_neverThrowAndAgreeWithTheGrammarAndRoundTrip() {
    long start = System.nanoTime();
    int accepted = 0;
    for (int i = 0; i < TRACE_HEADER_VALUES; i++) {
      String value = i % 2 == 0 ? fuzzer.randomValue(random.nextBoolean() ? 12 : 80) : fuzzer.mutate(validHeader());
      if (checkTraceHeader(value)) {
        accepted++;
      }
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("jaeger fuzz: %d uber-trace-id values, %d accepted, %d ms%n", TRACE_HEADER_VALUES, accepted, millis);

    // Enough of both outcomes that the checks above meant something.
    assertThat(accepted).isBetween(TRACE_HEADER_VALUES / 10, TRACE_HEADER_VALUES * 9 / 10);
  }

  @Test
  void hugeValues_areHandledInLinearTime() {
    long elapsed = 0;
    for (int i = 0; i < 200; i++) {
      // A valid header, mutated, then repeated to 100-200 thousand characters.
      String value = fuzzer.huge(fuzzer.mutate(validHeader()) + ":", 100_000, 200_000);
      long start = System.nanoTime();
      checkTraceHeader(value);
      elapsed += System.nanoTime() - start;
    }
    assertThat(elapsed).isLessThan(5_000_000_000L);
  }

  /** Extracts {@code value}, compares the result with the oracle, and round-trips it when accepted. */
  private boolean checkTraceHeader(String value) {
    carrier.clear();
    carrier.put("uber-trace-id", value);
    Context context = JAEGER.extract(Context.root(), carrier, GETTER);
    SpanContext extracted = Span.fromContext(context).spanContext();

    Matcher m = GRAMMAR.matcher(value);
    boolean grammatical = m.matches();
    long high = 0;
    long low = 0;
    long spanId = 0;
    int flags = 0;
    if (grammatical) {
      String trace = m.group(1);
      high = trace.length() > 16 ? Long.parseUnsignedLong(trace.substring(0, trace.length() - 16), 16) : 0;
      low = Long.parseUnsignedLong(trace.substring(Math.max(0, trace.length() - 16)), 16);
      spanId = Long.parseUnsignedLong(m.group(2), 16);
      flags = Integer.parseInt(m.group(3), 16);
    }
    boolean expected = grammatical && (high | low) != 0 && spanId != 0;
    if (!expected) {
      assertThat(context).as("rejected %s", value).isSameAs(Context.root());
      return false;
    }
    assertThat(extracted.traceIdHigh()).as(value).isEqualTo(high);
    assertThat(extracted.traceIdLow()).as(value).isEqualTo(low);
    assertThat(extracted.spanId()).as(value).isEqualTo(spanId);
    assertThat(extracted.isSampled()).as(value).isEqualTo((flags & 3) != 0);
    boolean debug = JaegerPropagator.isDebug(context, extracted);
    assertThat(debug).as(value).isEqualTo((flags & 2) != 0);

    carrier.clear();
    JAEGER.inject(context, carrier, SETTER);
    Context again = JAEGER.extract(Context.root(), carrier, GETTER);
    SpanContext reextracted = Span.fromContext(again).spanContext();
    assertThat(reextracted).as(value).isEqualTo(extracted);
    assertThat(JaegerPropagator.isDebug(again, reextracted)).as(value).isEqualTo(debug);
    return true;
  }

  @Test
  void randomAndMutatedBaggage_neverThrowsAndRoundTrips() {
    long start = System.nanoTime();
    int entries = 0;
    for (int i = 0; i < BAGGAGE_CARRIERS; i++) {
      carrier.clear();
      int headers = random.nextInt(4);
      for (int h = 0; h < headers; h++) {
        carrier.put(randomBaggageKey(), randomBaggageValue());
      }
      if (random.nextInt(4) == 0) {
        carrier.put("jaeger-baggage", randomLegacyBaggage());
      }
      Baggage extracted = Baggage.fromContext(JAEGER.extract(Context.root(), carrier, GETTER));
      entries += extracted.size();

      carrier.clear();
      JAEGER.inject(Context.root().with(extracted), carrier, SETTER);
      for (Map.Entry<String, String> header : carrier.entrySet()) {
        assertThat(header.getKey()).matches("uberctx-[a-z0-9!#$%&'*+.^_`|~-]+");
        assertThat(header.getValue()).matches("[A-Za-z0-9._~%-]*");
      }
      Baggage again = Baggage.fromContext(JAEGER.extract(Context.root(), carrier, GETTER));
      assertThat(again).isEqualTo(extracted);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("jaeger fuzz: %d baggage carriers, %d entries extracted, %d ms%n", BAGGAGE_CARRIERS, entries, millis);
    assertThat(entries).isGreaterThan(BAGGAGE_CARRIERS / 2);
  }

  private String randomBaggageKey() {
    switch (random.nextInt(4)) {
      case 0:
        return "uberctx-" + fuzzer.randomString(1 + random.nextInt(8), "abcXYZ-_09 :\u00e9");
      case 1:
        return "UberCtx-" + fuzzer.randomString(random.nextInt(6), "abcdef");
      case 2:
        return fuzzer.randomString(random.nextInt(12), "uberctx-abc");
      default:
        return "uberctx-k" + random.nextInt(3);
    }
  }

  private String randomBaggageValue() {
    switch (random.nextInt(3)) {
      case 0:
        return fuzzer.randomString(random.nextInt(20), "ab %+2BFEe0\u00e9\u20ac");
      case 1:
        return PercentCodec.encode(fuzzer.randomString(random.nextInt(10), "ab \r\n\u00e9\ud83d\ude00+%"));
      default:
        return fuzzer.randomString(random.nextInt(12), null);
    }
  }

  private String randomLegacyBaggage() {
    return fuzzer.randomString(random.nextInt(40), "ab=, \t+%\ud800");
  }

  /** A header a Jaeger client could send: unpadded or padded ids, either separator, 1-2 flag digits. */
  private String validHeader() {
    boolean encoded = random.nextInt(4) == 0;
    String sep = encoded ? (random.nextBoolean() ? "%3A" : "%3a") : ":";
    long high = random.nextInt(3) == 0 ? 0 : random.nextLong();
    long low = random.nextInt(50) == 0 ? 0 : random.nextLong();
    long spanId = random.nextInt(50) == 0 ? 0 : random.nextLong();
    StringBuilder sb = new StringBuilder(80);
    if (high != 0) {
      sb.append(Long.toHexString(high)).append(pad(Long.toHexString(low), 16));
    } else {
      sb.append(random.nextBoolean() ? Long.toHexString(low) : pad(Long.toHexString(low), 16 + random.nextInt(17)));
    }
    sb.append(sep).append(random.nextBoolean() ? Long.toHexString(spanId) : pad(Long.toHexString(spanId), 16));
    sb.append(sep).append(random.nextBoolean() ? "0" : Long.toHexString(random.nextLong()));
    sb.append(sep).append(Integer.toHexString(random.nextInt(random.nextBoolean() ? 4 : 256)));
    return sb.toString();
  }

  private static String pad(String hex, int length) {
    return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
  }
}
