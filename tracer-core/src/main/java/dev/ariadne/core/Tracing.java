package dev.ariadne.core;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Context;
import dev.ariadne.api.Tracer;
import dev.ariadne.api.TracerProvider;
import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.internal.Durations;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.core.sampling.Sampler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured tracing of one service: its resource, sampler, limits and span processors, and
 * the tracers that use them. Build one at start-up, share it, and shut it down on exit.
 *
 * <pre>{@code
 * InMemorySpanExporter exporter = InMemorySpanExporter.create();
 * Tracing tracing = Tracing.builder()
 *     .serviceName("checkout")
 *     .sampler(Sampler.parentBased(Sampler.traceIdRatio(0.1)))
 *     .addSpanProcessor(SimpleSpanProcessor.create(exporter))
 *     .mdcCorrelation(true)
 *     .build();
 * Tracer tracer = tracing.tracer("com.example.checkout");
 * ...
 * tracing.shutdown(Duration.ofSeconds(5));
 * }</pre>
 */
public final class Tracing implements TracerProvider, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final TracerState state;
  private final MdcScopeDecorator mdc;
  private final ConcurrentMap<InstrumentationScope, Tracer> tracers = new ConcurrentHashMap<>();
  private final AtomicBoolean shutdownStarted = new AtomicBoolean();
  private final ExportResult shutdownResult = ExportResult.pending();

  private Tracing(TracerState state, MdcScopeDecorator mdc) {
    this.state = state;
    this.mdc = mdc;
  }

  /** A builder with the defaults: parent-based always-on sampling, detected resource, no processors. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Tracer tracer(String instrumentationName) {
    return tracer(instrumentationName, null);
  }

  @Override
  public Tracer tracer(String instrumentationName, String version) {
    InstrumentationScope scope = InstrumentationScope.of(instrumentationName, version);
    return tracers.computeIfAbsent(scope, s -> new SdkTracer(state, s));
  }

  /** The resource every span of this tracing carries. */
  public Resource resource() {
    return state.resource;
  }

  /** The sampler in use. */
  public Sampler sampler() {
    return state.sampler;
  }

  /** The span limits in use. */
  public SpanLimits spanLimits() {
    return state.limits;
  }

  /** Counters of ignored input, failures and leaked spans. */
  public TracingStats stats() {
    return state.stats();
  }

  /**
   * Exports every span ended so far, waiting up to {@code timeout}; returns whether all of it
   * succeeded in time.
   */
  public boolean forceFlush(Duration timeout) {
    ExportResult result = offThread("flush", state.processor::forceFlush);
    boolean ok = result.await(timeout) && result.isSuccess();
    if (!ok) {
      LOG.debug("tracing flush {}", result.isDone() ? "failed" : "did not complete within " + Durations.readable(timeout),
          result.failureCause());
    }
    return ok;
  }

  /**
   * Flushes and shuts down the processors and exporters, waiting up to {@code timeout}; returns
   * whether that succeeded in time. Idempotent: later calls wait on the first one's result.
   * Spans started afterwards record nothing.
   */
  public boolean shutdown(Duration timeout) {
    if (shutdownStarted.compareAndSet(false, true)) {
      state.markShutdown();
      if (mdc != null) {
        Context.removeScopeDecorator(mdc);
      }
      shutdownResult.completeFrom(offThread("shutdown", state.processor::shutdown));
    }
    boolean ok = shutdownResult.await(timeout) && shutdownResult.isSuccess();
    TracingStats stats = state.stats();
    if (!shutdownResult.isDone()) {
      // the processors go on shutting down in the background and count what they could not export
      LOG.warn("tracing shutdown did not complete within {} (the exporter is still sending or retrying; "
          + "what it cannot send is counted in its processor's stats); {}", Durations.readable(timeout), stats);
    } else if (!ok) {
      LOG.warn("tracing shutdown failed; {}", stats, shutdownResult.failureCause());
    } else {
      LOG.debug("tracing shut down; {}", stats);
    }
    return ok;
  }

  /**
   * Runs a processor call on a thread of its own, so that the caller's timeout bounds it even when
   * a processor or exporter blocks; a throw or a null result is a failure.
   */
  private static ExportResult offThread(String what, Supplier<ExportResult> call) {
    ExportResult outcome = ExportResult.pending();
    Thread thread = new Thread(() -> {
      try {
        ExportResult result = call.get();
        if (result == null) {
          outcome.fail(new IllegalStateException("span processor " + what + " returned null"));
        } else {
          outcome.completeFrom(result);
        }
      } catch (RuntimeException | Error e) {
        outcome.fail(e);
      }
    }, "ariadne-tracing-" + what);
    thread.setDaemon(true);
    thread.start();
    return outcome;
  }

  /** Whether {@link #shutdown} was called. */
  public boolean isShutdown() {
    return state.isShutdown();
  }

  /** Shuts down, waiting up to ten seconds. */
  @Override
  public void close() {
    shutdown(CLOSE_TIMEOUT);
  }

  @Override
  public String toString() {
    return "Tracing{service=" + state.resource.serviceName() + ", sampler=" + state.sampler.description()
        + ", processor=" + state.processor + '}';
  }

  /** Configures a {@link Tracing}; every setting is checked when set, naming the setting on error. */
  public static final class Builder {
    // what the user set; merged over the detected resource at build(), so that building detects once
    private Resource resource = Resource.empty();
    private Sampler sampler = Sampler.parentBased(Sampler.alwaysOn());
    private IdGenerator idGenerator = IdGenerator.random();
    private Clock clock = Clock.system();
    private SpanLimits spanLimits = SpanLimits.defaults();
    private final List<SpanProcessor> processors = new ArrayList<>();
    private boolean mdcCorrelation;
    private LeakDetection leakDetection = LeakDetection.OFF;

    private Builder() {}

    /** The {@code service.name} every span carries; the name backends list the service under. */
    public Builder serviceName(String serviceName) {
      if (serviceName == null || serviceName.isBlank()) {
        throw new IllegalArgumentException("serviceName must not be blank");
      }
      resource = resource.merge(Resource.of(Attributes.of(Resource.SERVICE_NAME, serviceName)));
      return this;
    }

    /** Adds one resource attribute, such as {@code service.version} or {@code deployment.environment}. */
    public Builder resourceAttribute(String key, String value) {
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("resourceAttribute key must not be blank");
      }
      if (value == null) {
        throw new IllegalArgumentException("resourceAttribute value for '" + key + "' must not be null");
      }
      resource = resource.merge(Resource.of(Attributes.of(key, value)));
      return this;
    }

    /** Adds {@code resource}'s attributes over the detected ones (and over earlier settings on equal keys). */
    public Builder resource(Resource resource) {
      this.resource = this.resource.merge(require(resource, "resource"));
      return this;
    }

    /** The sampler deciding which spans are recorded and exported. */
    public Builder sampler(Sampler sampler) {
      this.sampler = require(sampler, "sampler");
      return this;
    }

    /** The source of trace and span ids. */
    public Builder idGenerator(IdGenerator idGenerator) {
      this.idGenerator = require(idGenerator, "idGenerator");
      return this;
    }

    /** The time source, for tests. */
    public Builder clock(Clock clock) {
      this.clock = require(clock, "clock");
      return this;
    }

    /** Caps on what one span may hold. */
    public Builder spanLimits(SpanLimits spanLimits) {
      this.spanLimits = require(spanLimits, "spanLimits");
      return this;
    }

    /** Adds a processor that sees every recording span start and end, in the order added. */
    public Builder addSpanProcessor(SpanProcessor processor) {
      processors.add(require(processor, "spanProcessor"));
      return this;
    }

    /** Whether the current span's ids are kept in the slf4j MDC (off by default). */
    public Builder mdcCorrelation(boolean enabled) {
      this.mdcCorrelation = enabled;
      return this;
    }

    /** Whether spans never ended are looked for, counted and logged (off by default). */
    public Builder leakDetection(LeakDetection mode) {
      this.leakDetection = require(mode, "leakDetection");
      return this;
    }

    /** The configured tracing. */
    public Tracing build() {
      SpanProcessor processor = processors.isEmpty()
          ? NoopProcessor.INSTANCE
          : SpanProcessor.composite(new ArrayList<>(processors));
      LeakDetector leaks = leakDetection == LeakDetection.OFF
          ? null
          : new LeakDetector(leakDetection == LeakDetection.ON_WITH_STACK_TRACES);
      TracerState state = new TracerState(clock, idGenerator, sampler, spanLimits, Resource.detect().merge(resource),
          processor, leaks);
      MdcScopeDecorator mdc = null;
      if (mdcCorrelation) {
        mdc = new MdcScopeDecorator();
        Context.addScopeDecorator(mdc);
      }
      return new Tracing(state, mdc);
    }

    private static <T> T require(T value, String setting) {
      if (value == null) {
        throw new IllegalArgumentException(setting + " must not be null");
      }
      return value;
    }
  }

  /** The processor used when none is configured. */
  private enum NoopProcessor implements SpanProcessor {
    INSTANCE;

    @Override
    public void onEnd(SpanData span) {}
  }
}
