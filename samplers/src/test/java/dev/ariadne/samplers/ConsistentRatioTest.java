package dev.ariadne.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.core.sampling.Sampler;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConsistentRatioTest {

  @Test
  void theRuleAgreesWithCoresTraceIdRatio_onEveryRateAndTraceIdTried() {
    SplittableRandom random = new SplittableRandom(6L);
    double[] rates = new double[64];
    rates[0] = 0.0;
    rates[1] = 1.0;
    rates[2] = 0.5;
    rates[3] = Math.nextDown(1.0);
    rates[4] = Double.MIN_VALUE;
    rates[5] = 0x1p-56;
    for (int i = 6; i < rates.length; i++) {
      rates[i] = random.nextDouble();
    }
    for (double rate : rates) {
      Sampler core = Sampler.traceIdRatio(rate);
      long threshold = ConsistentRatio.threshold(rate);
      long[] ids = {0, 1, -1L, threshold, threshold - 1, threshold + 1, ConsistentRatio.RANDOM_BITS,
          ConsistentRatio.RANDOM_BITS + 1, Long.MIN_VALUE | (threshold - 1), Long.MIN_VALUE | threshold};
      for (long id : ids) {
        assertThat(ConsistentRatio.keeps(id, threshold)).as("rate %s, id %x", rate, id).isEqualTo(Decisions.kept(core, id));
      }
      for (int i = 0; i < 2_000; i++) {
        long id = random.nextLong();
        assertThat(ConsistentRatio.keeps(id, threshold)).as("rate %s, id %x", rate, id).isEqualTo(Decisions.kept(core, id));
      }
    }
  }

  @Test
  void theRuleReadsOnlyTheRightmost56Bits() {
    long threshold = ConsistentRatio.threshold(0.5);
    long low = 0x0012_3456_789A_BCDEL;
    for (int top = 0; top < 256; top++) {
      long id = ((long) top << 56) | low;
      assertThat(ConsistentRatio.keeps(id, threshold)).isEqualTo(ConsistentRatio.keeps(low, threshold));
    }
  }
}
