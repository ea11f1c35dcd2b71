package dev.ariadne.instrumentation.jdkhttp;

import dev.ariadne.api.propagation.TextMapSetter;
import java.net.http.HttpRequest;

/**
 * Collects the headers a propagator writes into a copy of an outgoing request. The copy is made
 * only when the first header is written, so a propagator with nothing to say costs nothing.
 */
final class RequestCarrier {
  static final TextMapSetter<RequestCarrier> SETTER = (carrier, name, value) -> {
    if (carrier != null) {
      carrier.set(name, value);
    }
  };

  private final HttpRequest original;
  private HttpRequest.Builder copy;

  RequestCarrier(HttpRequest original) {
    this.original = original;
  }

  void set(String name, String value) {
    if (name == null || value == null) {
      return;
    }
    try {
      if (copy == null) {
        copy = HttpRequest.newBuilder(original, (headerName, headerValue) -> true);
      }
      copy.setHeader(name, value);
    } catch (IllegalArgumentException e) {
      // A restricted name (Host, Connection, ...) or an invalid name or value: this header is not
      // sent, and the request goes out as the application made it.
      Failures.report("the propagator's header '" + name + "' cannot be sent; ignored", e);
    }
  }

  /** The request to send: the original, or the copy with the propagation headers. */
  HttpRequest request() {
    return copy == null ? original : copy.build();
  }
}
