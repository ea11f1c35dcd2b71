package dev.ariadne.api;

/**
 * A hook run each time a context is made current, for work that must follow the current context,
 * such as copying trace ids into a logging MDC.
 *
 * <p>Register with {@link Context#addScopeDecorator}; decorators run only when the current context
 * actually changes. The undo action a decorator returns runs when that context stops being current
 * through its scope's close, or through the close of an enclosing scope that closes it too. Undo
 * actions run innermost first, each after its scope's previous context has been restored.
 */
@FunctionalInterface
public interface ScopeDecorator {

  /**
   * Called right after {@code attached} became current on this thread; returns the action that
   * undoes the decorator's work, or null when there is nothing to undo.
   */
  Runnable decorate(Context attached);
}
