package dev.ariadne.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures start-up: for each library, starts fresh JVMs ({@code java -cp <this classpath> <main>})
 * that build a tracer with a batch pipeline and a discarding exporter, end one span and shut down,
 * and prints the medians as one line per library:
 * {@code [startup] library=ariadne runs=10 first_span_ms=... classes=... exit_ms=...}.
 *
 * <p>{@code first_span_ms} runs from just before the launcher starts the process to the child's
 * {@code System.nanoTime()} after its first span ended (both read the same monotonic clock), so it
 * includes the JVM's own start; the {@code baseline} program, which makes no tracer, measures that
 * part. {@code classes} is the number of classes loaded at that moment; {@code exit_ms} is until the
 * process exited, shut-down included. Runs go round-robin over the libraries so drift in the
 * machine's load falls on all of them alike.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ariadne.benchmarks.startup.StartupLauncher [runs [library...]]},
 * runs 10 and libraries {@code baseline ariadne otel brave} by default.
 */
public final class StartupLauncher {
  /** The line prefix {@code ResultsWriter} looks for. */
  public static final String PREFIX = "[startup]";

  static final Map<String, Class<?>> PROGRAMS = new LinkedHashMap<>();

  static {
    PROGRAMS.put("baseline", BaselineStartup.class);
    PROGRAMS.put("ariadne", AriadneStartup.class);
    PROGRAMS.put("otel", OtelStartup.class);
    PROGRAMS.put("brave", BraveStartup.class);
  }

  private StartupLauncher() {}

  /** Runs the measurement and prints one {@code [startup]} line per library. */
  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, was " + runs);
    }
    List<String> libraries = args.length > 1
        ? Arrays.asList(args).subList(1, args.length) : new ArrayList<>(PROGRAMS.keySet());
    for (String library : libraries) {
      if (!PROGRAMS.containsKey(library)) {
        throw new IllegalArgumentException("unknown library '" + library + "', expected one of " + PROGRAMS.keySet());
      }
    }
    Map<String, double[][]> samples = new LinkedHashMap<>();
    for (String library : libraries) {
      samples.put(library, new double[3][runs]);
    }
    for (int run = 0; run < runs; run++) {
      for (String library : libraries) {
        double[] one = runOnce(PROGRAMS.get(library));
        double[][] s = samples.get(library);
        for (int k = 0; k < 3; k++) {
          s[k][run] = one[k];
        }
      }
    }
    for (Map.Entry<String, double[][]> e : samples.entrySet()) {
      double[][] s = e.getValue();
      System.out.printf("%s library=%s runs=%d first_span_ms=%.1f classes=%.0f exit_ms=%.1f%n", PREFIX,
          e.getKey(), runs, median(s[0]), median(s[1]), median(s[2]));
    }
  }

  /** One child JVM: {ms to first span ended, classes loaded, ms to exit}. */
  private static double[] runOnce(Class<?> program) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), program.getName())
        .redirectErrorStream(true);
    long launched = System.nanoTime();
    Process process = builder.start();
    String report = null;
    StringBuilder output = new StringBuilder();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        output.append(line).append('\n');
        if (line.startsWith(StartupChild.PREFIX)) {
          report = line;
        }
      }
    }
    int exit = process.waitFor();
    long exited = System.nanoTime();
    if (exit != 0 || report == null) {
      throw new IllegalStateException(program.getSimpleName() + " failed (exit " + exit + "):\n" + output);
    }
    long ended = Long.parseLong(field(report, "ended_nanos"));
    int classes = Integer.parseInt(field(report, "classes"));
    return new double[] {(ended - launched) / 1e6, classes, (exited - launched) / 1e6};
  }

  static String field(String line, String name) {
    int start = line.indexOf(name + "=");
    if (start < 0) {
      throw new IllegalArgumentException("no " + name + " in: " + line);
    }
    start += name.length() + 1;
    int end = line.indexOf(' ', start);
    return end < 0 ? line.substring(start) : line.substring(start, end);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
