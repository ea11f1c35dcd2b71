package dev.ariadne.exporter.http;

import dev.ariadne.core.export.ExportResult;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.export.SpanExporter;
import dev.ariadne.core.internal.Durations;
import dev.ariadne.core.internal.LogThrottle;
import dev.ariadne.core.resource.Resource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends spans to a collector over HTTP with the JDK's {@link HttpClient}, in the wire format of a
 * {@link SpanEncoder}; the exporters for Jaeger, OTLP and Zipkin are this class with their encoder.
 *
 * <pre>{@code
 * HttpExporter exporter = HttpExporter.builder("zipkin", encoder)
 *     .endpoint("http://zipkin:9411/api/v2/spans")
 *     .bearerToken(System.getenv("TRACING_TOKEN"))
 *     .build();
 * }</pre>
 *
 * <p>{@link #export} encodes on the calling thread (the batch processor's worker) and returns at
 * once; requests, waits between retries and reading answers happen on the exporter's own thread,
 * one request at a time. A failed request is retried on connection errors, timeouts and the
 * statuses 429, 502, 503 and 504, after {@code Retry-After} when the receiver sends one and after
 * an exponential, jittered backoff otherwise, bounded by {@code maxAttempts} and by
 * {@code maxRetryTime} for all attempts of one body together. Other statuses fail at once. A batch
 * whose body would exceed {@code maxPayloadBytes} is split in halves until each part fits; a single
 * span that alone exceeds it is dropped and counted. Spans the encoder cannot write
 * ({@link SpanEncoder#canEncode}) are left out and counted too. {@link #stats()} accounts for every
 * span.
 *
 * <p>Spans dropped either way do not fail the export: when every body sent succeeds, the export's
 * {@link ExportResult} succeeds with {@link ExportResult#droppedSpans()} set to how many of the
 * batch were left out, so a batch processor counts them as dropped by the exporter, not as
 * exported. A batch whose every span was left out sends nothing and succeeds with all of them
 * counted as dropped: nothing failed to send, and nothing is lost silently. When some bodies of a
 * split batch fail and others succeed, the export fails with {@link ExportResult#failedSpans()} set
 * to the failed bodies' spans, so a batch processor counts only those as failed.
 *
 * <p>A body given up is logged as one WARN line (at most one such line per 30 s) that says in plain
 * words what went wrong and what to check, e.g. {@code could not connect to http://localhost:14268/api/traces
 * (connection refused: is the collector running and reachable?)}; the same text is the message of
 * the export's {@link HttpExportException}, and the underlying exception's stack trace is logged at
 * DEBUG only.
 */
public final class HttpExporter implements SpanExporter {
  private static final Logger LOG = LoggerFactory.getLogger(HttpExporter.class);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  // how much of an error answer's body is read, and how much of it is shown
  private static final int ERROR_BODY_READ_LIMIT = 256;
  private static final int ERROR_BODY_SHOW_LIMIT = 200;

  private final String name;
  private final SpanEncoder encoder;
  private final URI endpoint;
  private final String safeEndpoint;
  private final HttpClient client;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxAttempts;
  private final long maxRetryNanos;
  private final Backoff backoff;
  private final boolean gzip;
  private final List<String> headers;
  private final int maxPayloadBytes;
  private final ScheduledThreadPoolExecutor sender;
  private final AtomicBoolean shutdown = new AtomicBoolean();
  private final ExportResult shutdownResult = ExportResult.pending();
  private final Set<Attempt> waitingRetries = ConcurrentHashMap.newKeySet();
  private final LogThrottle warnings = new LogThrottle(TimeUnit.SECONDS.toNanos(30));

  private final LongAdder exportedSpans = new LongAdder();
  private final LongAdder failedSpans = new LongAdder();
  private final LongAdder droppedTooLargeSpans = new LongAdder();
  private final LongAdder droppedInvalidSpans = new LongAdder();
  private final AtomicLong pendingSpans = new AtomicLong();
  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder failedRequests = new LongAdder();
  private final LongAdder bytesSent = new LongAdder();

  private HttpExporter(Builder b) {
    this.name = b.name;
    this.encoder = b.encoder;
    this.endpoint = b.endpoint;
    this.safeEndpoint = withoutSecrets(b.endpoint);
    this.connectTimeout = b.connectTimeout;
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.maxRetryNanos = b.maxRetryTime.toNanos();
    this.backoff = new Backoff(b.initialBackoff.toNanos(), b.maxBackoff.toNanos());
    this.gzip = b.gzip;
    this.headers = List.copyOf(b.headers);
    this.maxPayloadBytes = b.maxPayloadBytes;
    HttpClient.Builder http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(b.connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER);
    if (b.sslContext != null) {
      http.sslContext(b.sslContext);
    }
    this.client = http.build();
    String threadName = "ariadne-http-" + name + "-" + SEQUENCE.incrementAndGet();
    this.sender = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
    sender.setRemoveOnCancelPolicy(true);
  }

  /**
   * A builder for an exporter named {@code name} (used in thread names and log lines) that writes
   * bodies with {@code encoder}.
   */
  public static Builder builder(String name, SpanEncoder encoder) {
    return new Builder(name, encoder);
  }

  @Override
  public ExportResult export(Collection<SpanData> spans) {
    if (spans == null || spans.isEmpty()) {
      return ExportResult.success();
    }
    if (shutdown.get()) {
      failedSpans.add(spans.size());
      return ExportResult.failure(new IllegalStateException(name + " exporter is shut down"));
    }
    Collection<SpanData> encodable = encodable(spans);
    int dropped = spans.size() - encodable.size();
    List<ExportResult> results = new ArrayList<>(3);
    if (!encodable.isEmpty()) {
      for (List<SpanData> group : groups(encodable)) {
        dropped += encodeFitting(group, results);
      }
    }
    if (dropped > 0) {
      // a completed part that carries the count; all() adds it to the bodies' outcome
      results.add(ExportResult.success(dropped));
    }
    return ExportResult.all(results);
  }

  /** Pushes out nothing of its own: completes once the requests queued before this call are done. */
  @Override
  public ExportResult flush() {
    ExportResult result = ExportResult.pending();
    try {
      sender.execute(result::succeed);
    } catch (RejectedExecutionException e) {
      result.succeed(); // shut down: nothing queued can be waited for any more
    }
    return result;
  }

  /**
   * Stops accepting spans, gives up the retries that are waiting (counted as failed), and completes
   * once the request in flight, if any, has finished or timed out.
   */
  @Override
  public ExportResult shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return shutdownResult;
    }
    for (Attempt waiting : waitingRetries) {
      if (waiting.claim()) {
        waiting.cancel();
        giveUp(waiting, waiting.lastWhy + "; not retried: the exporter was shut down while the body waited "
            + "for a retry", waiting.lastStatus, waiting.lastError);
      }
    }
    try {
      sender.execute(shutdownResult::succeed);
    } catch (RejectedExecutionException e) {
      shutdownResult.succeed();
    }
    sender.shutdown();
    return shutdownResult;
  }

  /** What the exporter has done so far. */
  public HttpExporterStats stats() {
    return new HttpExporterStats(exportedSpans.sum(), failedSpans.sum(), droppedTooLargeSpans.sum(),
        droppedInvalidSpans.sum(), pendingSpans.get(), requests.sum(), retries.sum(), failedRequests.sum(),
        bytesSent.sum());
  }

  @Override
  public String toString() {
    return "HttpExporter{" + name + " -> " + safeEndpoint + '}';
  }

  /**
   * The spans the encoder can write; the others are counted and left out, so that one bad span
   * costs only itself and is not reported as sent.
   */
  private Collection<SpanData> encodable(Collection<SpanData> spans) {
    int invalid = 0;
    for (SpanData span : spans) {
      if (span == null || !encoder.canEncode(span)) {
        invalid++;
      }
    }
    if (invalid == 0) {
      return spans; // the usual case: no copy
    }
    List<SpanData> kept = new ArrayList<>(spans.size() - invalid);
    for (SpanData span : spans) {
      if (span != null && encoder.canEncode(span)) {
        kept.add(span);
      }
    }
    droppedInvalidSpans.add(invalid);
    warn("{} exporter dropped {} spans its encoder cannot write (counted in stats().droppedInvalidSpans())",
        name, invalid);
    return kept;
  }

  private Collection<List<SpanData>> groups(Collection<SpanData> spans) {
    if (!encoder.oneResourcePerBody()) {
      return List.of(spans instanceof List ? (List<SpanData>) spans : new ArrayList<>(spans));
    }
    Map<Resource, List<SpanData>> byResource = new LinkedHashMap<>();
    for (SpanData span : spans) {
      byResource.computeIfAbsent(span.resource(), r -> new ArrayList<>()).add(span);
    }
    return byResource.values();
  }

  /**
   * Encodes {@code spans}, halving the list until each body fits, and queues each body; returns how
   * many spans were dropped because each alone was too large.
   */
  private int encodeFitting(List<SpanData> spans, List<ExportResult> results) {
    byte[] body;
    try {
      body = encoder.encode(spans);
    } catch (RuntimeException e) {
      failedSpans.add(spans.size());
      warn("could not encode {} spans; they are dropped (counted in stats().failedSpans())", spans.size(), e);
      results.add(ExportResult.failure(e, spans.size()));
      return 0;
    }
    if (body.length > maxPayloadBytes) {
      if (spans.size() > 1) {
        int half = spans.size() / 2;
        return encodeFitting(spans.subList(0, half), results)
            + encodeFitting(spans.subList(half, spans.size()), results);
      }
      droppedTooLargeSpans.increment();
      warn("dropped span '{}': it alone encodes to {} bytes, over maxPayloadBytes {} "
          + "(counted in stats().droppedTooLargeSpans())", spans.get(0).name(), body.length, maxPayloadBytes);
      return 1;
    }
    byte[] wire = gzip ? gzip(body) : body;
    Attempt attempt = new Attempt(wire, spans.size(), System.nanoTime());
    pendingSpans.addAndGet(attempt.spanCount);
    results.add(attempt.result);
    try {
      sender.execute(() -> send(attempt));
    } catch (RejectedExecutionException e) {
      giveUp(attempt, "not sent: the exporter is shut down", 0, null);
    }
    return 0;
  }

  private void send(Attempt attempt) {
    attempt.number++;
    long remaining = attempt.startNanos + maxRetryNanos - System.nanoTime();
    if (remaining <= 0) {
      String budget = "maxRetryTime " + Durations.readable(Duration.ofNanos(maxRetryNanos));
      giveUp(attempt, attempt.number == 1 ? "not sent: " + budget + " ran out while the body waited its turn"
          : attempt.lastWhy + "; gave up after " + attempts(attempt.number - 1) + ": " + budget
              + " ran out before the next", attempt.lastStatus, attempt.lastError);
      return;
    }
    if (attempt.number > 1) {
      retries.increment();
    }
    requests.increment();
    bytesSent.add(attempt.body.length);
    int status = 0;
    String errorBody = "";
    Duration retryAfter = null;
    Exception error = null;
    Duration requestTimeout = Duration.ofNanos(Math.min(timeout.toNanos(), Math.max(remaining, 1_000_000L)));
    try {
      HttpResponse<InputStream> response = client.send(request(attempt.body, requestTimeout),
          HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      try (InputStream in = response.body()) {
        if (status >= 200 && status < 300) {
          in.transferTo(OutputStreamSink.INSTANCE);
        } else if (isText(response.headers().firstValue("Content-Type").orElse(null))) {
          errorBody = readPrefix(in);
        }
      }
      retryAfter = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
          System.currentTimeMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failedRequests.increment();
      giveUp(attempt, "the sender thread was interrupted", 0, e);
      return;
    } catch (IOException | RuntimeException e) {
      error = e;
    }
    if (error == null && status >= 200 && status < 300) {
      pendingSpans.addAndGet(-attempt.spanCount);
      exportedSpans.add(attempt.spanCount);
      attempt.result.succeed();
      return;
    }
    failedRequests.increment();
    attempt.lastStatus = status;
    attempt.lastError = error;
    boolean retryable = error != null ? !(error instanceof RuntimeException) : isRetryable(status);
    String why = error != null ? describe(error, requestTimeout)
        : safeEndpoint + " answered HTTP " + status + (errorBody.isEmpty() ? "" : ": " + errorBody);
    attempt.lastWhy = why;
    if (!retryable) {
      giveUp(attempt, why + "; not retried", status, error);
      return;
    }
    if (attempt.number >= maxAttempts) {
      giveUp(attempt, why + "; gave up after " + attempts(attempt.number) + " (maxAttempts " + maxAttempts + ")",
          status, error);
      return;
    }
    long delay = retryAfter != null ? retryAfter.toNanos() : backoff.delayNanos(attempt.number);
    if (System.nanoTime() + delay - (attempt.startNanos + maxRetryNanos) >= 0) {
      giveUp(attempt, why + "; gave up after " + attempts(attempt.number) + ": the next would be past maxRetryTime "
          + Durations.readable(Duration.ofNanos(maxRetryNanos)), status, error);
      return;
    }
    scheduleRetry(attempt, delay, why);
  }

  private void scheduleRetry(Attempt attempt, long delayNanos, String why) {
    attempt.reset();
    waitingRetries.add(attempt);
    if (shutdown.get()) {
      if (attempt.claim()) {
        giveUp(attempt, why + "; not retried: the exporter is shut down", attempt.lastStatus, attempt.lastError);
      }
      return;
    }
    try {
      attempt.future = sender.schedule(() -> {
        if (attempt.claim()) {
          waitingRetries.remove(attempt);
          send(attempt);
        }
      }, delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      if (attempt.claim()) {
        giveUp(attempt, why + "; not retried: the exporter is shut down", attempt.lastStatus, attempt.lastError);
      }
    }
  }

  /**
   * Counts the body's spans as failed and fails its result. The warning is one line that says what
   * happened and what to check: the stack trace of a refused connection or a timeout points into the
   * JDK's HTTP client, not at anything the user can change, so it goes to DEBUG only.
   */
  private void giveUp(Attempt attempt, String why, int status, Throwable cause) {
    waitingRetries.remove(attempt);
    pendingSpans.addAndGet(-attempt.spanCount);
    failedSpans.add(attempt.spanCount);
    warn("{} exporter dropped {} span{}: {} (counted in stats().failedSpans())", name, attempt.spanCount,
        attempt.spanCount == 1 ? "" : "s", why);
    if (cause != null && LOG.isDebugEnabled()) {
      LOG.debug("{} exporter: the last failure of a body of {} spans it dropped", name, attempt.spanCount, cause);
    }
    attempt.result.fail(new HttpExportException(status, why, cause), attempt.spanCount);
  }

  private HttpRequest request(byte[] body, Duration requestTimeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(requestTimeout)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.size(); i += 2) {
      request.setHeader(headers.get(i), headers.get(i + 1));
    }
    request.setHeader("Content-Type", encoder.contentType());
    if (gzip) {
      request.setHeader("Content-Encoding", "gzip");
    }
    return request.build();
  }

  static boolean isRetryable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  /**
   * The failure in plain words, naming what to check. The JDK's exceptions alone say little: a
   * refused connection arrives as a {@code ConnectException} whose message is null.
   */
  private String describe(Exception e, Duration requestTimeout) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect to " + safeEndpoint + ": connect timed out after " + Durations.readable(connectTimeout)
          + " (is the host reachable, or is a firewall dropping the packets?)";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer from " + safeEndpoint + " within " + Durations.readable(requestTimeout)
          + " (timeout; is the collector overloaded?)";
    }
    if (find(e, UnresolvedAddressException.class) != null || find(e, UnknownHostException.class) != null) {
      return "could not resolve the host '" + endpoint.getHost() + "' of " + safeEndpoint + " (is the name right?)";
    }
    ConnectException connect = find(e, ConnectException.class);
    if (connect != null) {
      String reason = firstMessage(connect);
      return "could not connect to " + safeEndpoint + " ("
          + (reason == null ? "connection refused" : printable(reason, ERROR_BODY_SHOW_LIMIT).toLowerCase(Locale.ROOT))
          + ": is the collector running and reachable?)";
    }
    SSLException tls = find(e, SSLException.class);
    if (tls != null) {
      String message = firstMessage(tls);
      return "TLS handshake with " + safeEndpoint + " failed: " + (message == null ? tls.getClass().getSimpleName()
          : printable(message, ERROR_BODY_SHOW_LIMIT)) + " (is the collector's certificate trusted? see sslContext)";
    }
    String message = firstMessage(e);
    return "sending to " + safeEndpoint + " failed: " + e.getClass().getSimpleName()
        + (message == null ? "" : ": " + printable(message, ERROR_BODY_SHOW_LIMIT));
  }

  /** {@code e} or the first of its causes that is a {@code type}, or null. */
  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** The first non-blank message of {@code e} and its causes, or null. */
  private static String firstMessage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getMessage();
      }
    }
    return null;
  }

  private static String attempts(int n) {
    return n == 1 ? "1 attempt" : n + " attempts";
  }

  /** Whether an error answer's body is worth showing: text, JSON or XML, not protobuf or other binary. */
  static boolean isText(String contentType) {
    if (contentType == null) {
      return true; // many proxies send a short plain-text error without saying so
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("xml");
  }

  private static String readPrefix(InputStream in) throws IOException {
    byte[] prefix = in.readNBytes(ERROR_BODY_READ_LIMIT);
    return printable(new String(prefix, StandardCharsets.UTF_8), ERROR_BODY_SHOW_LIMIT);
  }

  /**
   * {@code text} as one line of printable ASCII of at most {@code limit} characters: an answer or
   * message from the network must not forge log lines or smuggle terminal escapes.
   */
  static String printable(String text, int limit) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 3);
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        space = out.length() > 0;
        continue;
      }
      if (out.length() + (space ? 1 : 0) >= limit) {
        out.append("...");
        break;
      }
      if (space) {
        out.append(' ');
        space = false;
      }
      out.append(c < 0x7f ? c : '?');
    }
    return out.toString();
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen writing to memory
    }
    return out.toByteArray();
  }

  /** The endpoint as logs may show it: no user info, no query (either may hold a secret). */
  static String withoutSecrets(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost();
    return uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
        + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  private void warn(String format, Object... args) {
    if (warnings.allow()) {
      LOG.warn(format, args);
    }
  }

  /** One request body and its retries; only the sender thread changes its attempt state. */
  private static final class Attempt {
    final byte[] body;
    final int spanCount;
    final long startNanos;
    final ExportResult result = ExportResult.pending();
    final AtomicBoolean claimed = new AtomicBoolean();
    int number;
    int lastStatus;
    // what the last attempt ran into, for a give-up that comes later (shutdown, maxRetryTime)
    String lastWhy = "not sent";
    Exception lastError;
    volatile ScheduledFuture<?> future;

    Attempt(byte[] body, int spanCount, long startNanos) {
      this.body = body;
      this.spanCount = spanCount;
      this.startNanos = startNanos;
    }

    /** Whether the caller won the right to run or give up this waiting retry. */
    boolean claim() {
      return claimed.compareAndSet(false, true);
    }

    void reset() {
      claimed.set(false);
    }

    void cancel() {
      ScheduledFuture<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  /** Lets one warning through per interval from any thread, so a dead collector cannot flood logs. */


  /** Discards a successful answer's body so the connection can be reused. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }

  /**
   * Configures an {@link HttpExporter}; every setting is checked when set, with a message that names
   * it.
   */
  public static final class Builder {
    private final String name;
    private final SpanEncoder encoder;
    private URI endpoint;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(10);
    private int maxAttempts = 5;
    private Duration maxRetryTime = Duration.ofSeconds(20);
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private boolean gzip;
    private final List<String> headers = new ArrayList<>();
    private int maxPayloadBytes = 4 * 1024 * 1024;
    private SSLContext sslContext;

    private Builder(String name, SpanEncoder encoder) {
      if (name == null || name.isBlank() || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
        throw new IllegalArgumentException("name must be non-blank printable ASCII without spaces, was " + name);
      }
      if (encoder == null) {
        throw new IllegalArgumentException("encoder must not be null");
      }
      this.name = name;
      this.encoder = encoder;
    }

    /** The full URL to POST to, e.g. {@code http://localhost:4318/v1/traces}; http or https. */
    public Builder endpoint(String url) {
      if (url == null) {
        throw new IllegalArgumentException("endpoint must not be null");
      }
      try {
        return endpoint(URI.create(url.trim()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("endpoint is not a valid URL: " + e.getMessage(), e);
      }
    }

    /** The full URL to POST to; http or https, with a host. */
    public Builder endpoint(URI url) {
      if (url == null) {
        throw new IllegalArgumentException("endpoint must not be null");
      }
      String scheme = url.getScheme();
      if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
        throw new IllegalArgumentException("endpoint must be an http or https URL, was " + withoutSecrets(url));
      }
      if (url.getHost() == null) {
        throw new IllegalArgumentException("endpoint must name a host, was " + withoutSecrets(url));
      }
      this.endpoint = url;
      return this;
    }

    /** How long to wait for a connection; default 10 s. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = positive("connectTimeout", value);
      return this;
    }

    /** How long one request may take until the answer's headers arrive; default 10 s. */
    public Builder timeout(Duration value) {
      this.timeout = positive("timeout", value);
      return this;
    }

    /** How many requests one body may take, the first included; 1 turns retries off; default 5. */
    public Builder maxAttempts(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, was " + value);
      }
      this.maxAttempts = value;
      return this;
    }

    /**
     * How long all attempts of one body may take together, waits included; default 20 s, below the
     * batch processor's default export timeout of 30 s so that its count and ours agree.
     */
    public Builder maxRetryTime(Duration value) {
      this.maxRetryTime = positive("maxRetryTime", value);
      return this;
    }

    /** The wait before the first retry (later ones double it, with jitter); default 1 s. */
    public Builder initialBackoff(Duration value) {
      this.initialBackoff = positive("initialBackoff", value);
      return this;
    }

    /** The longest wait between retries unless {@code Retry-After} asks for more; default 5 s. */
    public Builder maxBackoff(Duration value) {
      this.maxBackoff = positive("maxBackoff", value);
      return this;
    }

    /** Whether to gzip request bodies ({@code Content-Encoding: gzip}); off by default. */
    public Builder gzip(boolean value) {
      this.gzip = value;
      return this;
    }

    /**
     * Adds a header sent with every request (an API key, a tenant id). Values are never logged.
     * {@code Content-Type} and {@code Content-Encoding} are the exporter's own.
     */
    public Builder header(String name, String value) {
      if (name == null || name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
        throw new IllegalArgumentException("header name must be an HTTP token, was " + name);
      }
      if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c != 0x7f && c <= 0xff))) {
        throw new IllegalArgumentException("header " + name + " must have a value without control characters");
      }
      if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Encoding")) {
        throw new IllegalArgumentException("header " + name + " is set by the exporter");
      }
      try {
        HttpRequest.newBuilder().header(name, value); // the JDK refuses restricted names such as Host
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("header " + name + " cannot be set on a JDK HttpClient request", e);
      }
      for (int i = 0; i < headers.size(); i += 2) {
        if (headers.get(i).equalsIgnoreCase(name)) {
          headers.set(i + 1, value);
          return this;
        }
      }
      headers.add(name);
      headers.add(value);
      return this;
    }

    /** Sends {@code Authorization: Bearer <token>}. */
    public Builder bearerToken(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("bearerToken must not be blank");
      }
      return header("Authorization", "Bearer " + token.trim());
    }

    /** Sends {@code Authorization: Basic ...} for {@code user} and {@code password} (UTF-8). */
    public Builder basicAuth(String user, String password) {
      if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
        throw new IllegalArgumentException("basicAuth user must be non-empty and without ':'");
      }
      if (password == null) {
        throw new IllegalArgumentException("basicAuth password must not be null");
      }
      String pair = user + ':' + password;
      return header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The largest request body, before compression; bigger batches are split, and a single span
     * bigger than this is dropped and counted (in {@link HttpExporter#stats()} and in the export's
     * {@link ExportResult#droppedSpans()}); default 4 MiB.
     */
    public Builder maxPayloadBytes(int value) {
      if (value < 1024) {
        throw new IllegalArgumentException("maxPayloadBytes must be >= 1024, was " + value);
      }
      this.maxPayloadBytes = value;
      return this;
    }

    /** The TLS context for https endpoints (a private CA, a client certificate); the JDK's default otherwise. */
    public Builder sslContext(SSLContext value) {
      if (value == null) {
        throw new IllegalArgumentException("sslContext must not be null");
      }
      this.sslContext = value;
      return this;
    }

    /** Builds the exporter; it starts its sender thread lazily, on the first export. */
    public HttpExporter build() {
      if (endpoint == null) {
        throw new IllegalStateException("endpoint must be set for the " + name + " exporter");
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalStateException("maxBackoff (" + maxBackoff + ") must be >= initialBackoff ("
            + initialBackoff + ")");
      }
      return new HttpExporter(this);
    }

    private static boolean isTokenChar(int c) {
      return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static Duration positive(String setting, Duration value) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(setting + " must be > 0, was " + value);
      }
      return value;
    }
  }
}
