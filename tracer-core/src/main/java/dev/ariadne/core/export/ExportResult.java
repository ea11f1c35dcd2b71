package dev.ariadne.core.export;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 *
 * <p>An exporter that had to leave some spans of a batch out (one too large to send, one its
 * format cannot carry) but sent the rest reports how many with {@link #succeed(int)}, so the batch
 * processor counts them as dropped rather than exported.
 */
public final class ExportResult {
  // The future's value is the outcome: the number of spans dropped within a success (0 or more),
  // or FAILED. One value, set once, so the count cannot disagree with the outcome under a race.
  private static final int FAILED = -1;
  private static final ExportResult SUCCESS = completed(0, null);
  private static final ExportResult FAILURE = completed(FAILED, null);

  private final CompletableFuture<Integer> future = new CompletableFuture<>();
  private volatile Throwable cause;

  private ExportResult() {}

  private static ExportResult completed(int outcome, Throwable cause) {
    ExportResult result = new ExportResult();
    result.cause = cause;
    result.future.complete(outcome);
    return result;
  }

  /** A completed, successful result (shared). */
  public static ExportResult success() {
    return SUCCESS;
  }

  /**
   * A completed result that succeeded except for {@code droppedSpans} spans the exporter left out
   * itself; {@code success(0)} is {@link #success()}.
   */
  public static ExportResult success(int droppedSpans) {
    checkDropped(droppedSpans);
    return droppedSpans == 0 ? SUCCESS : completed(droppedSpans, null);
  }

  /** A completed, failed result (shared). */
  public static ExportResult failure() {
    return FAILURE;
  }

  /** A completed result that failed because of {@code cause}. */
  public static ExportResult failure(Throwable cause) {
    return completed(FAILED, cause);
  }

  /**
   * A result to be completed later with {@link #succeed()}, {@link #succeed(int)} or
   * {@link #fail(Throwable)}.
   */
  public static ExportResult pending() {
    return new ExportResult();
  }

  /**
   * A result that completes when all of {@code results} have, successful only if all were; its
   * {@link #droppedSpans()} is then the sum of theirs (at most {@link Integer#MAX_VALUE}).
   */
  public static ExportResult all(Collection<ExportResult> results) {
    if (results.isEmpty()) {
      return SUCCESS;
    }
    ExportResult all = pending();
    AtomicInteger remaining = new AtomicInteger(results.size());
    AtomicReference<ExportResult> firstFailure = new AtomicReference<>();
    AtomicLong dropped = new AtomicLong();
    for (ExportResult r : results) {
      r.whenComplete(() -> {
        if (r.isSuccess()) {
          dropped.addAndGet(r.droppedSpans());
        } else {
          firstFailure.compareAndSet(null, r);
        }
        if (remaining.decrementAndGet() == 0) {
          ExportResult failed = firstFailure.get();
          if (failed == null) {
            all.succeed((int) Math.min(Integer.MAX_VALUE, dropped.get()));
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
    return future.complete(0);
  }

  /**
   * Completes this result as successful except for {@code droppedSpans} spans of the batch that
   * the exporter dropped itself (and counts in its own statistics); returns false if it was
   * already complete.
   */
  public boolean succeed(int droppedSpans) {
    checkDropped(droppedSpans);
    return future.complete(droppedSpans);
  }

  /** Completes this result as failed; returns false if it was already complete. */
  public boolean fail(Throwable cause) {
    if (future.isDone()) {
      return false;
    }
    this.cause = cause;
    return future.complete(FAILED);
  }

  /**
   * Completes this result the way {@code source} completes (now, if it already has), its dropped
   * count included.
   */
  public ExportResult completeFrom(ExportResult source) {
    source.whenComplete(() -> {
      if (source.isSuccess()) {
        succeed(source.droppedSpans());
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
    return future.isDone() && future.join() != FAILED;
  }

  /**
   * How many spans of a successful export the exporter dropped itself instead of sending; 0 for a
   * plain success, and 0 while pending or after a failure (when the whole batch counts as failed).
   */
  public int droppedSpans() {
    return future.isDone() ? Math.max(0, future.join()) : 0;
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

  private static void checkDropped(int droppedSpans) {
    if (droppedSpans < 0) {
      throw new IllegalArgumentException("droppedSpans must be >= 0, was " + droppedSpans);
    }
  }

  @Override
  public String toString() {
    if (!isDone()) {
      return "ExportResult{pending}";
    }
    if (!isSuccess()) {
      return "ExportResult{failure}";
    }
    int dropped = droppedSpans();
    return dropped == 0 ? "ExportResult{success}" : "ExportResult{success, droppedSpans=" + dropped + '}';
  }
}
