package dev.ariadne.api;

/**
 * The period during which a context is current on a thread; closing it restores the context that
 * was current before. Use it in try-with-resources, on the thread that opened it.
 */
public interface Scope extends AutoCloseable {

  /**
   * Restores the previous context. Closing twice does nothing. Closing out of order is logged
   * once and changes nothing yet: the scopes opened after this one keep their context, and this one
   * is unwound when they close. Closing on another thread is logged and ignored.
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
