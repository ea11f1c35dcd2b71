package dev.ariadne.core.sampling;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanKind;
import java.util.List;

/**
 * Decides at the start of each span whether it is dropped, recorded, or recorded and exported.
 *
 * <pre>{@code
 * Sampler sampler = Sampler.parentBased(Sampler.traceIdRatio(0.1)); // 10% of new traces
 * }</pre>
 *
 * <p>A sampler runs on the application thread for every span: it must be fast, must not block,
 * and should not allocate for its common answers (see {@link SamplingResult#drop()}). A sampler
 * that throws is treated as having answered DROP.
 */
public interface Sampler {

  /**
   * The decision for a new span.
   *
   * @param parentContext the context holding the parent span (invalid span for a root)
   * @param traceIdHigh the high 64 bits of the new span's trace id
   * @param traceIdLow the low 64 bits of the trace id, whose rightmost 56 bits are random
   * @param name the span's name
   * @param kind the span's kind
   * @param attributes the attributes set on the span builder
   * @param links the links set on the span builder
   */
  SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links);

  /** A short text naming the sampler and its settings, for logs. */
  String description();

  /** Samples every span. */
  static Sampler alwaysOn() {
    return ConstantSampler.ALWAYS_ON;
  }

  /** Samples no span. */
  static Sampler alwaysOff() {
    return ConstantSampler.ALWAYS_OFF;
  }

  /**
   * Samples a fraction {@code ratio} of traces, decided by the trace id's random bits so every
   * service with the same ratio makes the same decision; a trace kept at ratio r is kept at every
   * higher ratio.
   *
   * @throws IllegalArgumentException if ratio is not within [0, 1]
   */
  static Sampler traceIdRatio(double ratio) {
    return new TraceIdRatioSampler(ratio);
  }

  /** Follows the parent's sampled flag and asks {@code root} for spans without a parent. */
  static Sampler parentBased(Sampler root) {
    return ParentBasedSampler.builder(root).build();
  }

  /** A builder for a parent-based sampler with a delegate per kind of parent. */
  static ParentBasedSampler.Builder parentBasedBuilder(Sampler root) {
    return ParentBasedSampler.builder(root);
  }
}
