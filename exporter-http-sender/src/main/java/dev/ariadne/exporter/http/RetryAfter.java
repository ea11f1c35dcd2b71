package dev.ariadne.exporter.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads an HTTP {@code Retry-After} value: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
final class RetryAfter {
  private RetryAfter() {}

  /**
   * The delay the value asks for, measured from {@code nowMillis}; null when the value is absent or
   * malformed (the caller then uses its own backoff). A date in the past means no delay.
   */
  static Duration parse(String value, long nowMillis) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty() || v.length() > 64) {
      return null;
    }
    if (isDigits(v)) {
      // more than ten digits cannot be a sensible delay; treat it as "a very long time"
      long seconds = v.length() > 10 ? Long.MAX_VALUE / 1_000_000_000L : Long.parseLong(v);
      return Duration.ofSeconds(Math.min(seconds, Long.MAX_VALUE / 1_000_000_000L));
    }
    try {
      long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      return Duration.ofMillis(Math.max(0, at - nowMillis));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isDigits(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
