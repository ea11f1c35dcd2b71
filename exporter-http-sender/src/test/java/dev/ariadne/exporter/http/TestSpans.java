package dev.ariadne.exporter.http;

import dev.ariadne.api.Tracer;
import dev.ariadne.core.Tracing;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.SimpleSpanProcessor;
import dev.ariadne.core.export.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Real spans for the sender tests, and an encoder whose bodies are easy to check. */
final class TestSpans {
  private TestSpans() {}

  /** {@code count} ended spans named span-0, span-1, ... from a real tracer. */
  static List<SpanData> spans(int count, String service) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().serviceName(service)
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      Tracer tracer = tracing.tracer("test");
      for (int i = 0; i < count; i++) {
        tracer.span("span-" + i).start().end();
      }
    }
    return memory.finishedSpans();
  }

  /** Ended spans of {@code service} with the given names, in that order, from a real tracer. */
  static List<SpanData> named(String service, String... names) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (Tracing tracing = Tracing.builder().serviceName(service)
        .addSpanProcessor(SimpleSpanProcessor.create(memory)).build()) {
      Tracer tracer = tracing.tracer("test");
      for (String name : names) {
        tracer.span(name).start().end();
      }
    }
    return memory.finishedSpans();
  }

  /** Writes one line per span, "service/name" padded with {@code padding} dots. */
  static final class LineEncoder implements SpanEncoder {
    private final int padding;
    private final boolean oneResource;

    LineEncoder(int padding, boolean oneResource) {
      this.padding = padding;
      this.oneResource = oneResource;
    }

    @Override
    public String contentType() {
      return "text/plain; charset=utf-8";
    }

    @Override
    public byte[] encode(List<SpanData> spans) {
      StringBuilder out = new StringBuilder();
      for (SpanData span : spans) {
        out.append(span.resource().serviceName()).append('/').append(span.name())
            .append(".".repeat(padding)).append('\n');
      }
      return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean oneResourcePerBody() {
      return oneResource;
    }
  }
}
