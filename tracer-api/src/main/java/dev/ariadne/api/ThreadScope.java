package dev.ariadne.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scope of one {@link Context#makeCurrent()}. The open scopes of a thread form a stack (each
 * links to the one opened before it). Closing a scope always restores the context that was current
 * when it was opened. If scopes opened after it are still open (an out-of-order close, or a scope
 * that leaked), they are closed with it, innermost first, and their own later close does nothing:
 * the thread never keeps a context past the close of the scope that brought it.
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
    if (holder.innermost != this) {
      misused("a scope was closed while scopes opened after it were still open; they were closed with it");
    }
    ThreadScope scope = holder.innermost;
    while (scope != null) {
      scope.closed = true;
      holder.current = scope.previous;
      holder.innermost = scope.outer;
      scope.runUndo();
      if (scope == this) {
        break;
      }
      scope = scope.outer;
    }
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
