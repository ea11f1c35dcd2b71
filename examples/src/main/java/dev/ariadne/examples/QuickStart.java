package dev.ariadne.examples;

import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.LoggingSpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import java.time.Duration;

/** The README's quick start as a program: one order whose database save fails, logged as two spans. */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick start; the spans appear as log lines. */
  public static void main(String[] args) {
    // README quick start: begin
    Tracing tracing = Tracing.builder()
        .serviceName("order-service")
        .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
        .build();
    Tracer tracer = tracing.tracer("com.example.orders");

    try (ScopedSpan order = tracer.span("complete_order").kind(SpanKind.SERVER).startScoped()) {
      order.attribute("order.id", "A-1001");
      try (ScopedSpan save = tracer.span("save_order_to_db").kind(SpanKind.CLIENT).startScoped()) {
        save.status(StatusCode.ERROR, "database save timed out after 3 s");
      }
    }
    tracing.shutdown(Duration.ofSeconds(5));
    // README quick start: end
  }
}
