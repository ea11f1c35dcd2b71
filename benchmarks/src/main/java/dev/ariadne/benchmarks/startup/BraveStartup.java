package dev.ariadne.benchmarks.startup;

import dev.ariadne.benchmarks.CountingExporters;
import zipkin2.reporter.brave.AsyncZipkinSpanHandler;

/** Brave's start-up: a tracer with the asynchronous Zipkin handler and a discarding sender, one span ended, shut down. */
public final class BraveStartup {
  private BraveStartup() {}

  /** Runs once and reports. */
  public static void main(String[] args) {
    AsyncZipkinSpanHandler handler = AsyncZipkinSpanHandler.create(new CountingExporters.Brave());
    brave.Tracing tracing = brave.Tracing.newBuilder().localServiceName("startup").traceId128Bit(true)
        .addSpanHandler(handler).build();
    tracing.tracer().nextSpan().name("first").start().finish();
    long ended = System.nanoTime();
    StartupChild.report(ended);
    tracing.close();
    handler.close();
  }
}
