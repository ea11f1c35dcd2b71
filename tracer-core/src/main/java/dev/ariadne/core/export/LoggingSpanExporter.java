package dev.ariadne.core.export;

import dev.ariadne.api.SpanContext;
import dev.ariadne.api.StatusCode;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each exported span as one INFO line through slf4j, for development and for services whose
 * logs are already collected:
 * {@code span 'save_order_to_db' trace_id=... span_id=... parent_id=... kind=CLIENT duration_us=3012 status=ERROR ...}.
 */
public final class LoggingSpanExporter implements SpanExporter {
  private final Logger log;
  private volatile boolean shutdown;

  private LoggingSpanExporter(Logger log) {
    this.log = log;
  }

  /** An exporter logging to the {@code dev.ariadne.spans} logger. */
  public static LoggingSpanExporter create() {
    return new LoggingSpanExporter(LoggerFactory.getLogger("dev.ariadne.spans"));
  }

  /** An exporter logging to the logger named {@code loggerName}. */
  public static LoggingSpanExporter create(String loggerName) {
    if (loggerName == null || loggerName.isBlank()) {
      throw new IllegalArgumentException("loggerName must not be blank");
    }
    return new LoggingSpanExporter(LoggerFactory.getLogger(loggerName));
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    if (shutdown) {
      return ExportResult.failure();
    }
    if (log.isInfoEnabled()) {
      for (SpanData span : spans) {
        log.info(format(span));
      }
    }
    return ExportResult.success();
  }

  /** The one-line text this exporter logs for {@code span}. */
  public static String format(SpanData span) {
    SpanContext context = span.spanContext();
    SpanContext parent = span.parentSpanContext();
    StringBuilder sb = new StringBuilder(256)
        .append("span '").append(span.name()).append('\'')
        .append(" trace_id=").append(context.traceIdHex())
        .append(" span_id=").append(context.spanIdHex())
        .append(" parent_id=").append(parent.isValid() ? parent.spanIdHex() : "none")
        .append(" kind=").append(span.kind())
        .append(" duration_us=").append(span.durationNanos() / 1_000)
        .append(" status=").append(span.status());
    if (span.status() == StatusCode.ERROR && !span.statusDescription().isEmpty()) {
      sb.append(" status_description='").append(span.statusDescription()).append('\'');
    }
    sb.append(" service=").append(span.resource().serviceName());
    if (!span.attributes().isEmpty()) {
      sb.append(" attributes=").append(span.attributes().asMap());
    }
    for (EventData event : span.events()) {
      sb.append(" event=").append(event.name());
    }
    if (span.droppedAttributesCount() + span.droppedEventsCount() + span.droppedLinksCount() > 0) {
      sb.append(" dropped_attributes=").append(span.droppedAttributesCount())
          .append(" dropped_events=").append(span.droppedEventsCount())
          .append(" dropped_links=").append(span.droppedLinksCount());
    }
    return sb.toString();
  }

  @Override
  public ExportResult shutdown() {
    shutdown = true;
    return ExportResult.success();
  }

  @Override
  public String toString() {
    return "LoggingSpanExporter{" + log.getName() + '}';
  }
}
