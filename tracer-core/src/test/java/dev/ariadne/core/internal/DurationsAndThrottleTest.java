package dev.ariadne.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DurationsAndThrottleTest {
  @Test
  void durationsInLogLinesReadAsPeopleWriteThem() {
    assertThat(Durations.readable(Duration.ofSeconds(10))).isEqualTo("10 s");
    assertThat(Durations.readable(Duration.ofMillis(250))).isEqualTo("250 ms");
    assertThat(Durations.readable(Duration.ofMillis(300))).isEqualTo("300 ms");
    assertThat(Durations.readable(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    assertThat(Durations.readable(Duration.ZERO)).isEqualTo("0 s");
  }

  @Test
  void throttle_letsTheFirstThrough_thenNothingWithinTheInterval() {
    LogThrottle throttle = new LogThrottle(Duration.ofHours(1).toNanos());
    assertThat(throttle.allow()).isTrue();
    assertThat(throttle.allow()).isFalse();
    LogThrottle always = new LogThrottle(0);
    assertThat(always.allow()).isTrue();
    assertThat(always.allow()).isTrue();
  }

  @Test
  void throttle_racingThreads_getOneMessageBetweenThem() throws InterruptedException {
    LogThrottle throttle = new LogThrottle(Duration.ofHours(1).toNanos());
    AtomicInteger allowed = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        for (int i = 0; i < 10_000; i++) {
          if (throttle.allow()) {
            allowed.incrementAndGet();
          }
        }
      });
      threads[t].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(allowed.get()).isEqualTo(1);
  }
}
