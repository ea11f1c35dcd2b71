package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

  @ParameterizedTest(name = "\"{0}\" fails at index {1} ({2})")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "/api/payment=0.5,/api/health=abc,*=0.1 | 29 | rate 'abc' is not a number",
      "/api/payment=1.5                        | 13 | rate 1.5 is above 1",
      "/a=NaN                                  | 3  | rate 'NaN' is not a number",
      "/a=-0.1                                 | 3  | rate '-0.1' is not a number",
      "/a=0x1p-3                               | 4  | rate '0x1p-3' is not a number",
      "/a=0.5d                                 | 6  | rate '0.5d' is not a number",
      "/a=1e                                   | 4  | rate '1e' is not a number",
      "*=0.1,/api/x=0.5                        | 6  | a rule after the default '*' (index 0) would never match",
      "*=0.1,*=0.2                             | 6  | a second default; the first is at index 0",
      "*=x2                                    | 2  | the default '*' takes a rate, not a multiplier",
      "/a=0.1,,/b=0.2                          | 7  | empty entry",
      "/a=0.1,                                 | 6  | empty entry",
      "/a                                      | 0  | expected <pattern>=<rate>, found no '='",
      "=0.5                                    | 0  | missing pattern before '='",
      "/a=                                     | 2  | missing rate after '='",
      "/a=0.1,/a=0.2                           | 7  | duplicate rule",
      "[user.tier=premium=x1.5                 | 17 | expected ']' to close the selector",
      "[=v]=0.1                                | 1  | missing attribute key",
      "[k v=1]=0.1                             | 2  | a key may not contain blanks",
      "[k!v]=0.1                               | 1  | expected '=', '^=' or '~=' after the key",
      "[k^v]=0.1                               | 2  | expected '=' after '^'",
      "[k=]=0.1                                | 3  | empty pattern",
      "[k=v]                                   | 4  | expected '=<rate>' after the selector's ']'",
      "*=0.1,[user.tier=free]=xcheap           | 24 | multiplier 'xcheap' is not a number",
      "*=0.1,[t=a]=x1,[t=a]=x2                 | 15 | duplicate tier",
  })
  void aBadString_failsWithTheIndexAndTextOfTheBadPart(String rules, int index, String reason) {
    assertThatThrownBy(() -> RuleSampler.parse(rules))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad sampling rules at index " + index + " ")
        .hasMessageContaining(reason)
        .hasMessageContaining("\n  " + rules + "\n  " + " ".repeat(index) + "^");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"''", "'   '"})
  void anEmptyString_isRefusedWithAnExample(String rules) {
    assertThatThrownBy(() -> RuleSampler.parse(rules)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty").hasMessageContaining("*=0.1");
  }
}
