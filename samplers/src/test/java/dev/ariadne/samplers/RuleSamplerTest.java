package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Span;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RuleSamplerTest {
  static final String ISSUE_EXAMPLE =
      "/api/payment=0.5,/api/order=0.3,/api/user/login=0.2,/api/health=0.01,/api/metrics=0.01,*=0.1";

  @Test
  void howTo_sampleEachEndpointAtItsOwnRate_withUserTiers() {
    Sampler sampler = Sampler.parentBased(RuleSampler.parse(ISSUE_EXAMPLE
        + ",[user.tier=premium]=x1.5,[user.tier=standard]=x1.0,[user.tier=free]=x0.5"));
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (Tracing tracing = RatioSamplerTest.tracing(sampler, 9L, exporter)) {
      Tracer tracer = tracing.tracer("shop");
      int n = 20_000;
      int payments = 0;
      for (int i = 0; i < n; i++) {
        Span span = tracer.span("POST").attribute("http.route", "/api/payment").attribute("user.tier", "free").start();
        if (span.spanContext().isSampled()) {
          payments++;
        }
        span.end();
      }
      // 0.5 x 0.5 for free users
      assertThat((double) payments).isCloseTo(n * 0.25, offset(Decisions.fourSigma(n, 0.25)));
      SpanData kept = exporter.finishedSpans().get(0);
      assertThat(kept.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(0.25);
      assertThat(kept.attributes().get(SamplingAttributes.SAMPLER_PARAM)).isEqualTo(0.25);
    }
  }

  @Test
  void theIssuesExample_keepsEveryEndpointNearItsRate_withinFourSigma() {
    RuleSampler sampler = RuleSampler.parse(ISSUE_EXAMPLE);
    String[] endpoints = {"/api/payment", "/api/order", "/api/user/login", "/api/health", "/api/metrics", "/other"};
    double[] rates = {0.5, 0.3, 0.2, 0.01, 0.01, 0.1};
    SplittableRandom random = new SplittableRandom(11L);
    int n = 40_000;
    for (int e = 0; e < endpoints.length; e++) {
      Attributes attributes = Attributes.of("url.path", endpoints[e]);
      assertThat(sampler.rateFor("GET", attributes)).isEqualTo(rates[e]);
      int kept = 0;
      for (int i = 0; i < n; i++) {
        if (Decisions.kept(sampler, random.nextLong(), attributes)) {
          kept++;
        }
      }
      assertThat((double) kept).as(endpoints[e]).isCloseTo(n * rates[e], offset(Decisions.fourSigma(n, rates[e])));
    }
  }

  @Test
  void theFirstMatchingRuleWins() {
    RuleSampler specificFirst = RuleSampler.parse("/api/user/login=0.2,/api/user/*=0.7,*=0.1");
    RuleSampler broadFirst = RuleSampler.parse("/api/user/*=0.7,/api/user/login=0.2,*=0.1");
    Attributes login = Attributes.of("http.route", "/api/user/login");
    Attributes profile = Attributes.of("http.route", "/api/user/profile");
    assertThat(specificFirst.rateFor("GET", login)).isEqualTo(0.2);
    assertThat(specificFirst.rateFor("GET", profile)).isEqualTo(0.7);
    assertThat(broadFirst.rateFor("GET", login)).isEqualTo(0.7);
    assertThat(specificFirst.rateFor("GET", Attributes.of("http.route", "/api/users"))).isEqualTo(0.1);
    assertThat(specificFirst.rateFor("GET", Attributes.empty())).isEqualTo(0.1);
  }

  @Test
  void rulesOnDifferentTargets_areTriedInTheirOrder() {
    RuleSampler sampler = RuleSampler.parse(
        "[span.name~=health*]=0,[rpc.method=GetUser]=0.2,/api/*=0.6,[url.path^=/static/]=0.001,*=0.1");
    assertThat(sampler.rateFor("healthcheck", Attributes.of("http.route", "/api/x"))).isEqualTo(0.0);
    assertThat(sampler.rateFor("call", Attributes.of("rpc.method", "GetUser", "http.route", "/api/x"))).isEqualTo(0.2);
    assertThat(sampler.rateFor("call", Attributes.of("http.route", "/api/x"))).isEqualTo(0.6);
    assertThat(sampler.rateFor("GET", Attributes.of("url.path", "/static/app.js"))).isEqualTo(0.001);
  }

  @Test
  void aTierMultipliesTheRuleRate_andTheProductIsCappedAtOne() {
    RuleSampler sampler = RuleSampler.builder()
        .rule(Match.endpoint("/api/payment"), 0.8)
        .defaultRate(0.1)
        .tier(Match.attribute("user.tier").exact("premium"), 1.5)
        .tier(Match.attribute("user.tier").exact("standard"), 1.0)
        .tier(Match.attribute("user.tier").exact("free"), 0.5)
        .build();
    assertThat(sampler.rateFor("p", Attributes.of("http.route", "/api/payment", "user.tier", "premium"))).isEqualTo(1.0);
    assertThat(sampler.rateFor("p", Attributes.of("http.route", "/api/payment", "user.tier", "free"))).isEqualTo(0.4);
    assertThat(sampler.rateFor("p", Attributes.of("http.route", "/api/payment", "user.tier", "gold"))).isEqualTo(0.8);
    assertThat(sampler.rateFor("p", Attributes.of("http.route", "/x", "user.tier", "premium")))
        .isCloseTo(0.15, offset(1e-12));
    SplittableRandom random = new SplittableRandom(5L);
    Attributes capped = Attributes.of("http.route", "/api/payment", "user.tier", "premium");
    for (int i = 0; i < 10_000; i++) {
      SamplingResult result = Decisions.root(sampler, random.nextLong(), "p", capped);
      assertThat(result.attributes().get(SamplingAttributes.SAMPLING_RATE)).isEqualTo(1.0);
    }
  }

  @Test
  void aRuleDecidesExactlyAsTheRatioSamplerAtTheSameRate() {
    RuleSampler sampler = RuleSampler.parse(ISSUE_EXAMPLE + ",[user.tier=premium]=x1.5");
    RatioSampler payment = RatioSampler.create(0.5);
    RatioSampler premiumOrder = RatioSampler.create(0.3 * 1.5);
    Attributes paymentAttributes = Attributes.of("http.route", "/api/payment");
    Attributes premiumOrderAttributes = Attributes.of("http.route", "/api/order", "user.tier", "premium");
    SplittableRandom random = new SplittableRandom(8L);
    for (int i = 0; i < 50_000; i++) {
      long id = random.nextLong();
      assertThat(Decisions.kept(sampler, id, paymentAttributes)).isEqualTo(Decisions.kept(payment, id));
      assertThat(Decisions.kept(sampler, id, premiumOrderAttributes)).isEqualTo(Decisions.kept(premiumOrder, id));
    }
  }

  @Test
  void twoIndependentTracings_withTheSameRules_agreeOnEveryTrace() {
    String[] routes = {"/api/payment", "/api/order", "/api/health", "/other"};
    try (Tracing first = RatioSamplerTest.tracing(Sampler.parentBased(RuleSampler.parse(ISSUE_EXAMPLE)), 21L,
            InMemorySpanExporter.create());
        Tracing second = RatioSamplerTest.tracing(Sampler.parentBased(RuleSampler.parse(ISSUE_EXAMPLE)), 21L,
            InMemorySpanExporter.create())) {
      int kept = 0;
      for (int i = 0; i < 20_000; i++) {
        String route = routes[i % routes.length];
        Span a = first.tracer("a").span("GET").attribute("http.route", route).start();
        Span b = second.tracer("b").span("GET").attribute("http.route", route).start();
        assertThat(b.spanContext().traceIdLow()).isEqualTo(a.spanContext().traceIdLow());
        assertThat(b.spanContext().isSampled()).isEqualTo(a.spanContext().isSampled());
        kept += a.spanContext().isSampled() ? 1 : 0;
        a.end();
        b.end();
      }
      // 5 000 roots per route at 0.5, 0.3, 0.01 and 0.1
      double expected = 5_000 * (0.5 + 0.3 + 0.01 + 0.1);
      double sigma = Math.sqrt(5_000 * (0.5 * 0.5 + 0.3 * 0.7 + 0.01 * 0.99 + 0.1 * 0.9));
      assertThat((double) kept).isCloseTo(expected, offset(4 * sigma));
    }
  }

  @Test
  void withoutADefault_unmatchedTracesAreAllKept_asWithNoSamplerAtAll() {
    assertThat(RuleSampler.parse("/api/health=0.01").rateFor("GET", Attributes.empty())).isEqualTo(1.0);
  }

  @Test
  void theDescriptionIsTheStringForm_andParsesBackToTheSameSampler() {
    RuleSampler sampler = RuleSampler.parse(" /api/payment = 0.5 , [rpc.method=Get]=0.2,[k^=a=b]]=1e-2,*=0.1,"
        + "[span.name~=x?]=x2");
    assertThat(sampler.description())
        .isEqualTo("Rules{/api/payment=0.5,[rpc.method=Get]=0.2,[k^=a=b]]=0.01,*=0.1,[span.name~=x?]=x2.0}");
    String inner = sampler.description().substring(6, sampler.description().length() - 1);
    assertThat(RuleSampler.parse(inner).description()).isEqualTo(sampler.description());
    assertThat(sampler.rateFor("x", Attributes.of("k", "a=b]c"))).as("patterns may hold '=' and ']'").isEqualTo(0.01);
  }

  @Test
  void decisionsAllocateNothing() {
    RuleSampler sampler = RuleSampler.parse(ISSUE_EXAMPLE + ",[user.tier=premium]=x1.5,[user.tier=free]=x0.5");
    Attributes attributes = Attributes.builder()
        .put("http.method", "GET").put("url.path", "/api/health").put("user.tier", "free").build();
    long sink = 0;
    for (int i = 0; i < 10_000; i++) {
      sink += Decisions.root(sampler, i, "GET", attributes).decision().ordinal();
    }
    long before = Decisions.allocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      sink += Decisions.root(sampler, i * 0x9E37_79B9_7F4A_7C15L, "GET", attributes).decision().ordinal();
    }
    long allocated = Decisions.allocatedBytes() - before;
    assertThat(sink).isPositive();
    assertThat(allocated).as("bytes for 100 000 decisions").isLessThan(100_000);
  }

  @Test
  void builderSettings_areCheckedNamingTheSetting() {
    assertThatThrownBy(() -> RuleSampler.builder().rule(Match.endpoint("/a"), 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rate of rule /a must be within [0, 1], was 2.0");
    assertThatThrownBy(() -> RuleSampler.builder().defaultRate(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("defaultRate must be within [0, 1], was -1.0");
    assertThatThrownBy(() -> RuleSampler.builder().tier(Match.endpoint("/a"), Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiplier of tier /a");
    assertThatThrownBy(() -> RuleSampler.builder().rule(null, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rule match must not be null");
    assertThatThrownBy(() -> RuleSampler.builder().rule(Match.endpoint("/a"), 0.5).rule(Match.endpoint("/a"), 0.1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("added twice");
  }

  @Test
  void endpointAndTierReadInOnePass_giveTheRateOfTheFirstMatchingRuleAndTier() {
    // the issue's shape takes the one-pass path; a naive first-match over the same matches is the oracle
    String[] routes = {"/api/payment", "/api/order", "/api/health", "/api/user/login", "/api/other", ""};
    String[] tiers = {"premium", "standard", "free", "gold"};
    String[] keys = {"http.route", "url.path", "user.tier", "http.method"};
    java.util.List<Match> ruleMatches = java.util.List.of(Match.endpoint("/api/payment"),
        Match.endpoint("/api/order"), Match.endpoint("/api/user/login"), Match.endpoint("/api/health"));
    double[] ruleRates = {0.5, 0.3, 0.2, 0.01};
    java.util.List<Match> tierMatches = java.util.List.of(Match.attribute("user.tier").exact("premium"),
        Match.attribute("user.tier").exact("standard"), Match.attribute("user.tier").exact("free"));
    double[] multipliers = {1.5, 1.0, 0.5};
    RuleSampler.Builder builder = RuleSampler.builder().defaultRate(0.1);
    for (int r = 0; r < ruleMatches.size(); r++) {
      builder.rule(ruleMatches.get(r), ruleRates[r]);
    }
    for (int t = 0; t < tierMatches.size(); t++) {
      builder.tier(tierMatches.get(t), multipliers[t]);
    }
    RuleSampler sampler = builder.build();
    SplittableRandom random = new SplittableRandom(2026_11_25L);
    for (int round = 0; round < 20_000; round++) {
      dev.ariadne.api.AttributeList attributes = new dev.ariadne.api.AttributeList(8, 1000);
      for (int k = 0; k < 6; k++) {
        String key = keys[random.nextInt(keys.length)];
        if (random.nextBoolean()) {
          key = new String(key); // a key that is not the interned literal
        }
        int kind = random.nextInt(6);
        if (kind == 0) {
          attributes.put(key, 42L);
        } else {
          String[] pool = key.equals("user.tier") ? tiers : routes;
          String value = pool[random.nextInt(pool.length)];
          attributes.put(key, kind == 1 ? value : new String(value));
        }
      }
      double rate = 0.1;
      for (int r = 0; r < ruleMatches.size(); r++) {
        if (ruleMatches.get(r).matches("GET", attributes)) {
          rate = ruleRates[r];
          break;
        }
      }
      for (int t = 0; t < tierMatches.size(); t++) {
        if (tierMatches.get(t).matches("GET", attributes)) {
          rate = Math.min(1.0, rate * multipliers[t]);
          break;
        }
      }
      assertThat(sampler.rateFor("GET", attributes)).as("%s", attributes).isEqualTo(rate);
    }
  }
}
