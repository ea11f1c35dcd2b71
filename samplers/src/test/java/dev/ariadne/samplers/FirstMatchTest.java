package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.AttributeList;
import dev.ariadne.api.Attributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The table for runs of exact matches must give the answer of a plain in-order scan, always. */
class FirstMatchTest {

  private static FirstMatch of(Match... matches) {
    return new FirstMatch(List.of(matches), new HashMap<>());
  }

  private static Attributes endpoint(String path) {
    return Attributes.of("url.path", path);
  }

  /** The reference: the index of the first match, or the number of matches. */
  private static int naive(List<Match> matches, String name, Attributes attributes) {
    for (int i = 0; i < matches.size(); i++) {
      if (matches.get(i).matches(name, attributes)) {
        return i;
      }
    }
    return matches.size();
  }

  @Test
  void anExactRuleAfterAPrefixThatAlsoMatches_losesToThePrefix() {
    FirstMatch rules = of(Match.endpoint("/api/a"), Match.endpoint("/api/*"), Match.endpoint("/api/b"),
        Match.endpoint("/api/c"), Match.endpoint("/api/d"), Match.endpoint("/x"));
    assertThat(rules.find("GET", endpoint("/api/a"))).isEqualTo(0);
    assertThat(rules.find("GET", endpoint("/api/c"))).isEqualTo(1);
    assertThat(rules.find("GET", endpoint("/x"))).isEqualTo(5);
    assertThat(rules.find("GET", endpoint("/y"))).isEqualTo(6);
  }

  @Test
  void theSameLiteralTwiceInARun_theFirstWins() {
    // exact and glob-without-wildcards are different matches with the same literal
    RuleSampler sampler = RuleSampler.builder()
        .rule(Match.spanName().exact("x"), 0.1)
        .rule(Match.spanName().exact("y"), 0.2)
        .rule(Match.spanName().glob("x"), 0.3)
        .rule(Match.spanName().exact("z"), 0.4)
        .rule(Match.spanName().glob("y"), 0.5)
        .defaultRate(0.9)
        .build();
    assertThat(sampler.rateFor("x", Attributes.empty())).isEqualTo(0.1);
    assertThat(sampler.rateFor("y", Attributes.empty())).isEqualTo(0.2);
    assertThat(sampler.rateFor("z", Attributes.empty())).isEqualTo(0.4);
    assertThat(sampler.rateFor("w", Attributes.empty())).isEqualTo(0.9);
  }

  @Test
  void exactRunsOnDifferentTargets_interleaved_keepTheirOrder() {
    FirstMatch rules = of(
        Match.attribute("a").exact("1"), Match.attribute("a").exact("2"), Match.attribute("a").exact("3"),
        Match.attribute("b").exact("1"), Match.attribute("b").exact("2"), Match.attribute("b").exact("3"),
        Match.attribute("a").exact("4"), Match.attribute("a").exact("5"), Match.attribute("a").exact("6"));
    assertThat(rules.find("n", Attributes.of("a", "2", "b", "1"))).isEqualTo(1);
    assertThat(rules.find("n", Attributes.of("a", "5", "b", "1"))).isEqualTo(3);
    assertThat(rules.find("n", Attributes.of("a", "5", "b", "9"))).isEqualTo(7);
    assertThat(rules.find("n", Attributes.of("b", "3"))).isEqualTo(5);
    assertThat(rules.find("n", Attributes.of("a", "9", "b", "9"))).isEqualTo(9);
  }

