package dev.ariadne.instrumentation.jdkhttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSanitizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "https://example.com/a/b                          | https://example.com/a/b",
      "https://example.com/a?q=1&page=2#top             | https://example.com/a?q=1&page=2#top",
      "https://bob:pw@example.com:8443/x                | https://REDACTED:REDACTED@example.com:8443/x",
      "https://bob@example.com/x                        | https://REDACTED:REDACTED@example.com/x",
      "https://example.com/x?sig=abc                    | https://example.com/x?sig=REDACTED",
      "https://example.com/x?SIG=abc&q=1#frag           | https://example.com/x?SIG=REDACTED&q=1#frag",
      "https://example.com/x?q=1&AWSAccessKeyId=A&Signature=S | https://example.com/x?q=1&AWSAccessKeyId=REDACTED&Signature=REDACTED",
      "https://example.com/x?X-Goog-Signature=g&X-Amz-Credential=c | https://example.com/x?X-Goog-Signature=REDACTED&X-Amz-Credential=REDACTED",
      "https://example.com/x?password=p&api_key=k&apikey=k2&token=t | https://example.com/x?password=REDACTED&api_key=REDACTED&apikey=REDACTED&token=REDACTED",
      "https://u:p@[::1]:8080/x?secret=s                | https://REDACTED:REDACTED@[::1]:8080/x?secret=REDACTED",
  })
  void full_redactsCredentialsAndSensitiveQueryValues(String in, String expected) {
    assertThat(UrlSanitizer.full(URI.create(in))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(delimiter = '|', emptyValue = "", value = {
      "q=1                   | q=1",
      "token                 | token",
      "token=                | token=",
      "token=&q=1            | token=&q=1",
      "tokens=1&mytoken=2    | tokens=1&mytoken=2",
      "&&token=t&&           | &&token=REDACTED&&",
      "a=1&token=t           | a=1&token=REDACTED",
      "token=t=u&b=2         | token=REDACTED&b=2",
      "q=token%3Dt           | q=token%3Dt",
      "''                    | ''",
  })
  void query_redactsOnlyTheValuesOfWholeSensitiveNames(String in, String expected) {
    assertThat(UrlSanitizer.query(in)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"q=1&page=2", "token="})
  void query_withNothingToHide_isReturnedAsIs(String query) {
    assertThat(UrlSanitizer.query(query)).isSameAs(query);
  }
}
