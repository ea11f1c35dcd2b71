package dev.ariadne.propagation.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import dev.ariadne.testing.HeaderFuzzer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated header values through both extractors, checked against independent,
 * regex-based reference parsers (slow and obvious, so they can be trusted) and round trips.
 */
class PropagationFuzzTest {
  private static final long SEED = 0x5eed_a41a_d0e5L;
  // Values generated: a third each of traceparent-, tracestate- and baggage-like ones, and every one
  // goes through both extractors. -Dariadne.fuzz.values=... to run more.
  private static final int VALUES = Integer.getInteger("ariadne.fuzz.values", 1_050_000);
  private static final int ROUNDS = VALUES / 3;

  private static final W3CTraceContextPropagator TRACE_CONTEXT = W3CTraceContextPropagator.create();
  private static final W3CBaggagePropagator BAGGAGE = W3CBaggagePropagator.create();

  // ---- reference parsers -----------------------------------------------------------------------

  private static final Pattern TRACEPARENT = Pattern.compile(
      "[ \t]*([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(.*?)[ \t]*", Pattern.DOTALL);
  private static final Pattern TRACESTATE_MEMBER = Pattern.compile(
      // Trace Context Level 2 key grammar: '@' is an ordinary key character
      "([a-z0-9][a-z0-9_\\-*/@]{0,255})"
          + "=([\\x20-\\x2b\\x2d-\\x3c\\x3e-\\x7e]{0,255}[\\x21-\\x2b\\x2d-\\x3c\\x3e-\\x7e])");

  /** The canonical version 00 traceparent a valid value is propagated as, or null when invalid. */
  static String referenceTraceparent(String value) {
    Matcher m = TRACEPARENT.matcher(value);
    if (!m.matches()) {
      return null;
    }
    String version = m.group(1);
    String tail = m.group(5);
    boolean tailOk = version.equals("00")
        ? tail.isEmpty()
        : tail.isEmpty() || (tail.charAt(0) == '-' && tail.indexOf(',') < 0);
    if (version.equals("ff") || !tailOk
        || m.group(2).equals("0".repeat(32)) || m.group(3).equals("0".repeat(16))) {
      return null;
    }
    int flags = Integer.parseInt(m.group(4), 16) & 0x03;
    return "00-" + m.group(2) + "-" + m.group(3) + "-0" + flags;
  }

  /** The trace state a {@code tracestate} value yields, rendered as a header ("" for none). */
  static String referenceTracestate(String value) {
    if (value == null) {
      return "";
    }
    Map<String, String> members = new LinkedHashMap<>();
    int count = 0;
    for (String raw : value.split(",", -1)) {
      String member = stripOws(raw);
      if (member.isEmpty()) {
        continue;
      }
      Matcher m = TRACESTATE_MEMBER.matcher(member);
      if (++count > 32 || !m.matches()) {
        return "";
      }
      members.putIfAbsent(m.group(1), m.group(2));
    }
    StringJoiner joined = new StringJoiner(",");
    members.forEach((k, v) -> joined.add(k + "=" + v));
    return joined.toString();
  }

