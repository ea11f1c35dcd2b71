package dev.ariadne.api;

/** Hands out tracers, one per instrumentation name; the entry point libraries take as a parameter. */
public interface TracerProvider {

  /** The tracer for {@code instrumentationName} (a library or package name). */
  Tracer tracer(String instrumentationName);

  /** The tracer for {@code instrumentationName} at {@code version}. */
  Tracer tracer(String instrumentationName, String version);

  /** A provider of no-op tracers, for when tracing is not configured. */
  static TracerProvider noop() {
    return NoopTracer.PROVIDER;
  }
}
