package dev.ariadne.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark for one very short iteration in this JVM, so a benchmark that no longer
 * compiles, throws, or measures nothing fails the build, and every pipeline benchmark's exporter
 * must have received spans. Figures from this run mean nothing. The growth axes run one value
 * each to keep the build short (each extra value is only a larger loop of the same code).
 */
class BenchmarksRunTest {

  @Test
  void everyBenchmarkRuns_andProducesAScore() throws Exception {
    Options options = new OptionsBuilder()
        .include("dev\\.ariadne\\..*Benchmark")
        .param("attributes", "4")
        .param("depth", "8")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    Set<String> classes = new TreeSet<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String label = benchmark + " " + result.getParams().getParam("library");
      assertThat(result.getPrimaryResult().getScore()).as(label).isPositive();
      String withoutMethod = benchmark.substring(0, benchmark.lastIndexOf('.'));
      classes.add(withoutMethod.substring(withoutMethod.lastIndexOf('.') + 1));
    }
    assertThat(classes).containsExactlyInAnyOrder("BatchSpanProcessorBenchmark", "SampledSpanBenchmark",
        "UnsampledSpanBenchmark", "ContextBenchmark", "W3CTraceContextBenchmark", "SamplersBenchmark",
        "SpanGrowthBenchmark", "FloorBenchmark", "ExportEncodingBenchmark");
    // every library of every span scenario ran
    assertThat(results.stream().filter(r -> "brave".equals(r.getParams().getParam("library"))).count())
        .isGreaterThanOrEqualTo(4 + 1 + 2 + 2 + 2);

    // BatchSpanProcessorBenchmark: 4 methods x 2 libraries; SampledSpanBenchmark: 2 x 3 x 2 processors
    Map<String, long[]> pipelines = PipelineCounts.reported();
    assertThat(pipelines).hasSize(8 + 12);
    pipelines.forEach((key, counts) -> {
      assertThat(counts[0]).as("spans ended in " + key).isPositive();
      assertThat(counts[1]).as("spans exported in " + key).isPositive();
    });
  }
}