  private static String stripOws(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
      start++;
    }
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
      end--;
    }
    return s.substring(start, end);
  }

  // ---- carriers --------------------------------------------------------------------------------

  /** The three W3C headers, or null. */
  static final class Headers {
    String traceparent;
    String tracestate;
    String baggage;
  }

  private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Headers carrier) {
      return List.of("traceparent", "tracestate", "baggage");
    }

    @Override
    public String get(Headers carrier, String key) {
      switch (key) {
        case "traceparent":
          return carrier.traceparent;
        case "tracestate":
          return carrier.tracestate;
        case "baggage":
          return carrier.baggage;
        default:
          return null;
      }
    }
  };

  private static final TextMapSetter<Headers> SETTER = (carrier, key, value) -> {
    switch (key) {
      case "traceparent":
        carrier.traceparent = value;
        break;
      case "tracestate":
        carrier.tracestate = value;
        break;
      case "baggage":
        carrier.baggage = value;
        break;
      default:
        fail("unexpected header " + key);
    }
  };

  // ---- generators ------------------------------------------------------------------------------

  private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();
  private static final String NASTY = "0123456789abcdefABCDEF-,;=% \t\r\n\u0000@*/_\"\\+.:"
      + "\u00e9\u00ff\u0100\u20ac\uffff\ufffd\ud800\udc00\u007f\u0080";

  private final SplittableRandom random = new SplittableRandom(SEED);
  // separators of all three grammars: traceparent fields, list members, key and value, properties
  private final HeaderFuzzer fuzzer = new HeaderFuzzer(random, NASTY, "-", ",", "=", ";");

  private String validTraceparent() {
    int kind = random.nextInt(10);
    String version = kind < 7 ? "00" : kind < 9 ? fuzzer.hex(2) : "ff";
    String traceId = random.nextInt(200) == 0 ? "0".repeat(32) : fuzzer.hex(32);
    String spanId = random.nextInt(200) == 0 ? "0".repeat(16) : fuzzer.hex(16);
    String value = version + "-" + traceId + "-" + spanId + "-" + fuzzer.hex(2);
    if (!version.equals("00") && random.nextBoolean()) {
      value += "-" + fuzzer.hex(random.nextInt(20));
    }
    if (random.nextInt(10) == 0) {
      value = ows() + value + ows();
    }
    return value;
  }

  private String ows() {
    int n = random.nextInt(3);
    StringBuilder ows = new StringBuilder();
    for (int i = 0; i < n; i++) {
      ows.append(random.nextBoolean() ? ' ' : '\t');
    }
    return ows.toString();
  }

  private String lowerTokenish(int max) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
    int n = 1 + random.nextInt(max);
    StringBuilder s = new StringBuilder();
    s.append(chars.charAt(random.nextInt(26)));
    for (int i = 1; i < n; i++) {
      s.append(chars.charAt(random.nextInt(chars.length())));
    }
    return s.toString();
  }

  private String validTracestate() {
    int members = random.nextInt(40) == 0 ? 30 + random.nextInt(6) : random.nextInt(6);
    StringJoiner joined = new StringJoiner(",");
    for (int i = 0; i < members; i++) {
      String key = lowerTokenish(12);
      if (random.nextInt(4) == 0) {
        key += "@" + lowerTokenish(10);
      }
      StringBuilder value = new StringBuilder();
      int length = 1 + random.nextInt(16);
      for (int j = 0; j < length; j++) {
        char c = (char) (0x20 + random.nextInt(0x5f));
        value.append(c == ',' || c == '=' || (j == length - 1 && c == ' ') ? 'x' : c);
      }
      joined.add(ows() + key + "=" + value + ows());
      if (random.nextInt(8) == 0) {
        joined.add(ows());
      }
    }
    return joined.toString();
  }

  private String validBaggage() {
    int members = random.nextInt(40) == 0 ? 60 + random.nextInt(10) : random.nextInt(6);
    StringJoiner joined = new StringJoiner(",");
    String tchars = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (int i = 0; i < members; i++) {
      StringBuilder member = new StringBuilder(ows());
      int keyLength = 1 + random.nextInt(10);
      for (int j = 0; j < keyLength; j++) {
        member.append(tchars.charAt(random.nextInt(tchars.length())));
      }
      member.append(ows()).append('=').append(ows()).append(percentEncodeEverything(baggageText()));
      int properties = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
      for (int p = 0; p < properties; p++) {
        member.append(ows()).append(';').append(ows()).append("p").append(p);
        if (random.nextBoolean()) {
          member.append(ows()).append('=').append(ows()).append(percentEncodeEverything(baggageText()));
        }
      }
      joined.add(member.append(ows()).toString());
    }
    return joined.toString();
  }

  private String baggageText() {
    int length = random.nextInt(500) == 0 ? random.nextInt(3000) : random.nextInt(12);
    return W3CBaggagePropagatorTest.randomText(random, length);
  }

  /** Percent-encodes every character but letters and digits: a test-side encoder, not ours. */
  private static String percentEncodeEverything(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        out.append((char) c);
      } else {
        out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private String next(String valid) {
    // a tenth left as is, and a quarter of the mutated come out unchanged: about 30 % valid values,
    // 60 % damaged ones and 10 % random ones
    int kind = random.nextInt(10);
    String value = kind < 1 ? valid : kind < 9 ? fuzzer.mutate(valid) : fuzzer.randomValue(80);
    // huge: the value repeated as a list header would be when it is sent many times and joined
    return random.nextInt(20_000) == 0 ? fuzzer.huge(value + ",", 50_000, 350_000) : value;
  }

  // ---- the test --------------------------------------------------------------------------------

  @Test
  void overAMillionRandomAndMutatedHeaders_neverThrow_agreeWithTheReferenceParsers_andRoundTrip() {
    long started = System.nanoTime();
    long acceptedTraceparents = 0;
    long keptTracestates = 0;
    long acceptedBaggage = 0;
    for (int i = 0; i < ROUNDS; i++) {
      String traceparent = next(validTraceparent());
      String tracestate = next(validTracestate());
      String baggage = next(validBaggage());
      try {
        acceptedTraceparents += checkTraceparent(traceparent, tracestate) ? 1 : 0;
        keptTracestates += checkTracestate(tracestate) ? 1 : 0;
        acceptedBaggage += checkBaggage(baggage) ? 1 : 0;
        // each value through the other extractors too: a baggage value as traceparent and so on
        checkTraceparent(baggage, traceparent);
        checkBaggage(traceparent);
        checkBaggage(tracestate);
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError("round " + i + ": traceparent=" + quote(traceparent)
            + " tracestate=" + quote(tracestate) + " baggage=" + quote(baggage), e);
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("fuzz: %,d header values (%,d extractions) in %,d ms; accepted %,d of %,d traceparents,"
            + " %,d non-empty tracestates, %,d baggage headers%n",
        ROUNDS * 3L, ROUNDS * 6L, millis, acceptedTraceparents, ROUNDS, keptTracestates, acceptedBaggage);
    // the generators must exercise both outcomes, or the checks above prove little
    assertThat(acceptedTraceparents).isBetween(ROUNDS / 10L, ROUNDS * 9L / 10);
    assertThat(keptTracestates).isBetween(ROUNDS / 10L, ROUNDS * 9L / 10);
    assertThat(acceptedBaggage).isBetween(ROUNDS / 10L, ROUNDS * 9L / 10);
  }

  private static String quote(String s) {
    return s.length() > 300 ? "(" + s.length() + " chars)" : "\"" + s + "\"";
  }

  /** Extracts a traceparent; checks acceptance and re-injection against the reference. */
  private static boolean checkTraceparent(String traceparent, String tracestate) {
    Headers in = new Headers();
    in.traceparent = traceparent;
    in.tracestate = tracestate;
    Context root = Context.root();
    Context extracted = TRACE_CONTEXT.extract(root, in, GETTER);
    String expected = referenceTraceparent(traceparent);
    if (expected == null) {
      assertThat(extracted).isSameAs(root);
      return false;
    }
    SpanContext parent = Span.fromContext(extracted).spanContext();
    assertThat(parent.isRemote()).isTrue();
    assertThat(parent.traceFlags() & ~(TraceFlags.SAMPLED | TraceFlags.RANDOM)).isZero();
    Headers out = new Headers();
    TRACE_CONTEXT.inject(extracted, out, SETTER);
    assertThat(out.traceparent).isEqualTo(expected);
    assertThat(parent.traceState().toString()).isEqualTo(referenceTracestate(tracestate));
    if (out.tracestate != null) {
      Context again = TRACE_CONTEXT.extract(root, out, GETTER);
      assertThat(Span.fromContext(again).spanContext()).isEqualTo(parent);
    }
    return true;
  }

  private static final String VALID_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  /** Extracts a tracestate beside a valid traceparent; checks it against the reference. */
  private static boolean checkTracestate(String tracestate) {
    Headers in = new Headers();
    in.traceparent = VALID_TRACEPARENT;
    in.tracestate = tracestate;
    SpanContext parent = Span.fromContext(TRACE_CONTEXT.extract(Context.root(), in, GETTER)).spanContext();
    assertThat(parent.spanIdHex()).isEqualTo("00f067aa0ba902b7");
    String expected = referenceTracestate(tracestate);
    assertThat(parent.traceState().toString()).isEqualTo(expected);
    return !expected.isEmpty();
  }

  /** Extracts baggage; checks what was accepted survives inject and extract unchanged. */
  private static boolean checkBaggage(String header) {
    Headers in = new Headers();
    in.baggage = header;
    Context root = Context.root();
    Context extracted = BAGGAGE.extract(root, in, GETTER);
    if (extracted == root) {
      return false;
    }
    Baggage baggage = Baggage.fromContext(extracted);
    assertThat(baggage.size()).isBetween(1, W3CBaggagePropagator.MAX_MEMBERS);
    Headers out = new Headers();
    BAGGAGE.inject(extracted, out, SETTER);
    String injected = out.baggage;
    assertThat(injected).isNotNull();
    assertThat(injected.length()).isLessThanOrEqualTo(W3CBaggagePropagator.MAX_BYTES);
    for (int i = 0; i < injected.length(); i++) {
      char c = injected.charAt(i);
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        fail("injected a forbidden character " + (int) c + " in " + injected);
      }
    }
    Headers back = new Headers();
    back.baggage = injected;
    assertThat(Baggage.fromContext(BAGGAGE.extract(root, back, GETTER))).isEqualTo(baggage);
    return true;
  }

  @Test
  void theReferenceParsers_agreeWithTheSpecificationExamples() {
    List<String> valid = new ArrayList<>(List.of(
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", " cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-07-x "));
    List<String> invalid = List.of("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x,y",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01");

    assertThat(valid).allMatch(v -> referenceTraceparent(v) != null);
    assertThat(referenceTraceparent(valid.get(1))).endsWith("-03");
    assertThat(invalid).allMatch(v -> referenceTraceparent(v) == null);
    assertThat(referenceTracestate(" rojo=1 ,, congo=2,rojo=3")).isEqualTo("rojo=1,congo=2");
    assertThat(referenceTracestate("a@b@c=1")).isEqualTo("a@b@c=1");
    assertThat(referenceTracestate("@a=1")).isEmpty();
  }
}
