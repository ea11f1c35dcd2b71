package dev.ariadne.instrumentation.jdkhttp;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanBuilder;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.Tracer;
import dev.ariadne.api.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that traces every request it sends through the client it wraps: one CLIENT
 * span per call, a child of the current span, with the propagator's headers added to the request so
 * the server continues the trace.
 *
 * <pre>{@code
 * HttpClient client = TracingHttpClient.wrap(HttpClient.newHttpClient(), tracer,
 *     W3CTraceContextPropagator.create());
 * HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
 * }</pre>
 *
 * <p>The span is named after the method and carries OpenTelemetry's HTTP client attributes, with
 * credentials and sensitive query values redacted from {@code url.full}. A 4xx or 5xx response is
 * an error; so is an exception, which is recorded (with {@code error.type} its class name) and
 * reaches the caller unchanged. For {@code sendAsync} the span ends when the future completes,
 * also when it is cancelled, and nothing is left current on the calling thread.
 *
 * <p>Tracing never breaks the request: a throwing tracer or propagator is logged and the request
 * is sent as given, and a header the client refuses (a restricted name such as {@code Host}) is
 * left out.
 */
public final class TracingHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  private TracingHttpClient(HttpClient delegate, Tracer tracer, TextMapPropagator propagator) {
    this.delegate = delegate;
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** A client that sends through {@code delegate} and traces each request; its settings are the delegate's. */
  public static HttpClient wrap(HttpClient delegate, Tracer tracer, TextMapPropagator propagator) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate must not be null");
    }
    if (tracer == null) {
      throw new IllegalArgumentException("tracer must not be null");
    }
    if (propagator == null) {
      throw new IllegalArgumentException("propagator must not be null");
    }
    return new TracingHttpClient(delegate, tracer, propagator);
  }

  /** Sends the request inside a CLIENT span; see the class description. */
  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
      throws IOException, InterruptedException {
    Span span = start(request);
    HttpRequest traced = inject(request, span);
    HttpResponse<T> response;
    try {
      response = delegate.send(traced, responseBodyHandler);
    } catch (Throwable t) {
      finish(span, null, t);
      throw t; // precise rethrow: exactly what the delegate threw
    }
    finish(span, response, null);
    return response;
  }

  /** Sends the request asynchronously inside a CLIENT span that ends when the future completes. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler) {
    return traceAsync(request, traced -> delegate.sendAsync(traced, responseBodyHandler));
  }

  /** As {@link #sendAsync(HttpRequest, HttpResponse.BodyHandler)}, with server push handling. */
  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> responseBodyHandler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    return traceAsync(request, traced -> delegate.sendAsync(traced, responseBodyHandler, pushPromiseHandler));
  }

  private <T> CompletableFuture<HttpResponse<T>> traceAsync(
      HttpRequest request, Function<HttpRequest, CompletableFuture<HttpResponse<T>>> send) {
    Span span = start(request);
    HttpRequest traced = inject(request, span);
    CompletableFuture<HttpResponse<T>> future;
    try {
      future = send.apply(traced);
    } catch (Throwable t) {
      finish(span, null, t);
      throw t;
    }
    if (span != null) {
      if (future == null) {
        finish(span, null, null);
      } else {
        // The caller gets the delegate's own future, so cancelling it reaches the exchange and this
        // callback alike.
        future.whenComplete((response, failure) -> finish(span, response, failure));
      }
    }
    return future;
  }

  /** The CLIENT span for {@code request}, or null when the request is null or tracing failed. */
  private Span start(HttpRequest request) {
    if (request == null) {
      return null; // the delegate reports that, as it would without tracing
    }
    try {
      String method = request.method();
      String known = Semconv.knownMethod(method, Semconv.DEFAULT_KNOWN_METHODS);
      SpanBuilder builder = tracer.span(Semconv.spanNamePrefix(known, method))
          .kind(SpanKind.CLIENT)
          .attribute(Semconv.HTTP_REQUEST_METHOD, known);
      if (known == Semconv.OTHER_METHOD) {
        builder.attribute(Semconv.HTTP_REQUEST_METHOD_ORIGINAL, method);
      }
      URI uri = request.uri();
      builder.attribute(Semconv.URL_FULL, UrlSanitizer.full(uri));
      String host = uri.getHost();
      if (host != null) {
        builder.attribute(Semconv.SERVER_ADDRESS, Semconv.stripBrackets(host));
        builder.attribute(Semconv.SERVER_PORT,
            (long) (uri.getPort() >= 0 ? uri.getPort() : Semconv.defaultPort(uri.getScheme())));
      }
      return builder.start();
    } catch (RuntimeException e) {
      Failures.report("starting the client span failed; the request is sent untraced", e);
      return null;
    }
  }

  /** {@code request}, or a copy with the propagation headers for the span's context. */
  private HttpRequest inject(HttpRequest request, Span span) {
    if (request == null) {
      return null;
    }
    try {
      Context context = span == null ? Context.current() : Context.current().with(span);
      RequestCarrier carrier = new RequestCarrier(request);
      propagator.inject(context, carrier, RequestCarrier.SETTER);
      return carrier.request();
    } catch (RuntimeException e) {
      Failures.report("injecting the trace context failed; the request is sent without it", e);
      return request;
    }
  }

  /** Records the outcome and ends the span; never throws. */
  private static void finish(Span span, HttpResponse<?> response, Throwable failure) {
    if (span == null) {
      return;
    }
    try {
      if (response != null) {
        int status = response.statusCode();
        span.attribute(Semconv.HTTP_RESPONSE_STATUS_CODE, (long) status);
        if (status >= 400) {
          span.attribute(Semconv.ERROR_TYPE, Integer.toString(status)).status(StatusCode.ERROR);
        }
      } else if (failure != null) {
        Throwable cause = unwrap(failure);
        span.attribute(Semconv.ERROR_TYPE, cause.getClass().getName())
            .recordException(cause)
            .status(StatusCode.ERROR, Semconv.message(cause));
      }
    } catch (RuntimeException e) {
      Failures.report("recording the client response failed", e);
    } finally {
      try {
        span.end();
      } catch (RuntimeException e) {
        Failures.report("ending the client span failed", e);
      }
    }
  }

  /** The real failure behind a future's wrapper exception. */
  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The delegate's cookie handler. */
  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  /** The delegate's connect timeout. */
  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  /** The delegate's redirect policy. */
  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  /** The delegate's proxy selector. */
  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  /** The delegate's SSL context. */
  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  /** The delegate's SSL parameters. */
  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  /** The delegate's authenticator. */
  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  /** The delegate's preferred HTTP version. */
  @Override
  public Version version() {
    return delegate.version();
  }

  /** The delegate's executor. */
  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The delegate's WebSocket builder; WebSocket traffic is not traced. */
  @Override
  public WebSocket.Builder newWebSocketBuilder() {
    return delegate.newWebSocketBuilder();
  }

  /**
   * Closes the delegate where the runtime lets clients be closed (Java 21 and later, where this
   * overrides {@code HttpClient.close()}); does nothing on older runtimes.
   */
  public void close() {
    // Compiled for Java 17, which has no HttpClient.close(); the delegate is AutoCloseable from 21 on.
    if (delegate instanceof AutoCloseable) {
      try {
        ((AutoCloseable) delegate).close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("closing the delegate client failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "TracingHttpClient{" + delegate + '}';
  }
}
