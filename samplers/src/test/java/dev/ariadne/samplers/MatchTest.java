package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Attributes;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchTest {

  @Test
  void theEndpoint_isTheRouteWhenPresent_elseThePath() {
    Match login = Match.endpoint("/api/user/login");
    assertThat(login.matches("GET", Attributes.of("url.path", "/api/user/login"))).isTrue();
    assertThat(login.matches("GET", Attributes.of("http.route", "/api/user/login"))).isTrue();
    assertThat(login.matches("GET", Attributes.of("http.route", "/api/user/{id}", "url.path", "/api/user/login")))
        .as("the route wins over the path").isFalse();
    assertThat(login.matches("/api/user/login", Attributes.empty())).as("not the span name").isFalse();
  }

  @Test
  void exactPrefixAndGlob_compareAsTheirNamesSay() {
    Attributes attributes = Attributes.of("rpc.method", "GetUserProfile");
    assertThat(Match.attribute("rpc.method").exact("GetUserProfile").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").exact("GetUser").matches("x", attributes)).isFalse();
    assertThat(Match.attribute("rpc.method").prefix("GetUser").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("Get*Profile").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("Get*").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("*Profile").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("*User*").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("?etUserProfil?").matches("x", attributes)).isTrue();
    assertThat(Match.attribute("rpc.method").glob("Get?Profile").matches("x", attributes)).isFalse();
    assertThat(Match.attribute("other").glob("*").matches("x", attributes)).as("absent never matches").isFalse();
    assertThat(Match.attribute("rpc.method").prefix("Get*").matches("x", attributes)).as("a prefix is literal").isFalse();
    assertThat(Match.spanName().glob("GET /api/*").matches("GET /api/orders", Attributes.empty())).isTrue();
  }

  @Test
  void onlyStringValuesMatch() {
    Attributes attributes = Attributes.builder().put("http.status_code", 500L).put("flag", true).build();
    assertThat(Match.attribute("http.status_code").exact("500").matches("x", attributes)).isFalse();
    assertThat(Match.attribute("flag").glob("*").matches("x", attributes)).isFalse();
  }

  @Test
  void globMatching_agreesWithARegularExpressionOracle_onRandomInput() {
    SplittableRandom random = new SplittableRandom(42L);
    char[] patternChars = {'a', 'b', '/', '*', '?', '.'};
    char[] valueChars = {'a', 'b', '/', '.', '*'};
    for (int n = 0; n < 50_000; n++) {
      String glob = randomString(random, patternChars, 1 + random.nextInt(7));
      String value = randomString(random, valueChars, random.nextInt(10));
      boolean expected = toRegex(glob).matcher(value).matches();
      assertThat(Match.attribute("k").glob(glob).matches(value)).as("glob '%s' on '%s'", glob, value).isEqualTo(expected);
      assertThat(Match.globMatches(glob, value)).as("general glob '%s' on '%s'", glob, value).isEqualTo(expected);
    }
  }

  private static String randomString(SplittableRandom random, char[] alphabet, int length) {
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet[random.nextInt(alphabet.length)]);
    }
    return s.toString();
  }

  private static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  @Test
  void aMatchPrintsInTheStringForm() {
    assertThat(Match.endpoint("/api/*")).hasToString("/api/*");
    assertThat(Match.attribute("rpc.method").exact("Get")).hasToString("[rpc.method=Get]");
    assertThat(Match.attribute("url.path").prefix("/s/")).hasToString("[url.path^=/s/]");
    assertThat(Match.spanName().glob("GET *")).hasToString("[span.name~=GET *]");
    assertThat(Match.spanName().glob("a")).isEqualTo(Match.spanName().glob("a")).isNotEqualTo(Match.spanName().exact("a"));
  }

  @Test
  void emptyPatternsAndBlankKeys_areRefused() {
    assertThatThrownBy(() -> Match.endpoint("")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pattern must not be empty");
    assertThatThrownBy(() -> Match.attribute(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute key must not be blank");
    assertThatThrownBy(() -> Match.spanName().exact(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
