package dev.ariadne.examples.orders;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Keeps the demo services' log lines with the trace id that MDC correlation put on each, so the
 * demo can show one order's lines from all four services together: what the seed's engineers
 * spent four hours assembling by hand.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  /** One captured line. */
  record Line(long epochMillis, String service, String level, String traceId, String spanId, String message) {}

  /** The demo services log under this prefix and their service name. */
  static final String LOGGER_PREFIX = "shop.";

  private final List<Line> lines = new CopyOnWriteArrayList<>();
  private final ch.qos.logback.classic.Logger root;

  private LogCapture(ch.qos.logback.classic.Logger root) {
    this.root = root;
  }

  /** Starts capturing the demo services' lines; null when the logging backend is not logback. */
  static LogCapture attach() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      return null;
    }
    ch.qos.logback.classic.Logger root = context.getLogger("shop");
    LogCapture capture = new LogCapture(root);
    capture.setContext(context);
    capture.setName("ariadne-demo-capture");
    capture.start();
    root.addAppender(capture);
    return capture;
  }

  @Override
  protected void append(ILoggingEvent event) {
    var mdc = event.getMDCPropertyMap();
    String service = event.getLoggerName().startsWith(LOGGER_PREFIX)
        ? event.getLoggerName().substring(LOGGER_PREFIX.length()) : event.getLoggerName();
    lines.add(new Line(event.getTimeStamp(), service, event.getLevel().toString(),
        mdc.getOrDefault("trace_id", ""), mdc.getOrDefault("span_id", ""), event.getFormattedMessage()));
  }

  /** The captured lines that carry {@code traceId}, in the order they were logged. */
  List<Line> linesOf(String traceId) {
    List<Line> of = new ArrayList<>();
    for (Line line : lines) {
      if (line.traceId().equals(traceId)) {
        of.add(line);
      }
    }
    return of;
  }

  /** Every captured line except those of {@code excludedTraceId}. */
  List<Line> linesExcept(String excludedTraceId) {
    List<Line> kept = new ArrayList<>();
    for (Line line : lines) {
      if (!line.traceId().equals(excludedTraceId)) {
        kept.add(line);
      }
    }
    return kept;
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
