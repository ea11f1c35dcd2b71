package dev.ariadne.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scope of one {@link Context#makeCurrent()}. The open scopes of a thread form a stack (each
 * links to the one opened before it); closing the innermost restores its previous context and then
 * unwinds any scopes beneath it that were already closed out of order. Closing any other scope only
 * marks it closed, so the current context is never taken away from code still inside a later scope,
 * and no context is left behind on the thread once every scope has closed.
 */
final class ThreadScope implements Scope {
  static final System.Logger LOG = System.getLogger("dev.ariadne.api.Context");
  private static final AtomicBoolean LOGGED = new AtomicBoolean();
  private static final AtomicLong MISUSED = new AtomicLong();

  private final Context.CurrentHolder holder;
  private final Context previous;
  private final ThreadScope outer;
  Runnable undo;
  private boolean closed;

  ThreadScope(Context.CurrentHolder holder, Context previous, ThreadScope outer) {
    this.holder = holder;
    this.previous = previous;
    this.outer = outer;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (holder.thread != Thread.currentThread()) {
      // Left open, so the thread that opened it can still close it.
      misused("a scope was closed on a thread other than the one that opened it; ignored");
      return;
    }
    closed = true;
    if (holder.innermost != this) {
      misused("a scope was closed out of order; its context stays current until the scopes opened "
          + "after it are closed");
      return;
    }
    ThreadScope scope = this;
    do {
      holder.current = scope.previous;
      holder.innermost = scope.outer;
      scope.runUndo();
      scope = scope.outer;
    } while (scope != null && scope.closed);
  }

  private void runUndo() {
    Runnable action = undo;
    if (action != null) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "scope decorator's undo failed; ignored", e);
      }
    }
  }

  private static void misused(String what) {
    MISUSED.incrementAndGet();
    if (LOGGED.compareAndSet(false, true)) {
      LOG.log(System.Logger.Level.WARNING,
          what + " (logged once; close scopes in try-with-resources on the thread that opened them)",
          new IllegalStateException("scope closed here"));
    }
  }

  /** How many scopes were closed out of order or on a foreign thread since the JVM started. */
  static long misusedCount() {
    return MISUSED.get();
  }
}
