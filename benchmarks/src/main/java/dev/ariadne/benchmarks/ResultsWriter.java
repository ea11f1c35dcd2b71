package dev.ariadne.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Turns one benchmark run into the generated section of {@code benchmarks/RESULTS.md}: JMH's JSON
 * result file, plus the {@code [pipeline]} and {@code [startup]} lines of the run's log, become
 * one table per scenario with each library's ns/op ± error, B/op (from {@code -prof gc}), the
 * exported/dropped counts of pipeline benchmarks and the ratios {@code ariadne/otel} and
 * {@code ariadne/brave}; a peer that did not run shows as "—".
 *
 * <p>Only the text between {@link #BEGIN} and {@link #END} is replaced, so the hand-written
 * analysis around it stays; a file without the markers gets the section appended.
 *
 * <p>Usage (what {@code benchmarks/run.sh} does):
 * {@code java -cp benchmarks.jar dev.ariadne.benchmarks.ResultsWriter --json jmh.json --log run.log
 * --command "benchmarks/run.sh" --out benchmarks/RESULTS.md}
 */
public final class ResultsWriter {
  /** Opens the generated section. */
  public static final String BEGIN = "<!-- generated:begin (benchmarks/run.sh writes this section; edit outside it) -->";
  /** Closes the generated section. */
  public static final String END = "<!-- generated:end -->";

  static final String DASH = "—";
  private static final String[] LIBRARIES = {"ariadne", "otel", "brave"};

  /** A scenario's section: the benchmark class it shows, its title and what a reader must know. */
  private static final class Section {
    final String className;
    final String title;
    final String note;

    Section(String className, String title, String note) {
      this.className = className;
      this.title = title;
      this.note = note;
    }
  }

  private static final List<Section> SECTIONS = List.of(
      new Section("SampledSpanBenchmark", "1. Sampled span",
          "Under a current parent: start `check_inventory`, 4 attributes (string, long, boolean, double), 1 event, end. "
              + "`processor=batch`: each library's asynchronous pipeline into a discarding exporter (Ariadne and "
              + "OpenTelemetry: `BatchSpanProcessor`; Brave: `AsyncZipkinSpanHandler`, so **Brave's figure includes "
              + "Zipkin JSON encoding**). `processor=counting`: a processor that only counts (no queue). "
              + "Exported/dropped count the measurement iterations only."),
      new Section("UnsampledSpanBenchmark", "2. Unsampled span",
          "A sampler that never samples; start a new trace's span, 4 attributes, end."),
      new Section("ContextBenchmark", "3. Context",
          "Under a current parent: `makeCurrent` makes a span current, reads the current span, closes the scope; "
              + "`wrapAndRun` wraps a `Runnable` in the current context and runs it."),
      new Section("W3CTraceContextBenchmark", "4. Propagation",
          "Inject into and extract from a `HashMap` carrier. Ariadne and OpenTelemetry: W3C `traceparent`; "
              + "**Brave: B3** (its default multi-header format), so the `ariadne/brave` ratio compares different formats."),
      new Section("SamplersBenchmark", "5. Samplers",
          "Ariadne's samplers alone. Rules: `/api/payment` 0.5, `/api/order` 0.3, `/api/user/login` 0.2, "
              + "`/api/health` 0.01, `/api/metrics` 0.01, default 0.1, tiers premium ×1.5, standard ×1.0, free ×0.5."),
      new Section("ExportEncodingBenchmark", "6. Export encoding",
          "A batch of 512 realistic spans (the order demo's shapes: HTTP and database attributes, an event each, "
              + "every tenth with an exception) encoded into one request body; **ns/op and B/op are per span** "
              + "(spans/s = 10^9 / ns). `otlpJson`: Ariadne's encoder vs OpenTelemetry's `TraceRequestMarshaler` "
              + "writing JSON into a byte array; `jaegerThrift` and `zipkinJson`: Ariadne only (no peer encoder here)."),
      new Section("SpanGrowthBenchmark", "7. Growth",
          "The sampled span into a counting processor. `attributes`: attribute count (plus 1 event); "
              + "`depth`: a nest of that many spans, each current while its child starts — the score is the whole nest."),
      new Section("BatchSpanProcessorBenchmark", "Batch pipeline hand-off",
          "`enqueue`: `onEnd` of an already-ended span; `sampledSpan`: a root span with nothing else, through the pipeline."),
      new Section("FloorBenchmark", "8. Floor",
          "The machine's floor under every figure above; `traceparentCarrierWrite` and `traceparentCarrierRead` "
              + "are what an inject and an extract on a `HashMap` carrier cost before any work of their own "
              + "(write a new 55-character header; read both headers and each character once)."));

  /** One JMH result: a benchmark method at one parameter combination and thread count. */
  static final class Result {
    final String benchmark;
    final Map<String, String> params;
    final int threads;
    final double score;
    final double error;
    final String unit;
    final double bytesPerOp;

    Result(String benchmark, Map<String, String> params, int threads, double score, double error, String unit,
        double bytesPerOp) {
      this.benchmark = benchmark;
      this.params = params;
      this.threads = threads;
      this.score = score;
      this.error = error;
      this.unit = unit;
      this.bytesPerOp = bytesPerOp;
    }

    String className() {
      String withoutMethod = benchmark.substring(0, benchmark.lastIndexOf('.'));
      return withoutMethod.substring(withoutMethod.lastIndexOf('.') + 1);
    }

    String method() {
      return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    String library() {
      return params.get("library");
    }

    /** The benchmark and all its parameters, as a {@code [pipeline]} line names them. */
    String pipelineKey() {
      StringBuilder out = new StringBuilder();
      new TreeMap<>(params).forEach((k, v) -> out.append(out.length() == 0 ? "" : ",").append(k).append(':').append(v));
      return benchmark + " " + out;
    }

    /** The method and its parameters other than the library: one table row per case and thread count. */
    String caseLabel() {
      StringBuilder out = new StringBuilder();
      params.forEach((k, v) -> {
        if (!k.equals("library")) {
          out.append(' ').append(k).append('=').append(v);
        }
      });
      // a method named after its only parameter ("depth" with depth=8) reads better as "depth=8"
      String label = out.toString().trim();
      return label.startsWith(method() + "=") && label.indexOf(' ') < 0 ? label : (method() + " " + label).trim();
    }
  }

  /** The machine, JDK and run a results section records. */
  static final class Environment {
    final String date;
    final String command;
    final String jdk;
    final String cpu;
    final String versions;

    Environment(String date, String command, String jdk, String cpu, String versions) {
      this.date = date;
      this.command = command;
      this.jdk = jdk;
      this.cpu = cpu;
      this.versions = versions;
    }
  }

  private ResultsWriter() {}

  /** Reads the run's JSON and log and writes the generated section into the output file. */
  public static void main(String[] args) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    for (String required : List.of("json", "out")) {
      if (!options.containsKey(required)) {
        throw new IllegalArgumentException("missing --" + required
            + "; usage: ResultsWriter --json jmh.json [--log run.log] [--command text] --out RESULTS.md");
      }
    }
    String json = Files.readString(Path.of(options.get("json")), StandardCharsets.UTF_8);
    String log = options.containsKey("log") ? Files.readString(Path.of(options.get("log")), StandardCharsets.UTF_8) : "";
    List<Result> results = parseResults(json);
    Environment env = new Environment(LocalDate.now(ZoneOffset.UTC).toString(), options.getOrDefault("command", "?"),
        jdk(json), cpu(), versions());
    String generated = render(results, parsePipelines(log), parseStartup(log), env);
    Path out = Path.of(options.get("out"));
    String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    Files.writeString(out, merge(existing, generated), StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " (" + results.size() + " results)");
  }

  /** The results in JMH's JSON result file, in the file's order. */
  @SuppressWarnings("unchecked")
  static List<Result> parseResults(String json) {
    List<Result> results = new ArrayList<>();
    for (Object item : (List<Object>) Json.parse(json)) {
      Map<String, Object> run = (Map<String, Object>) item;
      Map<String, String> params = new LinkedHashMap<>();
      Object rawParams = run.get("params");
      if (rawParams instanceof Map) {
        ((Map<String, Object>) rawParams).forEach((k, v) -> params.put(k, String.valueOf(v)));
      }
      Map<String, Object> primary = (Map<String, Object>) run.get("primaryMetric");
      double bytes = Double.NaN;
      Object secondary = run.get("secondaryMetrics");
      if (secondary instanceof Map) {
        Object norm = ((Map<String, Object>) secondary).get("gc.alloc.rate.norm");
        if (norm instanceof Map) {
          bytes = Json.toDouble(((Map<String, Object>) norm).get("score"));
        }
      }
      results.add(new Result((String) run.get("benchmark"), params, (int) Json.toDouble(run.get("threads")),
          Json.toDouble(primary.get("score")), Json.toDouble(primary.get("scoreError")),
          String.valueOf(primary.get("scoreUnit")), bytes));
    }
    return results;
  }

  /** The {@code [pipeline]} lines of a log, summed over forks: benchmark and params to {ended, exported}. */
  static Map<String, long[]> parsePipelines(String log) {
    Map<String, long[]> pipelines = new LinkedHashMap<>();
    for (String line : log.split("\n")) {
      int at = line.indexOf(PipelineCounts.PREFIX);
      if (at < 0) {
        continue;
      }
      String key = field(line, "benchmark") + " " + field(line, "params");
      long[] counts = pipelines.computeIfAbsent(key, k -> new long[2]);
      counts[0] += Long.parseLong(field(line, "ended"));
      counts[1] += Long.parseLong(field(line, "exported"));
    }
    return pipelines;
  }

  /** The {@code [startup]} lines of a log: library to {runs, first_span_ms, classes, exit_ms}. */
  static Map<String, double[]> parseStartup(String log) {
    Map<String, double[]> startup = new LinkedHashMap<>();
    for (String line : log.split("\n")) {
      if (!line.startsWith("[startup]")) {
        continue;
      }
      startup.put(field(line, "library"), new double[] {Double.parseDouble(field(line, "runs")),
          Double.parseDouble(field(line, "first_span_ms")), Double.parseDouble(field(line, "classes")),
          Double.parseDouble(field(line, "exit_ms"))});
    }
    return startup;
  }

  private static String field(String line, String name) {
    int start = line.indexOf(" " + name + "=");
    if (start < 0) {
      return "";
    }
    start += name.length() + 2;
    int end = line.indexOf(' ', start);
    return end < 0 ? line.substring(start).trim() : line.substring(start, end);
  }

  /** The generated section, markers included. */
  static String render(List<Result> results, Map<String, long[]> pipelines, Map<String, double[]> startup,
      Environment env) {
    StringBuilder out = new StringBuilder();
    out.append(BEGIN).append("\n\n");
    out.append("## Generated results — ").append(env.date).append("\n\n");
    out.append("- Command: `").append(env.command).append("`\n");
    out.append("- JDK: ").append(env.jdk).append("\n");
    out.append("- CPU: ").append(env.cpu).append("\n");
    out.append("- Versions: ").append(env.versions).append("\n");
    out.append("- Every benchmark ran with `-prof gc`; B/op is `gc.alloc.rate.norm`. Ratios are Ariadne's time over the "
        + "peer's (below 1: Ariadne is faster); \"" + DASH + "\" means the peer did not run that case.\n\n");

    Map<String, List<Result>> byClass = new LinkedHashMap<>();
    for (Result r : results) {
      byClass.computeIfAbsent(r.className(), k -> new ArrayList<>()).add(r);
    }
    for (Section section : SECTIONS) {
      List<Result> rows = byClass.remove(section.className);
      if (rows != null) {
        table(out, section.title + " (`" + section.className + "`)", section.note, rows, pipelines);
      }
    }
    for (Map.Entry<String, List<Result>> other : byClass.entrySet()) {
      table(out, "`" + other.getKey() + "`", null, other.getValue(), pipelines);
    }
    if (!startup.isEmpty()) {
      startup(out, startup);
    }
    out.append(END).append("\n");
    return out.toString();
  }

  private static void table(StringBuilder out, String title, String note, List<Result> rows,
      Map<String, long[]> pipelines) {
    out.append("### ").append(title).append("\n\n");
    if (note != null) {
      out.append(note).append("\n\n");
    }
    boolean perLibrary = rows.stream().anyMatch(r -> r.library() != null);
    // one row per case and thread count, its libraries side by side
    Map<String, Map<String, Result>> cases = new LinkedHashMap<>();
    for (Result r : rows) {
      cases.computeIfAbsent(r.caseLabel() + "\u0000" + r.threads, k -> new LinkedHashMap<>())
          .put(perLibrary ? String.valueOf(r.library()) : "ariadne", r);
    }
    String unit = rows.get(0).unit;
    if (!perLibrary) {
      out.append("| Case | Threads | ").append(unit).append(" | B/op |\n|---|---|---|---|\n");
      for (Map<String, Result> c : cases.values()) {
        Result r = c.get("ariadne");
        out.append("| ").append(r.caseLabel()).append(" | ").append(r.threads).append(" | ")
            .append(time(r)).append(" | ").append(bytes(r)).append(" |\n");
      }
      out.append('\n');
      adaptiveNote(out, cases);
      return;
    }
    boolean anyPipeline = rows.stream().anyMatch(r -> pipelines.containsKey(r.pipelineKey()));
    out.append("| Case | Threads |");
    for (String lib : LIBRARIES) {
      out.append(' ').append(lib).append(' ').append(unit).append(" |");
    }
    out.append(" ariadne/otel | ariadne/brave |");
    for (String lib : LIBRARIES) {
      out.append(' ').append(lib).append(" B/op |");
    }
    if (anyPipeline) {
      for (String lib : LIBRARIES) {
        out.append(' ').append(lib).append(" exported / dropped |");
      }
    }
    int columns = 2 + LIBRARIES.length * 2 + 2 + (anyPipeline ? LIBRARIES.length : 0);
    out.append("\n|").append("---|".repeat(columns)).append('\n');
    for (Map<String, Result> c : cases.values()) {
      Result first = c.values().iterator().next();
      out.append("| ").append(first.caseLabel()).append(" | ").append(first.threads).append(" |");
      for (String lib : LIBRARIES) {
        Result r = c.get(lib);
        out.append(' ').append(r == null ? DASH : time(r)).append(" |");
      }
      out.append(' ').append(ratio(c.get("ariadne"), c.get("otel"))).append(" |");
      out.append(' ').append(ratio(c.get("ariadne"), c.get("brave"))).append(" |");
      for (String lib : LIBRARIES) {
        Result r = c.get(lib);
        out.append(' ').append(r == null ? DASH : bytes(r)).append(" |");
      }
      if (anyPipeline) {
        for (String lib : LIBRARIES) {
          Result r = c.get(lib);
          long[] counts = r == null ? null : pipelines.get(r.pipelineKey());
          out.append(' ').append(counts == null ? DASH : exportedDropped(counts)).append(" |");
        }
      }
      out.append('\n');
    }
    out.append('\n');
  }

  // the samplers' table ends with what adaptive tail sampling adds per span, the figure its issue asks for
  private static void adaptiveNote(StringBuilder out, Map<String, Map<String, Result>> cases) {
    Result plain = null;
    Result adaptive = null;
    for (Map<String, Result> c : cases.values()) {
      Result r = c.get("ariadne");
      if (r.method().equals("traceOfThreeSpans_alwaysOn")) {
        plain = r;
      } else if (r.method().equals("traceOfThreeSpans_adaptive")) {
        adaptive = r;
      }
    }
    if (plain != null && adaptive != null) {
      out.append(String.format(Locale.ROOT, "Adaptive tail sampling adds %s ns and %s B per span "
              + "((adaptive − always on) / 3 spans).%n%n",
          number((adaptive.score - plain.score) / 3), number((adaptive.bytesPerOp - plain.bytesPerOp) / 3)));
    }
  }

  private static void startup(StringBuilder out, Map<String, double[]> startup) {
    out.append("### Start-up (`StartupLauncher`)\n\n");
    out.append("Fresh JVMs (`java -cp benchmarks.jar <main>`): build a tracer with a batch pipeline and a discarding "
        + "exporter, end one span, shut down. Medians. Time runs from process launch to the first span ended; "
        + "`baseline` is a JVM that makes no tracer, and \"over baseline\" is what the library adds. "
        + "Brave's time to exit includes its reporter's close, which waits for the message it is filling "
        + "(up to its 1 s message timeout).\n\n");
    double[] base = startup.get("baseline");
    out.append("| Library | Runs | ms to first span | over baseline | classes loaded | over baseline | ms to exit |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, double[]> e : startup.entrySet()) {
      double[] s = e.getValue();
      out.append("| ").append(e.getKey()).append(" | ").append((long) s[0]).append(" | ").append(number(s[1]))
          .append(" | ").append(base == null ? DASH : number(s[1] - base[1]))
          .append(" | ").append((long) s[2])
          .append(" | ").append(base == null ? DASH : String.valueOf((long) (s[2] - base[2])))
          .append(" | ").append(number(s[3])).append(" |\n");
    }
    out.append('\n');
    double[] ariadne = startup.get("ariadne");
    if (ariadne != null && base != null) {
      for (String peer : List.of("otel", "brave")) {
        double[] p = startup.get(peer);
        out.append("- ariadne/").append(peer).append(": ");
        if (p == null) {
          out.append(DASH).append('\n');
        } else {
          out.append(ratio(ariadne[1] - base[1], p[1] - base[1])).append(" of the time over baseline, ")
              .append(ratio(ariadne[2] - base[2], p[2] - base[2])).append(" of the classes over baseline\n");
        }
      }
      out.append('\n');
    }
  }

  /** Ariadne's score over the peer's, or "—" when either is missing. */
  static String ratio(Result ariadne, Result peer) {
    if (ariadne == null || peer == null) {
      return DASH;
    }
    return ratio(ariadne.score, peer.score);
  }

  private static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b <= 0) {
      return DASH;
    }
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  private static String time(Result r) {
    String score = number(r.score);
    return Double.isNaN(r.error) ? score : score + " ± " + number(r.error);
  }

  // bytes are whole numbers but for the fractions a batch's allocation spreads over many spans
  private static String bytes(Result r) {
    if (Double.isNaN(r.bytesPerOp)) {
      return DASH;
    }
    return String.format(Locale.ROOT, Math.abs(r.bytesPerOp) < 10 ? "%.1f" : "%.0f", r.bytesPerOp);
  }

  /** One decimal below 1000, none above; "—" for a number JMH could not compute. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return DASH;
    }
    return String.format(Locale.ROOT, Math.abs(value) < 1000 ? "%.1f" : "%.0f", value);
  }

  static String exportedDropped(long[] counts) {
    long ended = counts[0];
    long exported = counts[1];
    long dropped = ended - exported;
    return String.format(Locale.ROOT, "%s / %s (%.2f %%)", count(exported), count(dropped),
        ended == 0 ? 0.0 : 100.0 * dropped / ended);
  }

  private static String count(long n) {
    if (Math.abs(n) >= 1_000_000) {
      return String.format(Locale.ROOT, "%.2f M", n / 1e6);
    }
    if (Math.abs(n) >= 10_000) {
      return String.format(Locale.ROOT, "%.1f k", n / 1e3);
    }
    return String.valueOf(n);
  }

  /** {@code existing} with its generated section replaced by {@code generated}, or with it appended. */
  static String merge(String existing, String generated) {
    int begin = existing.indexOf(BEGIN);
    int end = existing.indexOf(END);
    if (begin >= 0 && end > begin) {
      int after = end + END.length();
      if (after < existing.length() && existing.charAt(after) == '\n') {
        after++;
      }
      return existing.substring(0, begin) + generated + existing.substring(after);
    }
    if (existing.isEmpty()) {
      return "# Benchmark results\n\n" + generated;
    }
    return existing + (existing.endsWith("\n") ? "\n" : "\n\n") + generated;
  }

  @SuppressWarnings("unchecked")
  private static String jdk(String json) {
    List<Object> runs = (List<Object>) Json.parse(json);
    if (runs.isEmpty()) {
      return System.getProperty("java.version");
    }
    Map<String, Object> first = (Map<String, Object>) runs.get(0);
    return first.get("jdkVersion") + " (" + first.get("vmName") + " " + first.get("vmVersion") + ")";
  }

  private static String cpu() {
    String model = "unknown";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).trim();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the model stays unknown, the count below still holds
    }
    return model + ", nproc " + Runtime.getRuntime().availableProcessors();
  }

  // the build writes the versions it resolved into versions.properties (resource filtering)
  private static String versions() {
    Properties p = new Properties();
    try (InputStream in = ResultsWriter.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // every version shows as unknown
    }
    return "Ariadne " + p.getProperty("ariadne", "unknown")
        + ", OpenTelemetry SDK " + p.getProperty("opentelemetry", "unknown")
        + ", Brave " + p.getProperty("brave", "unknown")
        + ", zipkin-reporter-brave " + p.getProperty("zipkin-reporter", "unknown")
        + ", JMH " + p.getProperty("jmh", "unknown");
  }
}
