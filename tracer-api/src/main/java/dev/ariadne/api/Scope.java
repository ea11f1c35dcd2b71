package dev.ariadne.api;

/**
 * The period during which a context is current on a thread; closing it restores the context that
 * was current before. Use it in try-with-resources, on the thread that opened it.
 */
public interface Scope extends AutoCloseable {

  /**
   * Restores the previous context. Closing twice does nothing; closing out of order or on another
   * thread is logged once and leaves the current context untouched.
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
