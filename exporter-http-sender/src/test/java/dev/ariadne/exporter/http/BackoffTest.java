package dev.ariadne.exporter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delays_doubleWithJitterAndStopAtTheMaximum() {
    Backoff backoff = new Backoff(100, 1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(backoff.delayNanos(1)).isBetween(50L, 100L);
      assertThat(backoff.delayNanos(2)).isBetween(100L, 200L);
      assertThat(backoff.delayNanos(4)).isBetween(400L, 800L);
      assertThat(backoff.delayNanos(5)).isBetween(500L, 1000L);
      assertThat(backoff.delayNanos(Integer.MAX_VALUE)).isBetween(500L, 1000L);
    }
  }

  @Test
  void hugeValues_doNotOverflow() {
    Backoff backoff = new Backoff(Long.MAX_VALUE / 4, Long.MAX_VALUE);
    assertThat(backoff.delayNanos(10)).isPositive();
  }
}
