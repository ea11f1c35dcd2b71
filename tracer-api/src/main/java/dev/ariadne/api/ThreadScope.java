package dev.ariadne.api;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The scope of one {@link Context#makeCurrent()}: it restores the previous context, if still in order. */
final class ThreadScope implements Scope {
  static final System.Logger LOG = System.getLogger("dev.ariadne.api.Context");
  private static final AtomicBoolean LOGGED = new AtomicBoolean();
  private static final AtomicLong MISUSED = new AtomicLong();

  private final Context.CurrentHolder holder;
  private final Context previous;
  private final Context attached;
  private boolean closed;

  ThreadScope(Context.CurrentHolder holder, Context previous, Context attached) {
    this.holder = holder;
    this.previous = previous;
    this.attached = attached;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (holder.thread != Thread.currentThread()) {
      misused("a scope was closed on a thread other than the one that opened it");
    } else if (holder.current != attached) {
      // Restoring now would drop the contexts made current after this one: leave them be.
      misused("a scope was closed out of order; the current context was left as it was");
    } else {
      holder.current = previous;
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
