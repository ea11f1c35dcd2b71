package dev.ariadne.core;

import dev.ariadne.api.AttributeList;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanProcessor;
import dev.ariadne.core.resource.Resource;
import dev.ariadne.core.sampling.Sampler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Configuration and counters shared by every tracer and span of one {@link Tracing}. */
final class TracerState {
  private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);

  final Clock clock;
  final IdGenerator idGenerator;
  final Sampler sampler;
  final SpanLimits limits;
  final Resource resource;
  final SpanProcessor processor;
  final boolean startRequired;
  final LeakDetector leakDetector;
  private volatile boolean shutdown;

  private final LongAdder invalidInputs = new LongAdder();
  private final LongAdder callsAfterEnd = new LongAdder();
  private final LongAdder processorFailures = new LongAdder();
  private final LongAdder samplerFailures = new LongAdder();
  private final AtomicBoolean processorFailureLogged = new AtomicBoolean();
  private final AtomicBoolean samplerFailureLogged = new AtomicBoolean();

  TracerState(Clock clock, IdGenerator idGenerator, Sampler sampler, SpanLimits limits, Resource resource,
      SpanProcessor processor, LeakDetector leakDetector) {
    this.clock = clock;
    this.idGenerator = idGenerator;
    this.sampler = sampler;
    this.limits = limits;
    this.resource = resource;
    this.processor = processor;
    this.startRequired = processor.isStartRequired();
    this.leakDetector = leakDetector;
  }

  AttributeList newAttributeList() {
    return new AttributeList(limits.maxAttributes(), limits.maxAttributeValueLength());
  }

  boolean isShutdown() {
    return shutdown;
  }

  void markShutdown() {
    shutdown = true;
  }

  void onEnd(SpanData span) {
    try {
      processor.onEnd(span);
    } catch (RuntimeException e) {
      processorFailed(e);
    }
  }

  void processorFailed(RuntimeException e) {
    processorFailures.increment();
    if (processorFailureLogged.compareAndSet(false, true)) {
      LOG.warn("a span processor threw; the span went on without it (logged once, counted in Tracing.stats())", e);
    }
  }

  void samplerFailed(RuntimeException e) {
    samplerFailures.increment();
    if (samplerFailureLogged.compareAndSet(false, true)) {
      // the class name, not description(): the failing sampler's own code is not to be trusted here
      LOG.warn("sampler {} failed; spans it failed on are dropped (logged once, counted in Tracing.stats())",
          sampler.getClass().getName(), e);
    }
  }

  void invalidInput() {
    invalidInputs.increment();
  }

  void callAfterEnd() {
    callsAfterEnd.increment();
  }

  TracingStats stats() {
    return new TracingStats(invalidInputs.sum(), callsAfterEnd.sum(), processorFailures.sum(),
        samplerFailures.sum(), leakDetector == null ? 0 : leakDetector.leakedCount());
  }
}
