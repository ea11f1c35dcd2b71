package dev.ariadne.benchmarks.startup;

import java.lang.management.ManagementFactory;

/** What each start-up program reports to {@link StartupLauncher}: one line, read from its output. */
final class StartupChild {
  static final String PREFIX = "[startup-child]";

  private StartupChild() {}

  /**
   * Prints when the first span ended (a {@code System.nanoTime()}, comparable with the launcher's
   * on the same machine) and how many classes were loaded by then. Reading the count loads the
   * management classes first; they are the same for every library and the baseline program
   * measures them.
   */
  static void report(long endedNanos) {
    int loaded = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.println(PREFIX + " ended_nanos=" + endedNanos + " classes=" + loaded);
  }
}
