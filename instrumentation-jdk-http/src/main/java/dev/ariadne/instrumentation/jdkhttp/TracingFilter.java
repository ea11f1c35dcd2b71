package dev.ariadne.instrumentation.jdkhttp;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.ariadne.api.Context;
import dev.ariadne.api.Scope;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanBuilder;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Traces every request a {@code com.sun.net.httpserver} context handles: one SERVER span per
 * exchange, continuing the trace the caller sent in its headers, current while the handler runs.
 *
 * <pre>{@code
 * HttpContext orders = server.createContext("/orders", ordersHandler);
 * orders.getFilters().add(TracingFilter.create(tracer, W3CTraceContextPropagator.create()));
 * }</pre>
 *
 * <p>The span is named {@code "{METHOD} {route}"} and carries OpenTelemetry's HTTP server
 * attributes. A 5xx response is an error; a 4xx is not (the server did its job). An exception
 * thrown by the handler is recorded and rethrown unchanged; if no response was sent by then the
 * status is recorded as 500. Add this filter first, so that it sees what later filters do.
 *
 * <p>Tracing never breaks the request: a tracer, propagator or route function that throws is
 * logged and the request is handled untraced (or with the default route).
 */
public final class TracingFilter extends Filter {
  private static final TextMapGetter<Map<String, List<String>>> HEADERS = TextMapGetter.forMultiMap();

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Function<HttpExchange, String> route;
  private final Set<String> knownMethods;

  private TracingFilter(Builder builder) {
    this.tracer = builder.tracer;
    this.propagator = builder.propagator;
    this.route = builder.route;
    this.knownMethods = builder.knownMethods;
  }

  /** A filter with the defaults: the route is the path the {@code HttpContext} was created with. */
  public static TracingFilter create(Tracer tracer, TextMapPropagator propagator) {
    return builder(tracer, propagator).build();
  }

  /** A builder for a filter with a custom route function or set of known methods. */
  public static Builder builder(Tracer tracer, TextMapPropagator propagator) {
    return new Builder(tracer, propagator);
  }

