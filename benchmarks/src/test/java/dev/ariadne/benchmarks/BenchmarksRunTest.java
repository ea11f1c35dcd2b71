package dev.ariadne.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark for one very short iteration in this JVM, so a benchmark that no longer
 * compiles, throws, or measures nothing fails the build. Figures from this run mean nothing.
 */
class BenchmarksRunTest {

  @Test
  void everyBenchmarkRuns_andProducesAScore() throws Exception {
    Options options = new OptionsBuilder()
        .include("dev\\.ariadne\\..*Benchmark")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    assertThat(results).isNotEmpty();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark() + " " + result.getParams().getParam("library");
      assertThat(result.getPrimaryResult().getScore()).as(label).isPositive();
    }
    // 4 methods x 2 libraries
    assertThat(results).hasSizeGreaterThanOrEqualTo(8);
  }
}
