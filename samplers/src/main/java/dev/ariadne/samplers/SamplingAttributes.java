package dev.ariadne.samplers;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.core.sampling.SamplingDecision;
import dev.ariadne.core.sampling.SamplingResult;

/**
 * The attributes this module's samplers put on the local root span of every trace they keep, so a
 * backend can extrapolate from the kept traces to all of them.
 *
 * <p>Two conventions are written side by side:
 * <ul>
 *   <li>{@value #SAMPLING_RATE}: the probability (0 to 1) with which the trace was kept; a
 *       backend counts each kept trace as {@code 1 / rate} traces. Absent when no probability
 *       applies (rate limiting).</li>
 *   <li>Jaeger's {@value #SAMPLER_TYPE} and {@value #SAMPLER_PARAM}: {@code "probabilistic"} with
 *       the rate (ratio, rule and adaptive samplers), or {@code "ratelimiting"} with the traces per
 *       second (rate-limiting sampler). Jaeger exporters map these to the process tags Jaeger's UI
 *       and adaptive sampling read.</li>
 * </ul>
 * The adaptive sampler also writes {@value #SAMPLING_REASON} ({@code "error"} or {@code
 * "latency"}) on a trace it kept because of what happened in it.
 *
 * <p>"Local root" means the first span of the trace in this process: one without a parent or with
 * a parent from another process. Its children are kept with it and carry nothing extra.
 */
public final class SamplingAttributes {
  /** The probability with which the trace was kept, a double in [0, 1]. */
  public static final String SAMPLING_RATE = "sampling.rate";
  /** Jaeger's sampler type: {@value #PROBABILISTIC} or {@value #RATE_LIMITING}. */
  public static final String SAMPLER_TYPE = "sampler.type";
  /** Jaeger's sampler parameter, a double: the rate, or the traces per second. */
  public static final String SAMPLER_PARAM = "sampler.param";
  /** Why the adaptive sampler kept a trace it had buffered: {@value #REASON_ERROR} or {@value #REASON_LATENCY}. */
  public static final String SAMPLING_REASON = "sampling.reason";

  /** The {@value #SAMPLER_TYPE} of samplers that keep a fraction of traces. */
  public static final String PROBABILISTIC = "probabilistic";
  /** The {@value #SAMPLER_TYPE} of the rate-limiting sampler. */
  public static final String RATE_LIMITING = "ratelimiting";
  /** The {@value #SAMPLING_REASON} of a trace kept because a span failed. */
  public static final String REASON_ERROR = "error";
  /** The {@value #SAMPLING_REASON} of a trace kept because its local root was slow. */
  public static final String REASON_LATENCY = "latency";

  private SamplingAttributes() {}

  /** The attributes of a trace kept with probability {@code rate}. */
  static Attributes probabilistic(double rate) {
    return Attributes.builder()
        .put(SAMPLING_RATE, rate)
        .put(SAMPLER_TYPE, PROBABILISTIC)
        .put(SAMPLER_PARAM, rate)
        .build();
  }

  /** A shared result that records and samples a local root kept with probability {@code rate}. */
  static SamplingResult sampledAt(double rate) {
    return SamplingResult.of(SamplingDecision.RECORD_AND_SAMPLE, probabilistic(rate), null);
  }

  /**
   * A shared RECORD_ONLY result whose attributes say the trace's base rate is {@code rate}: the
   * adaptive sampler's local roots carry it until the trace is decided.
   */
  static SamplingResult recordedAt(double rate) {
    return SamplingResult.of(SamplingDecision.RECORD_ONLY, probabilistic(rate), null);
  }

  /**
   * Whether a span with this parent is the local root of its trace: the parent is missing or came
   * from another process. Only local roots carry the sampling attributes.
   */
  static boolean isLocalRoot(Context parentContext) {
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    return !parent.isValid() || parent.isRemote();
  }
}
