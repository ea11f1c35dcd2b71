package dev.ariadne.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the jcstress tests of this module in sanity mode (seconds, not minutes) in a child JVM and
 * fails on any forbidden outcome, error or hang. For a thorough run:
 * {@code java -cp <this module's classpath> org.openjdk.jcstress.Main -m quick} (or {@code -m default}).
 */
class JcstressRunTest {
  private static final Pattern RESULTS = Pattern.compile(
      "\\(Results: (\\d+) planned; (\\d+) passed, (\\d+) failed, (\\d+) soft errs, (\\d+) hard errs\\)");

  @Test
  void ringBufferStressTests_haveNoForbiddenOutcome() throws IOException, InterruptedException {
    Path results = Path.of("target", "jcstress-results");
    Path log = Path.of("target", "jcstress.log");
    Files.createDirectories(results);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        "org.openjdk.jcstress.Main", "-m", "sanity", "-r", results.toString(), "-t", "MpscRingBufferStress"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = process.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(finished).as("jcstress finished (a hang is a failure); log in " + log).isTrue();

    Matcher m = RESULTS.matcher(output);
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    assertThat(last).as("jcstress printed its results; log in " + log).isNotNull();
    Matcher fin = RESULTS.matcher(last);
    assertThat(fin.matches()).isTrue();
    int planned = Integer.parseInt(fin.group(1));
    assertThat(planned).isPositive();
    assertThat(Integer.parseInt(fin.group(2))).as(last).isEqualTo(planned);
    assertThat(output).contains("Failed tests: No matches.").contains("Error tests: No matches.");
    assertThat(process.exitValue()).isZero();
  }
}