  @Test
  void literalsWithTheSameHashCode_areToldApart() {
    assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode()).isEqualTo("AaBB".hashCode());
    FirstMatch rules = of(Match.endpoint("AaAa"), Match.endpoint("BBBB"), Match.endpoint("AaBB"), Match.endpoint("x"));
    assertThat(rules.find("GET", endpoint(new String("AaAa")))).isEqualTo(0);
    assertThat(rules.find("GET", endpoint(new String("BBBB")))).isEqualTo(1);
    assertThat(rules.find("GET", endpoint("AaBB"))).isEqualTo(2);
    assertThat(rules.find("GET", endpoint("BBAa"))).isEqualTo(4); // same hash, no rule
  }

  @Test
  void valuesThatMatchNothing_absentValues_andEmptyValues_fallThrough() {
    FirstMatch rules = of(Match.endpoint("/a"), Match.endpoint("/b"), Match.endpoint("/c"), Match.spanName().exact("GET"));
    assertThat(rules.find("GET", endpoint("/d"))).isEqualTo(3);
    assertThat(rules.find("GET", endpoint(""))).isEqualTo(3);
    assertThat(rules.find("GET", Attributes.empty())).isEqualTo(3);
    assertThat(rules.find(null, Attributes.empty())).isEqualTo(4);
    assertThat(rules.find("", Attributes.empty())).isEqualTo(4);
    assertThat(rules.find("GET", new AttributeList(8, 100).put("url.path", 42L))).isEqualTo(3);
    assertThat(of().find("GET", endpoint("/a"))).isEqualTo(0);
  }

  @Test
  void theEndpoint_isTheRouteElseThePath_whateverTheirOrderAndKeyInstances() {
    FirstMatch rules = of(Match.endpoint("/route"), Match.endpoint("/path"), Match.endpoint("/other"));
    assertThat(rules.find("n", Attributes.of("url.path", "/path", "http.route", "/route"))).isEqualTo(0);
    assertThat(rules.find("n", Attributes.of(new String("url.path"), "/path"))).isEqualTo(1);
    assertThat(rules.find("n", Attributes.of(new String("http.route"), "/route", "url.path", "/path"))).isEqualTo(0);
    // a route that is not a string does not count; the path then does, wherever it is
    assertThat(rules.find("n", new AttributeList(8, 100).put("url.path", "/path").put("http.route", 1L))).isEqualTo(1);
    assertThat(rules.find("n", new AttributeList(8, 100).put("http.route", 1L).put("url.path", "/path"))).isEqualTo(1);
    assertThat(rules.find("n", new AttributeList(8, 100).put("http.route", 1L))).isEqualTo(3);
  }

  @Test
  void randomRuleLists_agreeWithANaiveFirstMatchScan() {
    SplittableRandom random = new SplittableRandom(20261125L);
    // several literals of one length, alike at most positions, so tables must tell them apart by
    // more than one character
    String[] literals = {"a", "b", "ab", "abc", "AaAa", "BBBB", "AaBB", "abcd", "abce", "xbcd", "abxd",
        "/api/x", "/api/y", "x", "", "é", "\uffff"};
    String[] keys = {"k1", "k2", "url.path", "http.route"};
    for (int round = 0; round < 2_000; round++) {
      List<Match> matches = new ArrayList<>();
      int n = random.nextInt(12);
      while (matches.size() < n) {
        Match m = randomMatch(random, literals, keys);
        if (!matches.contains(m)) {
          matches.add(m);
        }
      }
      FirstMatch firstMatch = new FirstMatch(matches, new HashMap<>());
      for (int probe = 0; probe < 50; probe++) {
        String name = random.nextInt(8) == 0 ? null : pick(random, literals);
        AttributeList attributes = new AttributeList(8, 100);
        for (String key : keys) {
          int choice = random.nextInt(5);
          if (choice == 0) {
            attributes.put(key, pick(random, literals));
          } else if (choice == 1) {
            attributes.put(new String(key), new String(pick(random, literals))); // fresh key and value
          } else if (choice == 2) {
            attributes.put(key, 7L);
          }
        }
        assertThat(firstMatch.find(name, attributes))
            .as("%s on name %s and %s", matches, name, attributes)
            .isEqualTo(naive(matches, name, attributes));
      }
    }
  }

  private static Match randomMatch(SplittableRandom random, String[] literals, String[] keys) {
    String literal = pick(random, literals);
    if (literal.isEmpty()) {
      literal = "a";
    }
    int target = random.nextInt(4);
    if (target == 0) {
      return Match.endpoint(random.nextInt(4) == 0 ? literal + "*" : literal);
    }
    Match.Target t = target == 1 ? Match.spanName() : Match.attribute(keys[random.nextInt(keys.length)]);
    switch (random.nextInt(6)) {
      case 0:
        return t.prefix(literal);
      case 1:
        return t.glob("*" + literal);
      case 2:
        return t.glob(literal);
      default:
        return t.exact(literal); // mostly exact, so runs form
    }
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
