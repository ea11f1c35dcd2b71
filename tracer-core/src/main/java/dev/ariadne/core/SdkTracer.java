package dev.ariadne.core;

import dev.ariadne.api.SpanBuilder;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.export.InstrumentationScope;

/** The tracer of one instrumentation scope. */
final class SdkTracer implements Tracer {
  private static final String UNNAMED = "unnamed";

  private final TracerState state;
  private final InstrumentationScope scope;

  SdkTracer(TracerState state, InstrumentationScope scope) {
    this.state = state;
    this.scope = scope;
  }

  @Override
  public SpanBuilder span(String name) {
    String spanName;
    if (name == null || name.isBlank()) {
      state.invalidInput();
      spanName = UNNAMED;
    } else {
      spanName = Limits.truncate(name, state.limits.maxAttributeValueLength());
    }
    return new SdkSpanBuilder(state, scope, spanName);
  }

  @Override
  public String toString() {
    return "Tracer{" + scope + '}';
  }
}
