package dev.ariadne.core.sampling;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import java.util.List;

/**
 * Respects the decision already made upstream: a span with a parent asks the delegate for that
 * kind of parent (remote or local, sampled or not), a root span asks the root sampler.
 *
 * <pre>{@code
 * Sampler sampler = Sampler.parentBasedBuilder(Sampler.traceIdRatio(0.1))
 *     .remoteParentNotSampled(Sampler.traceIdRatio(0.01)) // still keep a few
 *     .build();
 * }</pre>
 */
public final class ParentBasedSampler implements Sampler {
  private final Sampler root;
  private final Sampler remoteParentSampled;
  private final Sampler remoteParentNotSampled;
  private final Sampler localParentSampled;
  private final Sampler localParentNotSampled;
  private final String description;

  private ParentBasedSampler(Builder b) {
    this.root = b.root;
    this.remoteParentSampled = b.remoteParentSampled;
    this.remoteParentNotSampled = b.remoteParentNotSampled;
    this.localParentSampled = b.localParentSampled;
    this.localParentNotSampled = b.localParentNotSampled;
    this.description = "ParentBased{root=" + root.description()
        + ", remoteParentSampled=" + remoteParentSampled.description()
        + ", remoteParentNotSampled=" + remoteParentNotSampled.description()
        + ", localParentSampled=" + localParentSampled.description()
        + ", localParentNotSampled=" + localParentNotSampled.description() + '}';
  }

  /** A builder whose spans without a parent are decided by {@code root}. */
  public static Builder builder(Sampler root) {
    return new Builder(root);
  }

  @Override
  public SamplingResult shouldSample(
      Context parentContext, long traceIdHigh, long traceIdLow, String name, SpanKind kind,
      Attributes attributes, List<Link> links) {
    SpanContext parent = Span.fromContext(parentContext).spanContext();
    Sampler delegate;
    if (!parent.isValid()) {
      delegate = root;
    } else if (parent.isRemote()) {
      delegate = parent.isSampled() ? remoteParentSampled : remoteParentNotSampled;
    } else {
      delegate = parent.isSampled() ? localParentSampled : localParentNotSampled;
    }
    return delegate.shouldSample(parentContext, traceIdHigh, traceIdLow, name, kind, attributes, links);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }

  /** Chooses the delegate for each kind of parent; unset ones follow the parent's sampled flag. */
  public static final class Builder {
    private final Sampler root;
    private Sampler remoteParentSampled = Sampler.alwaysOn();
    private Sampler remoteParentNotSampled = Sampler.alwaysOff();
    private Sampler localParentSampled = Sampler.alwaysOn();
    private Sampler localParentNotSampled = Sampler.alwaysOff();

    private Builder(Sampler root) {
      this.root = require(root, "root");
    }

    /** The sampler for spans whose parent came sampled from another process. */
    public Builder remoteParentSampled(Sampler sampler) {
      this.remoteParentSampled = require(sampler, "remoteParentSampled");
      return this;
    }

    /** The sampler for spans whose parent came unsampled from another process. */
    public Builder remoteParentNotSampled(Sampler sampler) {
      this.remoteParentNotSampled = require(sampler, "remoteParentNotSampled");
      return this;
    }

    /** The sampler for spans whose parent is a sampled span of this process. */
    public Builder localParentSampled(Sampler sampler) {
      this.localParentSampled = require(sampler, "localParentSampled");
      return this;
    }

    /** The sampler for spans whose parent is an unsampled span of this process. */
    public Builder localParentNotSampled(Sampler sampler) {
      this.localParentNotSampled = require(sampler, "localParentNotSampled");
      return this;
    }

    /** The configured sampler. */
    public ParentBasedSampler build() {
      return new ParentBasedSampler(this);
    }

    private static Sampler require(Sampler sampler, String setting) {
      if (sampler == null) {
        throw new IllegalArgumentException(setting + " sampler must not be null");
      }
      return sampler;
    }
  }
}
