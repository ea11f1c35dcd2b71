package dev.ariadne.instrumentation.jdkhttp;

import java.util.Set;

/** OpenTelemetry's stable HTTP attribute names and the rules shared by the server and client side. */
final class Semconv {
  static final String HTTP_REQUEST_METHOD = "http.request.method";
  static final String HTTP_REQUEST_METHOD_ORIGINAL = "http.request.method_original";
  static final String HTTP_RESPONSE_STATUS_CODE = "http.response.status_code";
  static final String HTTP_ROUTE = "http.route";
  static final String URL_FULL = "url.full";
  static final String URL_PATH = "url.path";
  static final String URL_QUERY = "url.query";
  static final String URL_SCHEME = "url.scheme";
  static final String SERVER_ADDRESS = "server.address";
  static final String SERVER_PORT = "server.port";
  static final String CLIENT_ADDRESS = "client.address";
  static final String USER_AGENT_ORIGINAL = "user_agent.original";
  static final String ERROR_TYPE = "error.type";

  /** What {@code http.request.method} holds for a method outside the known set. */
  static final String OTHER_METHOD = "_OTHER";

  /** RFC 9110's methods, PATCH (RFC 5789) and QUERY: the conventions' default known set. */
  static final Set<String> DEFAULT_KNOWN_METHODS =
      Set.of("CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY", "TRACE");

  private Semconv() {}

  /** The method as recorded: itself when known (case-sensitive, as the conventions require), else {@code _OTHER}. */
  static String knownMethod(String method, Set<String> known) {
    return method != null && known.contains(method) ? method : OTHER_METHOD;
  }

  /** The first word of a span name: the method, or {@code HTTP} when the method is not known. */
  static String spanNamePrefix(String knownMethod, String method) {
    return knownMethod == OTHER_METHOD ? "HTTP" : method;
  }

  /** An IPv6 literal without its URI brackets, as {@code server.address} wants it. */
  static String stripBrackets(String host) {
    int last = host.length() - 1;
    return last > 0 && host.charAt(0) == '[' && host.charAt(last) == ']' ? host.substring(1, last) : host;
  }

  /** The port a URL means when it names none. */
  static int defaultPort(String scheme) {
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  /** A throwable's message, or its class name when it has none or reading it fails. */
  static String message(Throwable t) {
    String message;
    try {
      message = t.getMessage();
    } catch (RuntimeException broken) {
      message = null; // the application's exception must reach the caller, not this one
    }
    return message != null ? message : t.getClass().getName();
  }
}
