package dev.ariadne.api;

/**
 * The period during which a context is current on a thread; closing it restores the context that
 * was current before. Use it in try-with-resources, on the thread that opened it.
 */
public interface Scope extends AutoCloseable {

  /**
   * Restores the context that was current when this scope was opened. Closing twice does nothing.
   * Scopes opened after this one and still open are closed with it (logged once, as a misuse), so a
   * leaked scope cannot keep its context on the thread. Closing on another thread is logged and
   * ignored.
   */
  @Override
  void close();

  /** A scope whose close does nothing. */
  static Scope noop() {
    return NoopScope.INSTANCE;
  }
}

enum NoopScope implements Scope {
  INSTANCE;

  @Override
  public void close() {}
}
