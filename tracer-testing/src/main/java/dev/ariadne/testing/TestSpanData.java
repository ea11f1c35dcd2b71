package dev.ariadne.testing;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-made {@link SpanData} whose every field a test chooses, for testing exporters and
 * processors without running a tracer.
 *
 * <p>Nothing is validated: a test may set values the tracer itself would never produce (a null
 * name or kind, negative or backwards times, negative dropped counts, null events or links), to
 * check that the code under test copes with another implementation of {@code SpanData}. Anything
 * not set keeps a fixed, valid default: {@link #DEFAULT_CONTEXT}, name {@code "op"},
 * {@link SpanKind#INTERNAL}, {@link #DEFAULT_START_NANOS} to {@link #DEFAULT_END_NANOS}, no
 * attributes, events or links, {@link StatusCode#UNSET}, a resource with {@code service.name}
 * {@code "test-service"} and the scope {@code "test-lib"} {@code "1.2.3"}.
 *
 * <pre>{@code
 * TestSpanData root = TestSpanData.create().name("GET /orders").kind(SpanKind.SERVER);
 * TestSpanData child = TestSpanData.create().childOf(root)
 *     .name("SELECT orders")
 *     .kind(SpanKind.CLIENT)
 *     .attributes(Attributes.of("db.system", "postgresql"))
 *     .status(StatusCode.ERROR, "timeout");
 * byte[] body = encoder.encode(List.of(root, child));
 * }</pre>
 *
 * <p>The setters change this object and return it; a span is not safe to change while another
 * thread reads it. {@link #hasEnded()} is {@code endEpochNanos() != 0}, as for a real span.
 */
public final class TestSpanData implements SpanData {

  /** The default span context: a sampled, local context with the W3C example ids. */
  public static final SpanContext DEFAULT_CONTEXT =
      sampledContext(0x0af7651916cd43ddL, 0x8448eb211c80319cL, 0xb7ad6b7169203331L);

  /** The default start time, in nanoseconds since the epoch (2023-11-14T22:13:20.123456789Z). */
  public static final long DEFAULT_START_NANOS = 1_700_000_000_123_456_789L;

  /** The default end time, 2.5 ms after {@link #DEFAULT_START_NANOS}. */
  public static final long DEFAULT_END_NANOS = DEFAULT_START_NANOS + 2_500_000L;

  // one instance each, shared by every test span, as spans from one tracer share theirs
  private static final Resource DEFAULT_RESOURCE = Resource.of(Attributes.of(Resource.SERVICE_NAME, "test-service"));
  private static final InstrumentationScope DEFAULT_SCOPE = InstrumentationScope.of("test-lib", "1.2.3");

  private SpanContext context;
  private SpanContext parent = SpanContext.invalid();
  private String name = "op";
  private SpanKind kind = SpanKind.INTERNAL;
  private long startNanos = DEFAULT_START_NANOS;
  private long endNanos = DEFAULT_END_NANOS;
  private Attributes attributes = Attributes.empty();
  private int droppedAttributes;
  private int truncatedAttributeValues;
  private List<EventData> events = new ArrayList<>();
  private int droppedEvents;
  private List<Link> links = new ArrayList<>();
  private int droppedLinks;
  private StatusCode status = StatusCode.UNSET;
  private String statusDescription = "";
  private Resource resource = DEFAULT_RESOURCE;
  private InstrumentationScope scope = DEFAULT_SCOPE;

  private TestSpanData(SpanContext context) {
    this.context = context;
  }

  /** Returns a span with every field at its default, in context {@link #DEFAULT_CONTEXT}. */
  public static TestSpanData create() {
    return new TestSpanData(DEFAULT_CONTEXT);
  }

  /** Returns a span with every field at its default except its context, which may be anything, null included. */
  public static TestSpanData of(SpanContext context) {
    return new TestSpanData(context);
  }

  /** Returns a sampled, local span context with an empty trace state, the usual context of a test span. */
  public static SpanContext sampledContext(long traceIdHigh, long traceIdLow, long spanId) {
    return SpanContext.create(traceIdHigh, traceIdLow, spanId, TraceFlags.SAMPLED, TraceState.empty());
  }

  /** Sets the span's own context. */
  public TestSpanData context(SpanContext context) {
    this.context = context;
    return this;
  }

  /** Sets the parent's context; {@link SpanContext#invalid()} (the default) makes a root span. */
  public TestSpanData parent(SpanContext parent) {
    this.parent = parent;
    return this;
  }

  /**
   * Makes this span a child of {@code other}: its parent becomes {@code other}'s context and its
   * own context the same trace, flags and trace state with span id {@code other}'s plus one.
   */
  public TestSpanData childOf(SpanData other) {
    SpanContext p = other.spanContext();
    this.parent = p;
    this.context = SpanContext.create(p.traceIdHigh(), p.traceIdLow(), p.spanId() + 1, p.traceFlags(), p.traceState());
    return this;
  }

  /** Sets the span's name. */
  public TestSpanData name(String name) {
    this.name = name;
    return this;
  }

  /** Sets the span's kind. */
  public TestSpanData kind(SpanKind kind) {
    this.kind = kind;
    return this;
  }

  /** Sets the start and end times in nanoseconds since the epoch; an end of 0 makes a span that has not ended. */
  public TestSpanData times(long startEpochNanos, long endEpochNanos) {
    this.startNanos = startEpochNanos;
    this.endNanos = endEpochNanos;
    return this;
  }

  /** Sets the span's attributes, replacing any set before. */
  public TestSpanData attributes(Attributes attributes) {
    this.attributes = attributes;
    return this;
  }

  /** Sets how many attributes the span reports as dropped. */
  public TestSpanData droppedAttributes(int count) {
    this.droppedAttributes = count;
    return this;
  }

  /** Sets how many attribute values the span reports as truncated. */
  public TestSpanData truncatedAttributeValues(int count) {
    this.truncatedAttributeValues = count;
    return this;
  }

  /** Adds an event (null included) after those already set. */
  public TestSpanData event(EventData event) {
    this.events = appended(events, event);
    return this;
  }

  /** Sets the span's events to exactly this list (null, or holding nulls, included), replacing any set before. */
  public TestSpanData events(List<EventData> events) {
    this.events = events;
    return this;
  }

  /** Sets how many events the span reports as dropped. */
  public TestSpanData droppedEvents(int count) {
    this.droppedEvents = count;
    return this;
  }

  /** Adds a link (null included) after those already set. */
  public TestSpanData link(Link link) {
    this.links = appended(links, link);
    return this;
  }

  /** Sets the span's links to exactly this list (null, or holding nulls, included), replacing any set before. */
  public TestSpanData links(List<Link> links) {
    this.links = links;
    return this;
  }

  /** Sets how many links the span reports as dropped. */
  public TestSpanData droppedLinks(int count) {
    this.droppedLinks = count;
    return this;
  }

  /** Sets the status code and description, in any combination (a description with OK, a null code). */
  public TestSpanData status(StatusCode code, String description) {
    this.status = code;
    this.statusDescription = description;
    return this;
  }

  /** Sets the resource that produced the span. */
  public TestSpanData resource(Resource resource) {
    this.resource = resource;
    return this;
  }

  /** Sets the instrumentation scope of the tracer that created the span. */
  public TestSpanData scope(InstrumentationScope scope) {
    this.scope = scope;
    return this;
  }

  private static <T> List<T> appended(List<T> list, T element) {
    // copy rather than add, so a list a test passed in (perhaps immutable) is never changed
    List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
    copy.add(element);
    return copy;
  }

  @Override
  public SpanContext spanContext() {
    return context;
  }

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
    return startNanos;
  }

  @Override
  public long endEpochNanos() {
    return endNanos;
  }

  @Override
  public boolean hasEnded() {
    return endNanos != 0;
  }

  @Override
  public Attributes attributes() {
    return attributes;
  }

  @Override
  public int droppedAttributesCount() {
    return droppedAttributes;
  }

  @Override
  public int truncatedAttributeValuesCount() {
    return truncatedAttributeValues;
  }

  @Override
  public List<EventData> events() {
    return events;
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
    return resource;
  }

  @Override
  public InstrumentationScope instrumentationScope() {
    return scope;
  }

  /** Returns the name and context, for assertion messages. */
  @Override
  public String toString() {
    return "TestSpanData{name=" + name + ", context=" + context + '}';
  }
}
