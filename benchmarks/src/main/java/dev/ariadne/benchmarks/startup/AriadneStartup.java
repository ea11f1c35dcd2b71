package dev.ariadne.benchmarks.startup;

import dev.ariadne.api.Tracer;
import dev.ariadne.benchmarks.CountingExporters;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.BatchSpanProcessor;
import java.time.Duration;

/** Ariadne's start-up: a tracer with a batch processor and a discarding exporter, one span ended, shut down. */
public final class AriadneStartup {
  private AriadneStartup() {}

  /** Runs once and reports. */
  public static void main(String[] args) {
    Tracing tracing = Tracing.builder().serviceName("startup")
        .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporters.Ariadne()).build())
        .build();
    Tracer tracer = tracing.tracer("startup");
    tracer.span("first").start().end();
    long ended = System.nanoTime();
    StartupChild.report(ended);
    tracing.shutdown(Duration.ofSeconds(10));
  }
}
