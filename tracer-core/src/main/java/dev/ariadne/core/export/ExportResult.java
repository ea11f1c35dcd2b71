package dev.ariadne.core.export;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The outcome of an export, flush or shutdown, which may complete later on another thread (an
 * HTTP exporter answers when the collector does).
 *
 * <pre>{@code
 * ExportResult result = ExportResult.pending();
 * client.sendAsync(request).whenComplete((response, error) -> {
 *   if (error == null) result.succeed(); else result.fail(error);
 * });
 * return result;
 * }</pre>
 */
public final class ExportResult {
  private static final ExportResult SUCCESS = completed(true, null);
  private static final ExportResult FAILURE = completed(false, null);

  private final CompletableFuture<Boolean> future = new CompletableFuture<>();
  private volatile Throwable cause;

  private ExportResult() {}

  private static ExportResult completed(boolean success, Throwable cause) {
    ExportResult result = new ExportResult();
    result.cause = cause;
    result.future.complete(success);
    return result;
  }

  /** A completed, successful result (shared). */
  public static ExportResult success() {
    return SUCCESS;
  }

  /** A completed, failed result (shared). */
  public static ExportResult failure() {
    return FAILURE;
  }

  /** A completed result that failed because of {@code cause}. */
  public static ExportResult failure(Throwable cause) {
    return completed(false, cause);
  }

  /** A result to be completed later with {@link #succeed()} or {@link #fail(Throwable)}. */
  public static ExportResult pending() {
    return new ExportResult();
  }

  /** A result that completes when all of {@code results} have, successful only if all were. */
  public static ExportResult all(Collection<ExportResult> results) {
    if (results.isEmpty()) {
      return SUCCESS;
    }
    ExportResult all = pending();
    AtomicInteger remaining = new AtomicInteger(results.size());
    AtomicReference<ExportResult> firstFailure = new AtomicReference<>();
    for (ExportResult r : results) {
      r.whenComplete(() -> {
        if (!r.isSuccess()) {
          firstFailure.compareAndSet(null, r);
        }
        if (remaining.decrementAndGet() == 0) {
          ExportResult failed = firstFailure.get();
          if (failed == null) {
            all.succeed();
          } else {
            all.fail(failed.failureCause());
          }
        }
      });
    }
    return all;
  }

  /** Completes this result as successful; returns false if it was already complete. */
  public boolean succeed() {
    return future.complete(Boolean.TRUE);
  }

  /** Completes this result as failed; returns false if it was already complete. */
  public boolean fail(Throwable cause) {
    if (future.isDone()) {
      return false;
    }
    this.cause = cause;
    return future.complete(Boolean.FALSE);
  }

  /** Completes this result the way {@code source} completes (now, if it already has). */
  public ExportResult completeFrom(ExportResult source) {
    source.whenComplete(() -> {
      if (source.isSuccess()) {
        succeed();
      } else {
        fail(source.failureCause());
      }
    });
    return this;
  }

  /** Whether the result is complete. */
  public boolean isDone() {
    return future.isDone();
  }

  /** Whether the result completed successfully; false while pending. */
  public boolean isSuccess() {
    return future.isDone() && future.join();
  }

  /** Why it failed, when known; null otherwise. */
  public Throwable failureCause() {
    return isDone() && !isSuccess() ? cause : null;
  }

  /** Runs {@code action} once the result completes (at once, on this thread, if it has). */
  public ExportResult whenComplete(Runnable action) {
    future.whenComplete((ok, error) -> action.run());
    return this;
  }

  /**
   * Waits up to {@code timeout} for completion; returns whether it completed. An interrupt stops
   * the wait and is kept on the thread.
   */
  public boolean await(Duration timeout) {
    try {
      future.get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return future.isDone();
    } catch (ExecutionException e) {
      return true;
    }
  }

  @Override
  public String toString() {
    return !isDone() ? "ExportResult{pending}" : isSuccess() ? "ExportResult{success}" : "ExportResult{failure}";
  }
}
