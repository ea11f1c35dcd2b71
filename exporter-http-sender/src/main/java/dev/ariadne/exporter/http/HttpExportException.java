package dev.ariadne.exporter.http;

/** Why an HTTP export failed: the receiver's status (0 when no answer came) and a short reason. */
public final class HttpExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;

  HttpExportException(int statusCode, String message, Throwable cause) {
    super(message, cause, false, false);
    this.statusCode = statusCode;
  }

  /** The last HTTP status received, or 0 if the last attempt got no answer. */
  public int statusCode() {
    return statusCode;
  }
}
