package dev.ariadne.api;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test body on a brand-new thread and waits for it, so that whatever a misbehaving scope
 * leaves current there dies with the thread instead of leaking into the next test.
 */
final class FreshThread {
  private FreshThread() {}

  /** Calls {@code body} on a new thread; its assertion failures are rethrown here unwrapped. */
  static <T> T call(Callable<T> body) throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      return thread.submit(body).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      throw e;
    } finally {
      thread.shutdownNow();
      if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
        throw new AssertionError("fresh test thread did not terminate");
      }
    }
  }

  /** Runs {@code body} on a new thread; its assertion failures are rethrown here unwrapped. */
  static void run(ThrowingRunnable body) throws Exception {
    call(() -> {
      body.run();
      return null;
    });
  }

  /** A test body that may throw. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
