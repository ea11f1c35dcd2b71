package dev.ariadne.core.sampling;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanKind;
import java.util.List;

/** The samplers that always give the same answer. */
enum ConstantSampler implements Sampler {
  ALWAYS_ON(SamplingResult.recordAndSample(), "AlwaysOn"),
  ALWAYS_OFF(SamplingResult.drop(), "AlwaysOff");

  private final SamplingResult result;
  private final String description;

  ConstantSampler(SamplingResult result, String description) {
    this.result = result;
    this.description = description;
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    return result;
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
