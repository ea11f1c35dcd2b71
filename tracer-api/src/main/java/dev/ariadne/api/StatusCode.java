package dev.ariadne.api;

/** The outcome of a span's operation. */
public enum StatusCode {
  /** Not set: the default, read by backends as "no error". */
  UNSET,
  /** Marked successful by the application; final once set. */
  OK,
  /** The operation failed. */
  ERROR
}
