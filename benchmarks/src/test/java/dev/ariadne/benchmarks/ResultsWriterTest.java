package dev.ariadne.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsWriterTest {
  private static final ResultsWriter.Environment ENV = new ResultsWriter.Environment("2026-11-24",
      "benchmarks/run.sh", "17.0.15", "Test CPU, nproc 2", "Ariadne test");

  private static String resource(String name) throws IOException {
    try (InputStream in = ResultsWriterTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String rendered() throws IOException {
    String log = resource("run-fixture.log");
    return ResultsWriter.render(ResultsWriter.parseResults(resource("jmh-fixture.json")),
        ResultsWriter.parsePipelines(log), ResultsWriter.parseStartup(log), ENV);
  }

  private static String row(String markdown, String start) {
    return markdown.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
  }

  @Test
  void parseResults_readsScoresParamsThreadsAndBytes() throws IOException {
    List<ResultsWriter.Result> results = ResultsWriter.parseResults(resource("jmh-fixture.json"));

    assertThat(results).hasSize(6);
    ResultsWriter.Result first = results.get(0);
    assertThat(first.className()).isEqualTo("SampledSpanBenchmark");
    assertThat(first.params).containsEntry("library", "ariadne").containsEntry("processor", "batch");
    assertThat(first.score).isEqualTo(150.0);
    assertThat(first.bytesPerOp).isEqualTo(244.0);
    assertThat(results.get(1).error).isNaN();
  }

  @Test
  void ratios_areAriadneOverPeer_andMissingPeersAreDashes() throws IOException {
    String md = rendered();

    String sampled = row(md, "| checkInventory_1thread processor=batch | 1 |");
    assertThat(sampled).isEqualTo("| checkInventory_1thread processor=batch | 1 | 150.0 ± 8.3 | 300.0 | — | 0.50 | — "
        + "| 244 | 1000 | — | 1.99 M / 10.0 k (0.50 %) | 900.0 k / 100.0 k (10.00 %) | — |");
    String inject = row(md, "| inject | 1 |");
    assertThat(inject).isEqualTo("| inject | 1 | 40.0 ± 4.0 | 20.0 ± 2.0 | 80.0 ± 8.0 | 2.00 | 0.50 | 96 | 96 | 120 |");
  }

  @Test
  void benchmarksWithoutALibrary_getOneColumn() throws IOException {
    assertThat(row(rendered(), "| nanoTime |")).isEqualTo("| nanoTime | 1 | 24.1 ± 0.5 | 0.0 |");
  }

  @Test
  void startup_isShownOverTheBaseline_withRatios() throws IOException {
    String md = rendered();

    assertThat(row(md, "| ariadne | 5 |")).isEqualTo("| ariadne | 5 | 100.0 | 60.0 | 900 | 400 | 120.0 |");
    assertThat(md).contains("- ariadne/otel: 0.50 of the time over baseline, 0.33 of the classes over baseline")
        .contains("- ariadne/brave: —");
  }

  @Test
  void header_recordsDateCommandJdkCpuAndVersions() throws IOException {
    assertThat(rendered()).contains("## Generated results — 2026-11-24", "- Command: `benchmarks/run.sh`",
        "- JDK: 17.0.15", "- CPU: Test CPU, nproc 2", "- Versions: Ariadne test");
  }

  @Test
  void aMethodNamedAfterItsOnlyParameter_isLabelledByTheParameter() {
    ResultsWriter.Result depth = new ResultsWriter.Result("a.SpanGrowthBenchmark.depth",
        Map.of("library", "otel", "depth", "8"), 1, 1, 0, "ns/op", 0);
    ResultsWriter.Result other = new ResultsWriter.Result("a.SampledSpanBenchmark.checkInventory_1thread",
        Map.of("processor", "batch"), 1, 1, 0, "ns/op", 0);

    assertThat(depth.caseLabel()).isEqualTo("depth=8");
    assertThat(other.caseLabel()).isEqualTo("checkInventory_1thread processor=batch");
  }

  @Test
  void pipelineLines_areSummedOverForks() {
    String line = "[pipeline] benchmark=a.B.c params=library:otel ended=10 exported=8 dropped=2 (20.00%)";
    Map<String, long[]> parsed = ResultsWriter.parsePipelines(line + "\n" + line + "\n");

    assertThat(parsed.get("a.B.c library:otel")).containsExactly(20, 16);
  }

  @Test
  void merge_replacesOnlyTheGeneratedSection() {
    String existing = "# Results\n\nintro\n\n" + ResultsWriter.BEGIN + "\nold\n" + ResultsWriter.END + "\n\n## Analysis\nkept\n";
    String generated = ResultsWriter.BEGIN + "\nnew\n" + ResultsWriter.END + "\n";

    assertThat(ResultsWriter.merge(existing, generated))
        .isEqualTo("# Results\n\nintro\n\n" + generated + "\n## Analysis\nkept\n");
  }

  @Test
  void merge_appendsWhenThereAreNoMarkers() {
    String generated = ResultsWriter.BEGIN + "\nnew\n" + ResultsWriter.END + "\n";

    assertThat(ResultsWriter.merge("# Results\nhand-written\n", generated))
        .isEqualTo("# Results\nhand-written\n\n" + generated);
  }

  @Test
  void json_parsesEscapesNestingAndLiterals() {
    Object parsed = Json.parse("{\"a\": [1, -2.5e1, true, null], \"b\": \"x\\\"y\\u0041\"}");

    assertThat(parsed).isEqualTo(Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, null), "b", "x\"yA"));
  }
}
