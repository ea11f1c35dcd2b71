package dev.ariadne.propagation.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Baggage;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JaegerBaggageTest {
  private static final JaegerPropagator JAEGER = JaegerPropagator.create();

  private static Context extract(Map<String, String> carrier) {
    return JAEGER.extract(Context.root(), carrier, TextMapGetter.forMap());
  }

  private static Map<String, String> inject(Baggage baggage) {
    Map<String, String> carrier = new LinkedHashMap<>();
    JAEGER.inject(Context.root().with(baggage), carrier, TextMapSetter.forMap());
    return carrier;
  }

  @Test
  void uberctxHeaders_becomeBaggageEntries() {
    Map<String, String> carrier = new LinkedHashMap<>();
    carrier.put("uber-trace-id", "abc:def:0:1");
    carrier.put("uberctx-user-id", "42");
    carrier.put("UberCtx-Tenant", "acme");
    carrier.put("content-type", "text/plain");

    Context context = extract(carrier);

    assertThat(Baggage.fromContext(context).asMap()).hasSize(2);
    assertThat(Baggage.fromContext(context).get("user-id")).isEqualTo("42");
    assertThat(Baggage.fromContext(context).get("tenant")).isEqualTo("acme");
    assertThat(Span.fromContext(context).spanContext().traceIdLow()).isEqualTo(0xabcL);
  }

  @Test
  void baggage_isExtractedEvenWhenTheTraceHeaderIsMalformed() {
    Context context = extract(Map.of("uber-trace-id", "garbage", "uberctx-k", "v"));

    assertThat(Baggage.fromContext(context).get("k")).isEqualTo("v");
    assertThat(Span.fromContext(context).spanContext().isValid()).isFalse();
  }

  @Test
  void extractedBaggage_isAddedToTheContextsBaggage() {
    Context before = Context.root().with(Baggage.empty().with("a", "1").with("k", "old"));

    Context after = JAEGER.extract(before, Map.of("uberctx-k", "new"), TextMapGetter.forMap());

    assertThat(Baggage.fromContext(after).get("a")).isEqualTo("1");
    assertThat(Baggage.fromContext(after).get("k")).isEqualTo("new");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "plain                  | plain",
      "a%20b                  | a b",
      "a+b                    | a b",
      "a%2Bb                  | a+b",
      "%E2%82%AC              | \u20ac",
      "%e2%82%ac              | \u20ac",
      "%F0%9F%98%80           | \ud83d\ude00",
      "100%                   | 100%",
      "%zz                    | %zz",
      "%4                     | %4",
      "%FF                    | \ufffd",
      "caf\u00e9              | caf\u00e9",
  })
  void uberctxValues_arePercentDecoded(String wire, String value) {
    Context context = extract(Map.of("uberctx-k", wire));

    assertThat(Baggage.fromContext(context).get("k")).isEqualTo(value);
  }

  @Test
  void encodedSurrogate_decodesToReplacementCharactersNeverToASurrogate() {
    String value = Baggage.fromContext(extract(Map.of("uberctx-k", "%ED%A0%80"))).get("k");

    assertThat(value).matches("\uFFFD+");
  }

  @Test
  void unpairedSurrogate_becomesReplacementCharacter() {
    Context context = extract(Map.of("uberctx-k", "a\ud800b", "uberctx-pair", "\ud83d\ude00"));

    assertThat(Baggage.fromContext(context).get("k")).isEqualTo("a\ufffdb");
    assertThat(Baggage.fromContext(context).get("pair")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void emptyValue_isKeptAndPrefixAlone_isIgnored() {
    Context context = extract(Map.of("uberctx-empty", "", "uberctx-", "nothing"));

    assertThat(Baggage.fromContext(context).asMap()).containsOnlyKeys("empty");
    assertThat(Baggage.fromContext(context).get("empty")).isEmpty();
  }

  @Test
  void keysThatCannotBeHeaderNames_areSkipped() {
    Map<String, String> carrier = new HashMap<>();
    carrier.put("uberctx-with space", "x");
    carrier.put("uberctx-colon:", "x");
    carrier.put("uberctx-caf\u00e9", "x");
    carrier.put("uberctx-ok", "y");

    assertThat(Baggage.fromContext(extract(carrier)).asMap()).containsOnlyKeys("ok");
  }

  @Test
  void noBaggageHeaders_leaveTheContextUnchanged() {
    Context before = Context.root();

    assertThat(JAEGER.extract(before, Map.of("other", "x"), TextMapGetter.forMap())).isSameAs(before);
  }

  @Test
  void legacyHeader_isReadAndUberctxWinsForTheSameKey() {
    Map<String, String> carrier = new LinkedHashMap<>();
    carrier.put("jaeger-baggage", " k1 = v1 ,k2=v2=x, broken, =nokey, bad key=1,, k3 = a b ");
    carrier.put("uberctx-k1", "override");

    Baggage baggage = Baggage.fromContext(extract(carrier));

    assertThat(baggage.asMap()).containsOnlyKeys("k1", "k2", "k3");
    assertThat(baggage.get("k1")).isEqualTo("override");
    assertThat(baggage.get("k2")).isEqualTo("v2=x");
    assertThat(baggage.get("k3")).isEqualTo("a b");
  }

  @Test
  void legacyHeaderValues_areNotPercentDecoded() {
    assertThat(Baggage.fromContext(extract(Map.of("jaeger-baggage", "k=a%20b+c"))).get("k")).isEqualTo("a%20b+c");
  }

  @Test
  void inject_writesOneEncodedHeaderPerEntryWithLowercaseKeys() {
    Baggage baggage = Baggage.empty().with("user-id", "42").with("Tenant", "acme corp").with("note", "caf\u00e9+50%");

    assertThat(inject(baggage)).containsExactly(
        Map.entry("uberctx-user-id", "42"),
        Map.entry("uberctx-tenant", "acme%20corp"),
        Map.entry("uberctx-note", "caf%C3%A9%2B50%25"));
  }

  @Test
  void inject_encodesControlCharactersSoNoHeaderCanBeSmuggled() {
    Map<String, String> carrier = inject(Baggage.empty().with("k", "a\r\nx-evil: 1"));

    assertThat(carrier).containsExactly(Map.entry("uberctx-k", "a%0D%0Ax-evil%3A%201"));
  }

  @Test
  void inject_skipsKeysThatCannotBeHeaderNames() {
    Map<String, String> carrier = inject(Baggage.empty().with("bad key", "1").with("bad\nkey", "2").with("ok", "3"));

    assertThat(carrier).containsOnlyKeys("uberctx-ok");
  }

  @Test
  void inject_encodesUnpairedSurrogatesAsReplacementCharacter() {
    assertThat(inject(Baggage.empty().with("k", "\ud800"))).containsEntry("uberctx-k", "%EF%BF%BD");
  }

  @Test
  void roundTrip_keepsEveryValue() {
    Baggage baggage = Baggage.empty()
        .with("a", "plain").with("b", "with space").with("c", "+%&=,;\"'").with("d", "\u20ac\ud83d\ude00")
        .with("e", "").with("f", "\r\n\t\u0000").with("g", "caf\u00e9");

    Map<String, String> carrier = inject(baggage);

    assertThat(Baggage.fromContext(extract(carrier))).isEqualTo(baggage);
  }

  @Test
  void extract_stopsAtTheEntryLimit() {
    Map<String, String> carrier = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      carrier.put("uberctx-k" + i, "v");
    }

    assertThat(Baggage.fromContext(extract(carrier)).size()).isEqualTo(JaegerPropagator.MAX_BAGGAGE_ENTRIES);
  }

  @Test
  void extract_skipsEntriesBeyondTheSizeLimit() {
    Map<String, String> carrier = new LinkedHashMap<>();
    carrier.put("uberctx-big", "x".repeat(JaegerPropagator.MAX_BAGGAGE_CHARS));
    carrier.put("uberctx-small", "y");

    assertThat(Baggage.fromContext(extract(carrier)).asMap()).containsOnlyKeys("small");
  }

  @Test
  void inject_stopsAtTheLimits() {
    Baggage many = Baggage.empty();
    for (int i = 0; i < 100; i++) {
      many = many.with("k" + i, "v");
    }
    Baggage big = Baggage.empty().with("big", "x".repeat(JaegerPropagator.MAX_BAGGAGE_CHARS)).with("small", "y");

    assertThat(inject(many)).hasSize(JaegerPropagator.MAX_BAGGAGE_ENTRIES);
    assertThat(inject(big)).containsOnlyKeys("uberctx-small");
  }
}
