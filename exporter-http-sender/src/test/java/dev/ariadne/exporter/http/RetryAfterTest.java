package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final long NOW = Instant.parse("2026-11-24T12:00:00Z").toEpochMilli();

  @Test
  void seconds_areReadAsADelay() {
    assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void httpDate_isReadRelativeToNow() {
    String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
        Instant.ofEpochMilli(NOW).plusSeconds(30).atZone(ZoneOffset.UTC));
    assertThat(RetryAfter.parse(in30s, NOW)).isEqualTo(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Tue, 24 Nov 2026 11:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
  }

  @Test
  void malformedValues_areIgnored() {
    assertThat(RetryAfter.parse(null, NOW)).isNull();
    assertThat(RetryAfter.parse("", NOW)).isNull();
    assertThat(RetryAfter.parse("-5", NOW)).isNull();
    assertThat(RetryAfter.parse("1.5", NOW)).isNull();
    assertThat(RetryAfter.parse("soon", NOW)).isNull();
    assertThat(RetryAfter.parse("9".repeat(100), NOW)).isNull();
  }

  @Test
  void hugeSeconds_meanAVeryLongTimeWithoutOverflow() {
    assertThat(RetryAfter.parse("99999999999999999999", NOW)).isGreaterThan(Duration.ofDays(365));
  }
}
