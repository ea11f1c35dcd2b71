package dev.ariadne.api;

/**
 * A hook run each time a context is made current, for work that must follow the current context,
 * such as copying trace ids into a logging MDC.
 *
 * <p>Register with {@link Context#addScopeDecorator}; decorators run only when the current context
 * actually changes. The undo action a decorator returns runs when that context really stops being
 * current: at its scope's close when scopes are closed in order, or, after an out-of-order close,
 * when the scopes opened after it have closed too. Undo actions run innermost first.
 */
@FunctionalInterface
public interface ScopeDecorator {

  /**
   * Called right after {@code attached} became current on this thread; returns the action that
   * undoes the decorator's work, or null when there is nothing to undo.
   */
  Runnable decorate(Context attached);
}
