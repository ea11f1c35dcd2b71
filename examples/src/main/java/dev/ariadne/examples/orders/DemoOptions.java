package dev.ariadne.examples.orders;

import java.util.Locale;
import java.util.Map;

/**
 * The order demo's settings, from command-line arguments ({@code --orders=50}) or the environment
 * ({@code ARIADNE_DEMO_ORDERS=50}); arguments win.
 *
 * @param orders how many orders to send
 * @param seed the seed every random outcome derives from, so a run can be repeated exactly
 * @param timeScale how fast simulated work runs: 1.0 is the seed system's real timing (a database
 *     save of up to 3.5 s), 0.05 runs it twenty times faster
 * @param concurrency how many orders are in flight at once
 * @param slowMillis an order slower than this (in the seed system's real time) is shown in detail
 */
public record DemoOptions(int orders, long seed, double timeScale, int concurrency, long slowMillis) {

  /** The defaults: 20 orders, seed 42, twenty times faster than real, one at a time. */
  public static DemoOptions defaults() {
    return new DemoOptions(20, 42, 0.05, 1, 2000);
  }

  /** Validates every setting, naming the one that is wrong. */
  public DemoOptions {
    if (orders < 1 || orders > 100_000) {
      throw new IllegalArgumentException("orders must be between 1 and 100000, was " + orders);
    }
    if (!(timeScale > 0) || timeScale > 10) {
      throw new IllegalArgumentException("time-scale must be > 0 and <= 10, was " + timeScale);
    }
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("concurrency must be between 1 and 64, was " + concurrency);
    }
    if (slowMillis < 1) {
      throw new IllegalArgumentException("slow-ms must be >= 1, was " + slowMillis);
    }
  }

  /** Reads the settings from {@code args} ({@code --name=value}) over {@code env} ({@code ARIADNE_DEMO_NAME}). */
  public static DemoOptions parse(String[] args, Map<String, String> env) {
    DemoOptions d = defaults();
    int orders = (int) number("orders", find("orders", args, env), d.orders());
    long seed = (long) number("seed", find("seed", args, env), d.seed());
    double scale = number("time-scale", find("time-scale", args, env), d.timeScale());
    int concurrency = (int) number("concurrency", find("concurrency", args, env), d.concurrency());
    long slow = (long) number("slow-ms", find("slow-ms", args, env), d.slowMillis());
    for (String arg : args) {
      if (arg.equals("--realistic")) {
        scale = 1.0;
      } else if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
        throw new IllegalArgumentException("unknown argument '" + arg
            + "'; use --orders=N --seed=N --time-scale=X --concurrency=N --slow-ms=N --realistic");
      }
    }
    return new DemoOptions(orders, seed, scale, concurrency, slow);
  }

  private static String find(String name, String[] args, Map<String, String> env) {
    for (String arg : args) {
      if (arg.startsWith("--" + name + "=")) {
        return arg.substring(name.length() + 3);
      }
    }
    return env.get("ARIADNE_DEMO_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static double number(String name, String value, double fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, was '" + value + "'");
    }
  }
}
