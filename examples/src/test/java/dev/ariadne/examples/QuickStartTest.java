package dev.ariadne.examples;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class QuickStartTest {

  @Test
  void readmeQuickStart_isTheCodeThisTestRuns() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher block = Pattern.compile("## Quick start.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("README has a java block under '## Quick start'").isTrue();

    String source = Files.readString(Path.of("src/main/java/dev/ariadne/examples/QuickStart.java"));
    Matcher region = Pattern.compile("// README quick start: begin\\n(.*?)\\n\\s*// README quick start: end",
        Pattern.DOTALL).matcher(source);
    assertThat(region.find()).isTrue();

    assertThat(normalize(block.group(1))).isEqualTo(normalize(region.group(1)));
  }

  private static String normalize(String code) {
    return code.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
  }

  @Test
  void quickStart_logsTheFailedSaveAsAChildOfTheOrder() {
    Logger logger = (Logger) LoggerFactory.getLogger("dev.ariadne.spans");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try {
      QuickStart.main(new String[0]);
    } finally {
      logger.detachAppender(appender);
    }
    List<String> lines = appender.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
    assertThat(lines).hasSize(2);
    String save = lines.get(0);
    String order = lines.get(1);
    assertThat(save).startsWith("span 'save_order_to_db'")
        .contains("status=ERROR", "status_description='database save timed out after 3 s'",
            "service=order-service", "kind=CLIENT");
    assertThat(order).startsWith("span 'complete_order'").contains("parent_id=none", "order.id=A-1001");
    assertThat(field(save, "trace_id")).isEqualTo(field(order, "trace_id"));
    assertThat(field(save, "parent_id")).isEqualTo(field(order, "span_id"));
  }

  private static String field(String line, String name) {
    Matcher m = Pattern.compile(" " + name + "=(\\S+)").matcher(line);
    assertThat(m.find()).as(name + " in " + line).isTrue();
    return m.group(1);
  }
}
