package dev.ariadne.core.sampling;

/** What a sampler decided for a new span. */
public enum SamplingDecision {
  /** Record nothing: the span is a no-op that only carries its context. */
  DROP,
  /** Record the span for in-process use (processors see it) but do not export it or set the sampled flag. */
  RECORD_ONLY,
  /** Record the span, set the sampled flag, and export it. */
  RECORD_AND_SAMPLE
}