  /** Handles the exchange inside a SERVER span; see the class description. */
  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Started started = start(exchange);
    if (started == null) {
      chain.doFilter(exchange);
      return;
    }
    Span span = started.span;
    Scope scope = makeCurrent(started.context);
    Throwable failure = null;
    try {
      chain.doFilter(exchange);
    } catch (Throwable t) {
      failure = t;
      throw t; // precise rethrow: exactly what the handler threw
    } finally {
      close(scope);
      finish(span, exchange, failure);
    }
  }

  /** Names the filter in the server's filter list. */
  @Override
  public String description() {
    return "Ariadne HTTP server tracing";
  }

  /** The new SERVER span and the context to make current, or null when tracing failed. */
  private Started start(HttpExchange exchange) {
    try {
      Context parent = extract(exchange.getRequestHeaders());
      String method = exchange.getRequestMethod();
      String known = Semconv.knownMethod(method, knownMethods);
      String route = route(exchange);
      String prefix = Semconv.spanNamePrefix(known, method);
      SpanBuilder builder = tracer.span(route == null ? prefix : prefix + ' ' + route)
          .parent(parent)
          .kind(SpanKind.SERVER)
          .attribute(Semconv.HTTP_REQUEST_METHOD, known);
      if (known == Semconv.OTHER_METHOD) {
        builder.attribute(Semconv.HTTP_REQUEST_METHOD_ORIGINAL, method);
      }
      String scheme = exchange instanceof HttpsExchange ? "https" : "http";
      URI uri = exchange.getRequestURI();
      if (uri != null) {
        builder.attribute(Semconv.URL_PATH, uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null) {
          builder.attribute(Semconv.URL_QUERY, UrlSanitizer.query(query));
        }
      }
      builder.attribute(Semconv.URL_SCHEME, scheme);
      if (route != null) {
        builder.attribute(Semconv.HTTP_ROUTE, route);
      }
      serverAddress(builder, exchange, scheme);
      InetSocketAddress remote = exchange.getRemoteAddress();
      if (remote != null) {
        builder.attribute(Semconv.CLIENT_ADDRESS,
            remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
      }
      String userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
      if (userAgent != null) {
        builder.attribute(Semconv.USER_AGENT_ORIGINAL, userAgent);
      }
      Span span = builder.start();
      if (span == null) {
        return null;
      }
      // A no-op tracer's span has no context of its own; keeping the extracted one current lets the
      // caller's trace still reach the handler's outgoing calls.
      return new Started(hasOwnContext(span) ? parent.with(span) : parent, span);
    } catch (RuntimeException e) {
      Failures.report("starting the server span failed; the request is handled untraced", e);
      return null;
    }
  }

  private static boolean hasOwnContext(Span span) {
    try {
      SpanContext context = span.spanContext();
      return context != null && context.isValid();
    } catch (RuntimeException e) {
      Failures.report("reading the server span's context failed", e);
      return false;
    }
  }

  private Context extract(Headers headers) {
    Context current = Context.current();
    try {
      Context extracted = propagator.extract(current, headers, HEADERS);
      return extracted != null ? extracted : current;
    } catch (RuntimeException e) {
      Failures.report("extracting the incoming trace context failed; starting a new trace", e);
      return current;
    }
  }

  /** The route function's answer (null meaning "no route"), or the context path if it throws. */
  private String route(HttpExchange exchange) {
    try {
      return route.apply(exchange);
    } catch (RuntimeException e) {
      Failures.report("the route function failed; using the context path", e);
      return contextPath(exchange);
    }
  }

  private static String contextPath(HttpExchange exchange) {
    return exchange.getHttpContext() == null ? null : exchange.getHttpContext().getPath();
  }

  /**
   * {@code server.address} and {@code server.port} as the client addressed them (the Host header),
   * falling back to the local socket; forwarding headers are not trusted.
   */
  private static void serverAddress(SpanBuilder builder, HttpExchange exchange, String scheme) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || host.isEmpty()) {
      InetSocketAddress local = exchange.getLocalAddress();
      if (local != null) {
        builder.attribute(Semconv.SERVER_ADDRESS, local.getHostString());
        builder.attribute(Semconv.SERVER_PORT, (long) local.getPort());
      }
      return;
    }
    // "[v6]:port", "[v6]", "name:port" or "name"
    int colon = host.charAt(0) == '[' ? host.indexOf(':', host.indexOf(']')) : host.lastIndexOf(':');
    String address = colon < 0 ? host : host.substring(0, colon);
    builder.attribute(Semconv.SERVER_ADDRESS, Semconv.stripBrackets(address));
    long port = Semconv.defaultPort(scheme);
    if (colon >= 0) {
      try {
        port = Integer.parseInt(host, colon + 1, host.length(), 10);
      } catch (NumberFormatException e) {
        return; // a malformed port is not recorded
      }
    }
    builder.attribute(Semconv.SERVER_PORT, port);
  }

  private static Scope makeCurrent(Context context) {
    try {
      return context.makeCurrent();
    } catch (RuntimeException e) {
      Failures.report("making the server span current failed", e);
      return Scope.noop();
    }
  }

  private static void close(Scope scope) {
    try {
      scope.close();
    } catch (RuntimeException e) {
      Failures.report("closing the server span's scope failed", e);
    }
  }

  /** Records the outcome and ends the span; never throws. */
  private static void finish(Span span, HttpExchange exchange, Throwable failure) {
    try {
      int status = exchange.getResponseCode();
      if (status < 0 && failure != null) {
        status = 500; // what the client sees instead of a response: a broken exchange
      }
      if (status > 0) {
        span.attribute(Semconv.HTTP_RESPONSE_STATUS_CODE, (long) status);
      }
      if (failure != null) {
        span.attribute(Semconv.ERROR_TYPE, failure.getClass().getName())
            .recordException(failure)
            .status(StatusCode.ERROR, Semconv.message(failure));
      } else if (status >= 500) {
        span.attribute(Semconv.ERROR_TYPE, Integer.toString(status)).status(StatusCode.ERROR);
      }
    } catch (RuntimeException e) {
      Failures.report("recording the server response failed", e);
    } finally {
      try {
        span.end();
      } catch (RuntimeException e) {
        Failures.report("ending the server span failed", e);
      }
    }
  }

  /** A started span and the context that holds it. */
  private static final class Started {
    final Context context;
    final Span span;

    Started(Context context, Span span) {
      this.context = context;
      this.span = span;
    }
  }

  /** Configures a {@link TracingFilter}. */
  public static final class Builder {
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private Function<HttpExchange, String> route = TracingFilter::contextPath;
    private Set<String> knownMethods = Semconv.DEFAULT_KNOWN_METHODS;

    private Builder(Tracer tracer, TextMapPropagator propagator) {
      if (tracer == null) {
        throw new IllegalArgumentException("tracer must not be null");
      }
      if (propagator == null) {
        throw new IllegalArgumentException("propagator must not be null");
      }
      this.tracer = tracer;
      this.propagator = propagator;
    }

    /**
     * The low-cardinality route template of a request ({@code "/users/{id}"}), for the span name and
     * {@code http.route}; null from the function means no route is known. By default, the path the
     * {@code HttpContext} was created with.
     */
    public Builder route(Function<HttpExchange, String> route) {
      if (route == null) {
        throw new IllegalArgumentException("route must not be null");
      }
      this.route = route;
      return this;
    }

    /**
     * The methods recorded as themselves, replacing the default set (RFC 9110's, PATCH and QUERY);
     * any other is recorded as {@code _OTHER} with the original in {@code http.request.method_original}.
     */
    public Builder knownMethods(Collection<String> knownMethods) {
      if (knownMethods == null || knownMethods.isEmpty()) {
        throw new IllegalArgumentException("knownMethods must not be empty, was " + knownMethods);
      }
      for (String method : knownMethods) {
        if (method == null) {
          throw new IllegalArgumentException("knownMethods must not contain null, was " + knownMethods);
        }
      }
      this.knownMethods = Set.copyOf(knownMethods);
      return this;
    }

    /** The filter. */
    public TracingFilter build() {
      return new TracingFilter(this);
    }
  }
}
