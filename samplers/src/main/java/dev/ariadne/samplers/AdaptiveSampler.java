package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.core.sampling.Sampler;
import dev.ariadne.core.sampling.SamplingResult;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The head half of adaptive sampling: keeps traces already kept upstream (a sampled parent), and
 * records every other span RECORD_ONLY so that {@link TailProcessor} can decide once the local
 * root ends. A local root also carries its base rate in the sampling attributes, from a shared,
 * precomputed result, which is how the processor learns it.
 */
final class AdaptiveSampler implements Sampler {
  private final RuleSampler baseRules;
  private final SamplingResult baseResult;
  private final String description;
  final LongAdder keptByParent = new LongAdder();

  AdaptiveSampler(RuleSampler baseRules, double baseRate, String description) {
    this.baseRules = baseRules;
    this.baseResult = SamplingAttributes.recordedAt(baseRate);
    this.description = description;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    if (parent.isSampled()) {
      if (parent.isRemote()) {
        keptByParent.increment();
      }
      return SamplingResult.recordAndSample();
    }
    if (parent.isValid() && !parent.isRemote()) {
      return SamplingResult.recordOnly();
    }
    return baseRules != null ? baseRules.recordOnlyFor(name, attributes) : baseResult;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
