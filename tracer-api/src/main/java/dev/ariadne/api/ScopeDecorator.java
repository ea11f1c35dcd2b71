package dev.ariadne.api;

/**
 * A hook run each time a context is made current, for work that must follow the current context,
 * such as copying trace ids into a logging MDC.
 *
 * <p>Register with {@link Context#addScopeDecorator}; decorators run only when the current context
 * actually changes.
 */
@FunctionalInterface
public interface ScopeDecorator {

  /**
   * Called right after {@code attached} became current; returns a scope whose {@code close()} must
   * undo the decorator's work and then call {@code scope.close()}.
   */
  Scope decorate(Context attached, Scope scope);
}
