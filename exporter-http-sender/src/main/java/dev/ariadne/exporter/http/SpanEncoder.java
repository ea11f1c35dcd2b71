package dev.ariadne.exporter.http;

import dev.ariadne.core.export.SpanData;
import java.util.List;

/**
 * Turns a batch of ended spans into one HTTP request body in a backend's wire format.
 *
 * <p>An encoder is called by {@link HttpExporter} on the thread that exports (the batch
 * processor's worker, or any thread with a simple processor), so it must be thread-safe; it may
 * reuse a per-thread buffer but must return a body it no longer touches.
 */
public interface SpanEncoder {

  /** The {@code Content-Type} of the bodies this encoder writes, e.g. {@code application/json}. */
  String contentType();

  /**
   * Encodes {@code spans} (never empty) into one request body. Invalid values in a span (a null
   * attribute value, a non-finite double) are written as the format allows or left out, never
   * thrown on.
   */
  byte[] encode(List<SpanData> spans);

  /**
   * Whether this encoder can write {@code span} (never null) in a form the backend accepts;
   * {@link HttpExporter} leaves out the spans it cannot and counts them as dropped, rather than
   * send a body the backend would refuse as a whole. True unless the format says otherwise.
   */
  default boolean canEncode(SpanData span) {
    return true;
  }

  /**
   * Whether one body can carry spans of only one {@link dev.ariadne.core.resource.Resource}
   * (Jaeger's {@code Batch} has a single {@code Process}); the exporter then sends one body per
   * resource.
   */
  default boolean oneResourcePerBody() {
    return false;
  }
}
