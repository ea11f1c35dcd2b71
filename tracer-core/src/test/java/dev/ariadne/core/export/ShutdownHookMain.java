package dev.ariadne.core.export;

import dev.ariadne.core.Tracing;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/** Run in a child JVM by a test: ends spans and exits without shutting down, relying on the hook. */
public final class ShutdownHookMain {
  private ShutdownHookMain() {}

  /** Ends ten spans with a long schedule delay, so only the shutdown hook can export them. */
  public static void main(String[] args) {
    AtomicLong exported = new AtomicLong();
    SpanExporter printing = new SpanExporter() {
      @Override
      public ExportResult export(Collection<SpanData> spans) {
        exported.addAndGet(spans.size());
        return ExportResult.success();
      }

      @Override
      public ExportResult shutdown() {
        System.out.println("exported " + exported.get() + " spans before exit");
        return ExportResult.success();
      }
    };
    BatchSpanProcessor processor = BatchSpanProcessor.builder(printing)
        .scheduleDelay(Duration.ofHours(1)).registerShutdownHook(true).build();
    Tracing tracing = Tracing.builder().addSpanProcessor(processor).build();
    for (int i = 0; i < 10; i++) {
      tracing.tracer("hook").span("s").start().end();
    }
  }
}
