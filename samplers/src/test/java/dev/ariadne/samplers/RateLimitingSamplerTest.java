package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.Clock;
import dev.ariadne.core.sampling.SamplingDecision;
import dev.ariadne.core.sampling.SamplingResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitingSamplerTest {

  @Test
  void aFullBucket_keepsTheBurstAtOnce_thenRefusesUntilTimePasses() {
    TestClock clock = new TestClock();
    RateLimitingSampler sampler = RateLimitingSampler.builder(10).burst(3).clock(clock).build();
    assertThat(keptOf(sampler, 10)).isEqualTo(3);
    clock.advance(Duration.ofMillis(99));
    assertThat(keptOf(sampler, 10)).isZero();
    clock.advance(Duration.ofMillis(1));
    assertThat(keptOf(sampler, 10)).isEqualTo(1);
  }

  @Test
  void overOneSecond_keepsExactlyTheRate_andAQuietPeriodRefillsNoMoreThanTheBurst() {
    TestClock clock = new TestClock();
    RateLimitingSampler sampler = RateLimitingSampler.builder(100).burst(5).clock(clock).build();
    keptOf(sampler, 5);
    int kept = 0;
    for (int ms = 0; ms < 1000; ms++) {
      clock.advance(Duration.ofMillis(1));
      kept += keptOf(sampler, 3);
    }
    assertThat(kept).isEqualTo(100);
    clock.advance(Duration.ofHours(1));
    assertThat(keptOf(sampler, 1000)).isEqualTo(5);
  }

  @Test
  void fractionalRates_keepOneTracePerInterval() {
    TestClock clock = new TestClock();
    RateLimitingSampler sampler = RateLimitingSampler.builder(0.5).clock(clock).build();
    assertThat(sampler.burst()).isEqualTo(1);
    assertThat(keptOf(sampler, 10)).isEqualTo(1);
    clock.advance(Duration.ofMillis(1999));
    assertThat(keptOf(sampler, 10)).isZero();
    clock.advance(Duration.ofMillis(1));
    assertThat(keptOf(sampler, 10)).isEqualTo(1);
  }

  @Test
  void zeroTracesPerSecond_keepsNothing() {
    RateLimitingSampler sampler = RateLimitingSampler.create(0);
    assertThat(keptOf(sampler, 1000)).isZero();
  }

  @Test
  void twoThreads_neverKeepMoreThanTheBudgetPlusTheBurst_andUseWhatTheyMay() throws Exception {
    // every read of this clock moves time on by 10 µs, so time is exactly reads x 10 µs
    AtomicLong nanos = new AtomicLong(5_000_000_000L);
    Clock ticking = new Clock() {
      @Override
      public long now() {
        return 0;
      }

      @Override
      public long nanoTime() {
        return nanos.addAndGet(10_000);
      }
    };
    int perSecond = 1_000;
    int burst = 50;
    RateLimitingSampler sampler = RateLimitingSampler.builder(perSecond).burst(burst).clock(ticking).build();
    long start = nanos.get();
    int callsPerThread = 500_000;
    long[] kept = new long[2];
    CountDownLatch go = new CountDownLatch(1);
    Thread[] threads = new Thread[2];
    for (int t = 0; t < 2; t++) {
      int me = t;
      threads[t] = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long mine = 0;
        for (int i = 0; i < callsPerThread; i++) {
          if (keptRoot(sampler)) {
            mine++;
          }
        }
        kept[me] = mine;
      });
      threads[t].start();
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double elapsedSeconds = (nanos.get() - start) / 1e9;
    long total = kept[0] + kept[1];
    assertThat(elapsedSeconds).isEqualTo(10.0);
    assertThat(total).isLessThanOrEqualTo((long) (burst + elapsedSeconds * perSecond));
    // requests every 10 µs against a 1 ms refill: every token is used, bar the last partial one
    assertThat(total).isGreaterThanOrEqualTo((long) (elapsedSeconds * perSecond));
  }

  @Test
  void onlyLocalRootsTakeTokens_childrenFollowTheirParent() {
    TestClock clock = new TestClock();
    RateLimitingSampler sampler = RateLimitingSampler.builder(1).burst(1).clock(clock).build();
    Context sampledLocal = Context.root().with(Span.wrap(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, TraceState.empty())));
    Context unsampledLocal = Context.root().with(Span.wrap(SpanContext.create(1, 2, 3, TraceFlags.NONE, TraceState.empty())));
    for (int i = 0; i < 10; i++) {
      assertThat(decide(sampler, sampledLocal)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
      assertThat(decide(sampler, unsampledLocal)).isEqualTo(SamplingDecision.DROP);
    }
    Context remote = Context.root().with(Span.wrap(
        SpanContext.createFromRemoteParent(1, 2, 3, TraceFlags.NONE, TraceState.empty())));
    assertThat(decide(sampler, remote)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(decide(sampler, Context.root())).isEqualTo(SamplingDecision.DROP);
  }

  @Test
  void keptRoots_carryJaegersRateLimitingTags_andNoSamplingRate() {
    RateLimitingSampler sampler = RateLimitingSampler.create(25);
    SamplingResult result = sampler.shouldSample(Context.root(), 1, 2, "s", SpanKind.SERVER, Attributes.empty(), List.of());
    assertThat(result.decision()).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
    assertThat(result.attributes().get(SamplingAttributes.SAMPLER_TYPE)).isEqualTo("ratelimiting");
    assertThat(result.attributes().get(SamplingAttributes.SAMPLER_PARAM)).isEqualTo(25.0);
    assertThat(result.attributes().get(SamplingAttributes.SAMPLING_RATE)).isNull();
    assertThat(sampler.description()).isEqualTo("RateLimiting{25.0/s, burst=25}");
  }

  @Test
  void decisionsAllocateNothing() {
    RateLimitingSampler sampler = RateLimitingSampler.create(1_000_000);
    keptOf(sampler, 10_000); // links the VarHandle call sites, which allocates once
    long before = Decisions.allocatedBytes();
    int kept = 0;
    for (int i = 0; i < 100_000; i++) {
      if (keptRoot(sampler)) {
        kept++;
      }
    }
    long allocated = Decisions.allocatedBytes() - before;
    assertThat(kept).isPositive();
    assertThat(allocated).as("bytes for 100 000 decisions").isLessThan(100_000);
  }

  @Test
  void badSettings_areRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RateLimitingSampler.create(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tracesPerSecond must be 0 or from one per day").hasMessageEndingWith("was -1.0");
    assertThatThrownBy(() -> RateLimitingSampler.create(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitingSampler.create(2e9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateLimitingSampler.builder(1).burst(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("burst must be >= 1, was 0");
    assertThatThrownBy(() -> RateLimitingSampler.builder(1).clock(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock must not be null");
  }

  private static int keptOf(RateLimitingSampler sampler, int calls) {
    int kept = 0;
    for (int i = 0; i < calls; i++) {
      if (keptRoot(sampler)) {
        kept++;
      }
    }
    return kept;
  }

  private static boolean keptRoot(RateLimitingSampler sampler) {
    return decide(sampler, Context.root()) == SamplingDecision.RECORD_AND_SAMPLE;
  }

  private static SamplingDecision decide(RateLimitingSampler sampler, Context parent) {
    return sampler.shouldSample(parent, 1, 2, "s", SpanKind.SERVER, Attributes.empty(), List.of()).decision();
  }
}
