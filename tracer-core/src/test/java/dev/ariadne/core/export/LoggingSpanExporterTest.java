package dev.ariadne.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.Tracing;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSpanExporterTest {

  @Test
  void eachSpanIsOneInfoLine_withIdsStatusAndAttributes() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.ariadne.spans");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (Tracing tracing = Tracing.builder().serviceName("order")
        .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create())).build()) {
      Span span = tracing.tracer("t").span("save_order_to_db").kind(SpanKind.CLIENT).start();
      span.attribute("db.system", "postgresql").status(StatusCode.ERROR, "timeout after 3s");
      span.end();

      assertThat(appender.list).hasSize(1);
      String line = appender.list.get(0).getFormattedMessage();
      assertThat(line)
          .startsWith("span 'save_order_to_db'")
          .contains("trace_id=" + span.spanContext().traceIdHex())
          .contains("span_id=" + span.spanContext().spanIdHex())
          .contains("parent_id=none", "kind=CLIENT", "status=ERROR", "status_description='timeout after 3s'",
              "service=order", "db.system=postgresql");
    } finally {
      logger.detachAppender(appender);
    }
  }
}
