package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingDecision;
import dev.ariadne.core.sampling.SamplingResult;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Shorthands for asking a sampler about a root span directly. */
final class Decisions {
  private Decisions() {}

  static SamplingResult root(Sampler sampler, long traceIdLow, String name, Attributes attributes) {
    return sampler.shouldSample(Context.root(), 0x1234L, traceIdLow, name, SpanKind.SERVER, attributes, List.of());
  }

  static boolean kept(Sampler sampler, long traceIdLow) {
    return root(sampler, traceIdLow, "span", Attributes.empty()).decision() == SamplingDecision.RECORD_AND_SAMPLE;
  }

  static boolean kept(Sampler sampler, long traceIdLow, Attributes attributes) {
    return root(sampler, traceIdLow, "span", attributes).decision() == SamplingDecision.RECORD_AND_SAMPLE;
  }

  /** 4 standard deviations of a binomial count of n trials at probability p. */
  static double fourSigma(int n, double p) {
    return 4 * Math.sqrt(n * p * (1 - p));
  }

  /** Bytes allocated by this thread so far (HotSpot's per-thread counter). */
  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }
}
