package dev.ariadne.benchmarks.startup;

import dev.ariadne.benchmarks.CountingExporters;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.concurrent.TimeUnit;

/** The OpenTelemetry SDK's start-up: a tracer with a batch processor and a discarding exporter, one span ended, shut down. */
public final class OtelStartup {
  private OtelStartup() {}

  /** Runs once and reports. */
  public static void main(String[] args) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .addSpanProcessor(BatchSpanProcessor.builder(new CountingExporters.Otel()).build())
        .build();
    provider.get("startup").spanBuilder("first").startSpan().end();
    long ended = System.nanoTime();
    StartupChild.report(ended);
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
