package dev.ariadne.api;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * An immutable bag of values that travels with a request: the current span, the baggage, and any
 * value under a {@link ContextKey}. Each thread has a current context, changed only through
 * {@link #makeCurrent()}.
 *
 * <pre>{@code
 * Context ctx = Context.current().with(REQUEST_ID, id);
 * try (Scope ignored = ctx.makeCurrent()) {
 *   executor.execute(Context.current().wrap(task)); // the task sees ctx on its thread
 * }
 * }</pre>
 */
public final class Context {
  private static final Context ROOT = new Context(null, null, new Object[0]);
  private static final ThreadLocal<CurrentHolder> CURRENT = ThreadLocal.withInitial(CurrentHolder::new);
  private static final ScopeDecorator[] NO_DECORATORS = new ScopeDecorator[0];
  private static final AtomicReference<ScopeDecorator[]> DECORATORS = new AtomicReference<>(NO_DECORATORS);
  // Mirrors DECORATORS for a plain read on the make-current path.
  private static volatile ScopeDecorator[] decorators = NO_DECORATORS;

  private final Span span;
  private final Baggage baggage;
  // other keys and values: key i at 2i, value at 2i + 1
  private final Object[] entries;

  private Context(Span span, Baggage baggage, Object[] entries) {
    this.span = span;
    this.baggage = baggage;
    this.entries = entries;
  }

  /** The empty context, current on every thread where nothing else was made current. */
  public static Context root() {
    return ROOT;
  }

  /** The context current on this thread. */
  public static Context current() {
    return CURRENT.get().current;
  }

  /** The value under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <V> V get(ContextKey<V> key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == key) {
        return (V) entries[i + 1];
      }
    }
    return null;
  }

  /** A context like this one with {@code key} set to {@code value}; a null key is ignored. */
  public <V> Context with(ContextKey<V> key, V value) {
    if (key == null) {
      return this;
    }
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == key) {
        if (entries[i + 1] == value) {
          return this;
        }
        Object[] copy = entries.clone();
        copy[i + 1] = value;
        return new Context(span, baggage, copy);
      }
    }
    Object[] copy = Arrays.copyOf(entries, entries.length + 2);
    copy[entries.length] = key;
    copy[entries.length + 1] = value;
    return new Context(span, baggage, copy);
  }

  /** A context like this one holding {@code span} as its span. */
  public Context with(Span span) {
    return span == this.span ? this : new Context(span, baggage, entries);
  }

  /** A context like this one holding {@code baggage}. */
  public Context with(Baggage baggage) {
    return baggage == this.baggage ? this : new Context(span, baggage, entries);
  }

  /** The span held here, or null; see {@link Span#fromContext}. */
  Span span() {
    return span;
  }

  /** The baggage held here, or null; see {@link Baggage#fromContext}. */
  Baggage baggage() {
    return baggage;
  }

  /**
   * Makes this context current on this thread until the returned scope is closed; use it in
   * try-with-resources.
   */
  public Scope makeCurrent() {
    CurrentHolder holder = CURRENT.get();
    Context previous = holder.current;
    if (previous == this) {
      return Scope.noop();
    }
    holder.current = this;
    ThreadScope scope = new ThreadScope(holder, previous, holder.innermost);
    holder.innermost = scope;
    ScopeDecorator[] ds = decorators;
    if (ds.length != 0) {
      scope.undo = decorate(ds);
    }
    return scope;
  }

  private Runnable decorate(ScopeDecorator[] ds) {
    Runnable[] undos = new Runnable[ds.length];
    int count = 0;
    for (ScopeDecorator decorator : ds) {
      try {
        Runnable undo = decorator.decorate(this);
        if (undo != null) {
          undos[count++] = undo;
        }
      } catch (RuntimeException e) {
        ThreadScope.LOG.log(System.Logger.Level.WARNING, "scope decorator failed; ignored", e);
      }
    }
    if (count == 0) {
      return null;
    }
    if (count == 1) {
      return undos[0];
    }
    int n = count;
    return () -> {
      for (int i = n - 1; i >= 0; i--) {
        try {
          undos[i].run();
        } catch (RuntimeException e) {
          ThreadScope.LOG.log(System.Logger.Level.WARNING, "scope decorator's undo failed; ignored", e);
        }
      }
    };
  }

  /** {@code task} made to run in this context, on whatever thread runs it. */
  public Runnable wrap(Runnable task) {
    return () -> {
      try (Scope ignored = makeCurrent()) {
        task.run();
      }
    };
  }

  /** {@code task} made to run in this context, on whatever thread calls it. */
  public <T> Callable<T> wrap(Callable<T> task) {
    return () -> {
      try (Scope ignored = makeCurrent()) {
        return task.call();
      }
    };
  }

  /** {@code supplier} made to run in this context, as for {@code CompletableFuture.supplyAsync}. */
  public <T> Supplier<T> wrapSupplier(Supplier<T> supplier) {
    return () -> {
      try (Scope ignored = makeCurrent()) {
        return supplier.get();
      }
    };
  }

  /** An executor that runs every task in the context current where the task was submitted. */
  public static Executor taskWrapping(Executor executor) {
    return new ContextExecutors.WrappingExecutor(executor);
  }

  /** An executor service that runs every task in the context current where the task was submitted. */
  public static ExecutorService taskWrapping(ExecutorService executor) {
    return new ContextExecutors.WrappingExecutorService(executor);
  }

  /** A scheduled executor service that runs every task in the context current where it was scheduled. */
  public static ScheduledExecutorService taskWrapping(ScheduledExecutorService executor) {
    return new ContextExecutors.WrappingScheduledExecutorService(executor);
  }

  /** Adds a decorator run at every change of the current context, on every thread. */
  public static void addScopeDecorator(ScopeDecorator decorator) {
    if (decorator == null) {
      throw new IllegalArgumentException("decorator must not be null");
    }
    ScopeDecorator[] updated = DECORATORS.updateAndGet(ds -> {
      ScopeDecorator[] copy = Arrays.copyOf(ds, ds.length + 1);
      copy[ds.length] = decorator;
      return copy;
    });
    decorators = updated;
  }

  /** Removes a decorator added with {@link #addScopeDecorator}; unknown decorators are ignored. */
  public static void removeScopeDecorator(ScopeDecorator decorator) {
    ScopeDecorator[] updated = DECORATORS.updateAndGet(ds -> {
      for (int i = 0; i < ds.length; i++) {
        if (ds[i] == decorator) {
          ScopeDecorator[] copy = new ScopeDecorator[ds.length - 1];
          System.arraycopy(ds, 0, copy, 0, i);
          System.arraycopy(ds, i + 1, copy, i, ds.length - i - 1);
          return copy;
        }
      }
      return ds;
    });
    decorators = updated;
  }

  @Override
  public String toString() {
    return "Context{span=" + span + ", baggage=" + baggage + ", entries=" + entries.length / 2 + '}';
  }

  /** The per-thread slot for the current context; one mutable holder avoids a ThreadLocal.set per switch. */
  static final class CurrentHolder {
    final Thread thread = Thread.currentThread();
    Context current = ROOT;
    ThreadScope innermost;
  }
}
