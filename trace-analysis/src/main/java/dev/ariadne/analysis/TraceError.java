package dev.ariadne.analysis;

import dev.ariadne.core.export.SpanData;

/**
 * A span that failed: its status is ERROR or it recorded an {@code exception} event.
 *
 * @param span the failed span
 * @param service the span's service
 * @param spanName the span's name
 * @param exceptionType {@code exception.type} of the span's last exception event, or empty
 * @param exceptionMessage {@code exception.message} of that event, or empty
 * @param statusDescription the span's status description, or empty
 */
public record TraceError(
    SpanData span, String service, String spanName, String exceptionType, String exceptionMessage,
    String statusDescription) {

  /** A one-line description: the exception type and message, else the status description. */
  public String description() {
    if (!exceptionType.isEmpty()) {
      return exceptionMessage.isEmpty() ? exceptionType : exceptionType + ": " + exceptionMessage;
    }
    return statusDescription.isEmpty() ? "status ERROR" : statusDescription;
  }
}
