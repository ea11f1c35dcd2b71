package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadableTimeoutTest {
  @Test
  void timeoutsInLogLinesReadAsPeopleWriteThem() {
    assertThat(Tracing.readable(Duration.ofSeconds(10))).isEqualTo("10 s");
    assertThat(Tracing.readable(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Tracing.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    assertThat(Tracing.readable(Duration.ZERO)).isEqualTo("0 s");
  }
}
