package dev.ariadne.core;

import dev.ariadne.api.AttributeKey;
import dev.ariadne.api.AttributeList;
import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.ReadWriteSpan;
import dev.ariadne.core.resource.Resource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A sampled or record-only span. The same object is the span the application writes and, once
 * ended, the immutable {@code SpanData} exporters read: no copy is made at end.
 *
 * <p>Writes are single-writer and lock-free; {@code end} is made exactly-once with a CAS, and the
 * processor's hand-off (a release/acquire queue, or the exporter's own synchronisation) publishes
 * every field written before it.
 */
final class RecordingSpan implements ReadWriteSpan {
  private static final VarHandle ENDED;
  private static final AttributeList ENDED_SINK = new AttributeList(0, 0).build();

  static {
    try {
      ENDED = MethodHandles.lookup().findVarHandle(RecordingSpan.class, "ended", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final TracerState state;
  private final InstrumentationScope scope;
  private final SpanContext context;
  private final SpanContext parent;
  private final SpanKind kind;
  final TimeAnchor anchor;
  private final long startEpochNanos;
  private final List<Link> links;
  private final int droppedLinks;

  private String name;
  private AttributeList attributes;
  private EventData[] events;
  private int eventCount;
  private int droppedEvents;
  private StatusCode status = StatusCode.UNSET;
  private String statusDescription = "";
  private long endEpochNanos;
  // 0 while recording, 1 while end() fills in the end time, 2 once ended and complete
  private volatile int ended;
  private LeakDetector.Tracked leak;

  RecordingSpan(TracerState state, InstrumentationScope scope, SpanContext context, SpanContext parent,
      String name, SpanKind kind, TimeAnchor anchor, long startEpochNanos, AttributeList attributes,
      List<Link> links, int droppedLinks) {
    this.state = state;
    this.scope = scope;
    this.context = context;
    this.parent = parent;
    this.name = name;
    this.kind = kind;
    this.anchor = anchor;
    this.startEpochNanos = startEpochNanos;
    this.attributes = attributes;
    this.links = links;
    this.droppedLinks = droppedLinks;
  }

  void trackLeak(LeakDetector detector) {
    leak = detector.track(this);
  }

  // --- Span: writes ---

  @Override
  public Span attribute(String key, String value) {
    writableAttributes().put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, long value) {
    writableAttributes().put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, double value) {
    writableAttributes().put(key, value);
    return this;
  }

  @Override
  public Span attribute(String key, boolean value) {
    writableAttributes().put(key, value);
    return this;
  }

  @Override
  public <T> Span attribute(AttributeKey<T> key, T value) {
    writableAttributes().put(key, value);
    return this;
  }

  @Override
  public Span attributes(Attributes values) {
    writableAttributes().putAll(values);
    return this;
  }

  /** The span's attribute list, or, once ended, a frozen list that ignores the write. */
  private AttributeList writableAttributes() {
    if (ended != 0) {
      state.callAfterEnd();
      return ENDED_SINK;
    }
    AttributeList list = attributes;
    if (list == null) {
      list = state.newAttributeList();
      attributes = list;
    }
    return list;
  }

  @Override
  public Span event(String eventName) {
    return addEvent(eventName, Attributes.empty(), Long.MIN_VALUE);
  }

  @Override
  public Span event(String eventName, Attributes eventAttributes) {
    return addEvent(eventName, eventAttributes, Long.MIN_VALUE);
  }

  @Override
  public Span event(String eventName, Attributes eventAttributes, long timestamp, TimeUnit unit) {
    return addEvent(eventName, eventAttributes, unit == null ? Long.MIN_VALUE : unit.toNanos(timestamp));
  }

  private Span addEvent(String eventName, Attributes eventAttributes, long epochNanos) {
    if (ended != 0) {
      state.callAfterEnd();
      return this;
    }
    if (eventName == null || eventName.isBlank()) {
      state.invalidInput();
      return this;
    }
    if (eventCount >= state.limits.maxEvents()) {
      droppedEvents++;
      return this;
    }
    long time = epochNanos == Long.MIN_VALUE ? anchor.now() : epochNanos;
    Attributes limited = Limits.limit(eventAttributes, state.limits.maxAttributesPerEvent(),
        state.limits.maxAttributeValueLength());
    int dropped = limited instanceof AttributeList ? ((AttributeList) limited).droppedCount() : 0;
    appendEvent(EventData.of(eventName, time, limited, dropped));
    return this;
  }

  private void appendEvent(EventData event) {
    // Read the count once and check it against the array actually written, so that even racing
    // writers (which the span does not support, but must survive) can lose an event, never throw.
    int n = eventCount;
    int max = state.limits.maxEvents();
    if (n >= max) {
      droppedEvents++;
      return;
    }
    EventData[] es = events;
    if (es == null || n >= es.length) {
      es = es == null ? new EventData[Math.min(4, max)] : Arrays.copyOf(es, Math.min(Math.max(n + 1, es.length * 2), max));
      events = es;
    }
    es[n] = event;
    eventCount = n + 1;
  }

  @Override
  public Span recordException(Throwable exception) {
    return recordException(exception, Attributes.empty());
  }

  @Override
  public Span recordException(Throwable exception, Attributes extra) {
    if (ended != 0) {
      state.callAfterEnd();
      return this;
    }
    if (exception == null) {
      state.invalidInput();
      return this;
    }
    if (eventCount >= state.limits.maxEvents()) {
      droppedEvents++;
      return this;
    }
    AttributeList list = new AttributeList(state.limits.maxAttributesPerEvent(), state.limits.maxAttributeValueLength());
    list.put("exception.type", exception.getClass().getName());
    String message = safeMessage(exception);
    if (message != null) {
      list.put("exception.message", message);
    }
    list.put("exception.stacktrace", stackTrace(exception));
    list.putAll(extra);
    AttributeList built = list.build();
    appendEvent(EventData.of("exception", anchor.now(), built, built.droppedCount()));
    return this;
  }

  private static String safeMessage(Throwable exception) {
    try {
      return exception.getMessage();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String stackTrace(Throwable exception) {
    try {
      StringWriter out = new StringWriter();
      exception.printStackTrace(new PrintWriter(out));
      return out.toString();
    } catch (RuntimeException e) {
      // A throwing toString() in user code must not escape; the type is still recorded.
      return exception.getClass().getName();
    }
  }

  @Override
  public Span status(StatusCode code) {
    return status(code, null);
  }

  @Override
  public Span status(StatusCode code, String description) {
    if (ended != 0) {
      state.callAfterEnd();
    } else if (code == null) {
      state.invalidInput();
    } else if (code != StatusCode.UNSET && status != StatusCode.OK) {
      status = code;
      statusDescription = code == StatusCode.ERROR && description != null
          ? Limits.truncate(description, state.limits.maxAttributeValueLength())
          : "";
    }
    return this;
  }

  @Override
  public Span name(String newName) {
    if (ended != 0) {
      state.callAfterEnd();
    } else if (newName == null || newName.isBlank()) {
      state.invalidInput();
    } else {
      name = Limits.truncate(newName, state.limits.maxAttributeValueLength());
    }
    return this;
  }

  @Override
  public void end() {
    endAt(Long.MIN_VALUE);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    endAt(unit == null ? Long.MIN_VALUE : unit.toNanos(timestamp));
  }

  private void endAt(long epochNanos) {
    if (!ENDED.compareAndSet(this, 0, 1)) {
      state.callAfterEnd();
      return;
    }
    long time = epochNanos == Long.MIN_VALUE ? anchor.now() : epochNanos;
    endEpochNanos = Math.max(time, startEpochNanos);
    ended = 2; // volatile write: a reader that sees hasEnded() also sees the end time
    if (leak != null) {
      state.leakDetector.ended(leak);
    }
    state.onEnd(this);
  }

  @Override
  public boolean isRecording() {
    return ended == 0;
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }

  // --- SpanData: reads ---

  @Override
  public SpanContext parentSpanContext() {
    return parent;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SpanKind kind() {
    return kind;
  }

  @Override
  public long startEpochNanos() {
    return startEpochNanos;
  }

  @Override
  public long endEpochNanos() {
    return endEpochNanos;
  }

  @Override
  public boolean hasEnded() {
    return ended == 2;
  }

  @Override
  public Attributes attributes() {
    AttributeList list = attributes;
    return list == null ? Attributes.empty() : list;
  }

  @Override
  public int droppedAttributesCount() {
    AttributeList list = attributes;
    return list == null ? 0 : list.droppedCount();
  }

  @Override
  public int truncatedAttributeValuesCount() {
    AttributeList list = attributes;
    return list == null ? 0 : list.truncatedCount();
  }

  @Override
  public List<EventData> events() {
    int n = eventCount;
    return n == 0 ? List.of() : Collections.unmodifiableList(Arrays.asList(events).subList(0, n));
  }

  @Override
  public int droppedEventsCount() {
    return droppedEvents;
  }

  @Override
  public List<Link> links() {
    return links;
  }

  @Override
  public int droppedLinksCount() {
    return droppedLinks;
  }

  @Override
  public StatusCode status() {
    return status;
  }

  @Override
  public String statusDescription() {
    return statusDescription;
  }

  @Override
  public Resource resource() {
    return state.resource;
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return scope;
  }

  @Override
  public String toString() {
    return "RecordingSpan{name=" + name + ", " + context + ", kind=" + kind + ", ended=" + (ended != 0) + '}';
  }
}
