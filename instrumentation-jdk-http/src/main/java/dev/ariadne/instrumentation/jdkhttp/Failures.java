package dev.ariadne.instrumentation.jdkhttp;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports a failure of tracing itself (a throwing tracer, propagator or route function), which the
 * instrumentation swallows so the request goes on. The first is a warning, so a broken setup is
 * seen; later ones are debug lines, so a broken setup cannot flood the log at the request rate.
 */
final class Failures {
  private static final System.Logger LOG = System.getLogger("dev.ariadne.instrumentation.jdkhttp");
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private Failures() {}

  static void report(String what, Throwable failure) {
    try {
      if (WARNED.compareAndSet(false, true)) {
        LOG.log(System.Logger.Level.WARNING, what + " (later tracing failures are logged at DEBUG)",
            failure);
      } else {
        LOG.log(System.Logger.Level.DEBUG, what, failure);
      }
    } catch (RuntimeException ignored) {
      // a broken logger or a throwable whose toString throws: nothing more can be done here
    }
  }
}
