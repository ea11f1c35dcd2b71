package dev.ariadne.benchmarks.startup;

/** The start-up floor: a JVM that makes no tracer at all and reports as the other programs do. */
public final class BaselineStartup {
  private BaselineStartup() {}

  /** Reports at once. */
  public static void main(String[] args) {
    StartupChild.report(System.nanoTime());
  }
}
