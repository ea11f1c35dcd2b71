package dev.ariadne.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Attributes;
import dev.ariadne.api.Link;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.SpanKind;
import dev.ariadne.api.StatusCode;
import dev.ariadne.api.TraceFlags;
import dev.ariadne.api.TraceState;
import dev.ariadne.core.export.EventData;
import dev.ariadne.core.export.InMemorySpanExporter;
import dev.ariadne.core.export.InstrumentationScope;
import dev.ariadne.core.export.SpanData;
import dev.ariadne.core.resource.Resource;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestSpanDataTest {

  @Test
  void create_hasValidEndedDefaults() {
    TestSpanData span = TestSpanData.create();

    assertThat(span.spanContext()).isEqualTo(TestSpanData.DEFAULT_CONTEXT);
    assertThat(span.spanContext().traceIdHex()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.spanContext().spanIdHex()).isEqualTo("b7ad6b7169203331");
    assertThat(span.spanContext().isSampled()).isTrue();
    assertThat(span.parentSpanContext().isValid()).isFalse();
    assertThat(span.name()).isEqualTo("op");
    assertThat(span.kind()).isEqualTo(SpanKind.INTERNAL);
    assertThat(span.startEpochNanos()).isEqualTo(TestSpanData.DEFAULT_START_NANOS);
    assertThat(span.endEpochNanos()).isEqualTo(TestSpanData.DEFAULT_END_NANOS);
    assertThat(span.hasEnded()).isTrue();
    assertThat(span.durationNanos()).isEqualTo(2_500_000L);
    assertThat(span.attributes().isEmpty()).isTrue();
    assertThat(span.events()).isEmpty();
    assertThat(span.links()).isEmpty();
    assertThat(span.droppedAttributesCount()).isZero();
    assertThat(span.truncatedAttributeValuesCount()).isZero();
    assertThat(span.droppedEventsCount()).isZero();
    assertThat(span.droppedLinksCount()).isZero();
    assertThat(span.status()).isEqualTo(StatusCode.UNSET);
    assertThat(span.statusDescription()).isEmpty();
    assertThat(span.resource().attributes().get(Resource.SERVICE_NAME)).isEqualTo("test-service");
    assertThat(span.instrumentationScope()).isEqualTo(InstrumentationScope.of("test-lib", "1.2.3"));
  }

  @Test
  void setters_setEveryField() {
    SpanContext context = SpanContext.create(1L, 2L, 3L, TraceFlags.NONE, TraceState.empty());
    SpanContext parent = TestSpanData.sampledContext(1L, 2L, 4L);
    EventData event = EventData.of("e", 5L, Attributes.empty(), 1);
    Link link = Link.of(TestSpanData.DEFAULT_CONTEXT, Attributes.of("k", "v"));
    Resource resource = Resource.empty();
    InstrumentationScope scope = InstrumentationScope.of("lib", null);

    TestSpanData span = TestSpanData.of(context).parent(parent).name("GET /").kind(SpanKind.SERVER)
        .times(10L, 30L).attributes(Attributes.of("a", "b")).droppedAttributes(1).truncatedAttributeValues(2)
        .event(event).droppedEvents(3).link(link).droppedLinks(4).status(StatusCode.ERROR, "boom")
        .resource(resource).scope(scope);

    assertThat(span.spanContext()).isEqualTo(context);
    assertThat(span.parentSpanContext()).isEqualTo(parent);
    assertThat(span.name()).isEqualTo("GET /");
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span.durationNanos()).isEqualTo(20L);
    assertThat(span.attributes().get("a")).isEqualTo("b");
    assertThat(span.droppedAttributesCount()).isEqualTo(1);
    assertThat(span.truncatedAttributeValuesCount()).isEqualTo(2);
    assertThat(span.events()).containsExactly(event);
    assertThat(span.droppedEventsCount()).isEqualTo(3);
    assertThat(span.links()).containsExactly(link);
    assertThat(span.droppedLinksCount()).isEqualTo(4);
    assertThat(span.status()).isEqualTo(StatusCode.ERROR);
    assertThat(span.statusDescription()).isEqualTo("boom");
    assertThat(span.resource()).isSameAs(resource);
    assertThat(span.instrumentationScope()).isSameAs(scope);
  }

  @Test
  void valuesTheTracerRefuses_areKeptAsGiven() {
    TestSpanData span = TestSpanData.of(null).name(null).kind(null).times(-5L, Long.MIN_VALUE)
        .attributes(null).droppedAttributes(-1).events(Arrays.asList(null, null)).links(null)
        .status(null, null).resource(null).scope(null);

    assertThat(span.spanContext()).isNull();
    assertThat(span.name()).isNull();
    assertThat(span.kind()).isNull();
    assertThat(span.startEpochNanos()).isEqualTo(-5L);
    assertThat(span.endEpochNanos()).isEqualTo(Long.MIN_VALUE);
    assertThat(span.attributes()).isNull();
    assertThat(span.droppedAttributesCount()).isEqualTo(-1);
    assertThat(span.events()).hasSize(2).containsOnlyNulls();
    assertThat(span.links()).isNull();
    assertThat(span.status()).isNull();
    assertThat(span.statusDescription()).isNull();
    assertThat(span.resource()).isNull();
    assertThat(span.instrumentationScope()).isNull();
  }

  @Test
  void endOfZero_isASpanThatHasNotEnded() {
    TestSpanData span = TestSpanData.create().times(TestSpanData.DEFAULT_START_NANOS, 0);

    assertThat(span.hasEnded()).isFalse();
    assertThat(span.endEpochNanos()).isZero();
    assertThat(span.durationNanos()).isZero();
  }

  @Test
  void event_appendsWithoutChangingAListGivenBefore() {
    EventData first = EventData.of("first", 1L, Attributes.empty(), 0);
    List<EventData> given = List.of(first);
    TestSpanData span = TestSpanData.create().events(given).event(null).link(null);

    assertThat(span.events()).containsExactly(first, null);
    assertThat(given).containsExactly(first);
    assertThat(span.links()).hasSize(1).containsOnlyNulls();
  }

  @Test
  void childOf_continuesTheParentsTrace() {
    TestSpanData root = TestSpanData.create();
    TestSpanData child = TestSpanData.create().childOf(root);

    assertThat(child.parentSpanContext()).isEqualTo(root.spanContext());
    assertThat(child.spanContext().traceIdHex()).isEqualTo(root.spanContext().traceIdHex());
    assertThat(child.spanContext().spanIdHex()).isEqualTo("b7ad6b7169203332");
    assertThat(child.spanContext().traceFlags()).isEqualTo(root.spanContext().traceFlags());
  }

  @Test
  void aTestSpan_isExportedLikeAnyOther() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    TestSpanData span = TestSpanData.create().name("checkout");

    exporter.export(List.<SpanData>of(span));

    assertThat(exporter.finishedSpans()).containsExactly(span);
  }
}
