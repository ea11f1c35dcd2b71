package dev.ariadne.core.export;

import dev.ariadne.api.Context;
import java.util.ArrayList;
import java.util.List;

/** Several processors as one; only those that need {@code onStart} are called for it. */
final class CompositeSpanProcessor implements SpanProcessor {
  private final SpanProcessor[] all;
  private final SpanProcessor[] onStart;

  private CompositeSpanProcessor(List<SpanProcessor> processors) {
    this.all = processors.toArray(new SpanProcessor[0]);
    List<SpanProcessor> starting = new ArrayList<>();
    for (SpanProcessor p : processors) {
      if (p.isStartRequired()) {
        starting.add(p);
      }
    }
    this.onStart = starting.toArray(new SpanProcessor[0]);
  }

  static SpanProcessor of(List<SpanProcessor> processors) {
    if (processors == null) {
      throw new IllegalArgumentException("processors must not be null");
    }
    List<SpanProcessor> flat = new ArrayList<>();
    for (SpanProcessor p : processors) {
      if (p == null) {
        throw new IllegalArgumentException("processors must not contain null");
      }
      if (p instanceof CompositeSpanProcessor) {
        flat.addAll(List.of(((CompositeSpanProcessor) p).all));
      } else {
        flat.add(p);
      }
    }
    return flat.size() == 1 ? flat.get(0) : new CompositeSpanProcessor(flat);
  }

  @Override
  public void onStart(Context parentContext, ReadWriteSpan span) {
    RuntimeException first = null;
    for (SpanProcessor p : onStart) {
      try {
        p.onStart(parentContext, span);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public boolean isStartRequired() {
    return onStart.length > 0;
  }

  @Override
  public void onEnd(SpanData span) {
    // One failing processor must not keep the span from the others; the first failure is
    // rethrown afterwards so the tracer counts and logs it.
    RuntimeException first = null;
    for (SpanProcessor p : all) {
      try {
        p.onEnd(span);
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public ExportResult forceFlush() {
    List<ExportResult> results = new ArrayList<>();
    for (SpanProcessor p : all) {
      results.add(guard(p::forceFlush));
    }
    return ExportResult.all(results);
  }

  @Override
  public ExportResult shutdown() {
    List<ExportResult> results = new ArrayList<>();
    for (SpanProcessor p : all) {
      results.add(guard(p::shutdown));
    }
    return ExportResult.all(results);
  }

  /** Calls a processor's flush or shutdown; a throw or a null result counts as a failure. */
  static ExportResult guard(java.util.function.Supplier<ExportResult> call) {
    try {
      ExportResult result = call.get();
      return result == null ? ExportResult.failure() : result;
    } catch (RuntimeException e) {
      return ExportResult.failure(e);
    }
  }

  @Override
  public String toString() {
    return "CompositeSpanProcessor" + List.of(all);
  }
}
