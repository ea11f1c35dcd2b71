package dev.ariadne.core.export;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * processor counts them as dropped rather than exported. One that sent the batch in parts, some of
 * which failed, says how many spans failed with {@link #fail(Throwable, int)}, so the spans that did
 * get through are not counted as failed.
 */
public final class ExportResult {
  private static final int UNKNOWN = -1;
  private static final Outcome SUCCEEDED = new Outcome(true, 0, 0, null);
  private static final ExportResult SUCCESS = completed(SUCCEEDED);
  private static final ExportResult FAILURE = completed(new Outcome(false, 0, UNKNOWN, null));

  // Set once with everything known about the outcome, so the counts and the cause can never
  // disagree with it under a race.
  private final CompletableFuture<Outcome> future = new CompletableFuture<>();

  /** Succeeded or not, spans dropped by the exporter, spans failed (UNKNOWN: all), and why. */
  private record Outcome(boolean success, int dropped, int failed, Throwable cause) {}

  private ExportResult() {}

  private static ExportResult completed(Outcome outcome) {
    ExportResult result = new ExportResult();
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
    checkCount("droppedSpans", droppedSpans);
    return droppedSpans == 0 ? SUCCESS : completed(new Outcome(true, droppedSpans, 0, null));
  }

  /** A completed, failed result (shared). */
  public static ExportResult failure() {
    return FAILURE;
  }

  /** A completed result that failed because of {@code cause}. */
  public static ExportResult failure(Throwable cause) {
    return completed(new Outcome(false, 0, UNKNOWN, cause));
  }

  /**
   * A completed result that failed because of {@code cause} for {@code failedSpans} spans of the
   * batch; the others were sent (or dropped by the exporter, if counted so in another part).
   */
  public static ExportResult failure(Throwable cause, int failedSpans) {
    checkCount("failedSpans", failedSpans);
    return completed(new Outcome(false, 0, failedSpans, cause));
  }

  /**
   * A result to be completed later with {@link #succeed()}, {@link #succeed(int)},
   * {@link #fail(Throwable)} or {@link #fail(Throwable, int)}.
   */
  public static ExportResult pending() {
    return new ExportResult();
  }

  /**
   * A result that completes when all of {@code results} have, successful only if all were. Its
   * {@link #droppedSpans()} is the sum of theirs (at most {@link Integer#MAX_VALUE}); when some
   * failed, its {@link #failedSpans()} is the sum of theirs if every failed part said how many
   * spans it had, and otherwise unknown (the whole batch failed); its cause is the first failure's.
   */
  public static ExportResult all(Collection<ExportResult> results) {
    if (results.isEmpty()) {
      return SUCCESS;
    }
    ExportResult all = pending();
    AtomicInteger remaining = new AtomicInteger(results.size());
    AtomicReference<ExportResult> firstFailure = new AtomicReference<>();
    AtomicLong dropped = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean failedUnknown = new AtomicBoolean(); // a failed part did not say how many
    for (ExportResult r : results) {
      r.whenComplete(() -> {
        dropped.addAndGet(r.droppedSpans());
        if (!r.isSuccess()) {
          firstFailure.compareAndSet(null, r);
          int count = r.failedSpans();
          if (count == UNKNOWN) {
            failedUnknown.set(true);
          } else {
            failed.addAndGet(count);
          }
        }
        if (remaining.decrementAndGet() == 0) {
          int droppedSum = (int) Math.min(Integer.MAX_VALUE, dropped.get());
          ExportResult first = firstFailure.get();
          if (first == null) {
            all.succeed(droppedSum);
          } else {
            boolean whole = failedUnknown.get();
            all.complete(new Outcome(false, whole ? 0 : droppedSum,
                whole ? UNKNOWN : (int) Math.min(Integer.MAX_VALUE, failed.get()), first.failureCause()));
          }
        }
      });
    }
    return all;
  }

  /** Completes this result as successful; returns false if it was already complete. */
  public boolean succeed() {
    return future.complete(SUCCEEDED);
  }

  /**
   * Completes this result as successful except for {@code droppedSpans} spans of the batch that
   * the exporter dropped itself (and counts in its own statistics); returns false if it was
   * already complete.
   */
  public boolean succeed(int droppedSpans) {
    checkCount("droppedSpans", droppedSpans);
    return future.complete(droppedSpans == 0 ? SUCCEEDED : new Outcome(true, droppedSpans, 0, null));
  }

  /** Completes this result as failed, for the whole batch; returns false if it was already complete. */
  public boolean fail(Throwable cause) {
    return future.complete(new Outcome(false, 0, UNKNOWN, cause));
  }

  /**
   * Completes this result as failed for {@code failedSpans} spans of the batch, the others having
   * been sent; returns false if it was already complete.
   */
  public boolean fail(Throwable cause, int failedSpans) {
    checkCount("failedSpans", failedSpans);
    return future.complete(new Outcome(false, 0, failedSpans, cause));
  }

  private boolean complete(Outcome outcome) {
    return future.complete(outcome);
  }

  /**
   * Completes this result the way {@code source} completes (now, if it already has), its counts
   * and cause included.
   */
  public ExportResult completeFrom(ExportResult source) {
    source.whenComplete(() -> complete(source.future.join()));
    return this;
  }

  /** Whether the result is complete. */
  public boolean isDone() {
    return future.isDone();
  }

  /** Whether the result completed successfully; false while pending. */
  public boolean isSuccess() {
    return future.isDone() && future.join().success();
  }

  /**
   * How many spans of the batch the exporter dropped itself instead of sending: 0 for a plain
   * success or failure, and 0 while pending.
   */
  public int droppedSpans() {
    return future.isDone() ? future.join().dropped() : 0;
  }

  /**
   * How many spans of a failed export failed, when the exporter said (the others were sent or
   * dropped); -1 when it did not, for a failure that stands for the whole batch; 0 while pending or
   * after a success.
   */
  public int failedSpans() {
    return future.isDone() ? future.join().failed() : 0;
  }

  /** Why it failed, when known; null otherwise. */
  public Throwable failureCause() {
    return future.isDone() ? future.join().cause() : null;
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

  private static void checkCount(String name, int count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + count);
    }
  }

  @Override
  public String toString() {
    if (!isDone()) {
      return "ExportResult{pending}";
    }
    Outcome o = future.join();
    String counts = (o.dropped() == 0 ? "" : ", droppedSpans=" + o.dropped())
        + (o.success() || o.failed() == UNKNOWN ? "" : ", failedSpans=" + o.failed());
    return "ExportResult{" + (o.success() ? "success" : "failure") + counts + '}';
  }
}
