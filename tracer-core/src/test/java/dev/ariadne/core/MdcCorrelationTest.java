package dev.ariadne.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Scope;
import dev.ariadne.api.ScopedSpan;
import dev.ariadne.api.Span;
import dev.ariadne.api.Tracer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class MdcCorrelationTest {
  private final Tracing tracing = Tracing.builder().mdcCorrelation(true).build();
  private final Tracer tracer = tracing.tracer("t");

  @AfterEach
  void tearDown() {
    tracing.close();
    MDC.clear();
  }

  @Test
  void currentSpansIds_areInTheMdc_andThePreviousValuesComeBack() {
    MDC.put("trace_id", "set-by-the-application");
    try (ScopedSpan outer = tracer.span("outer").startScoped()) {
      assertThat(MDC.get("trace_id")).isEqualTo(outer.spanContext().traceIdHex());
      assertThat(MDC.get("span_id")).isEqualTo(outer.spanContext().spanIdHex());
      assertThat(MDC.get("trace_flags")).isEqualTo("03");
      try (ScopedSpan inner = tracer.span("inner").startScoped()) {
        assertThat(MDC.get("span_id")).isEqualTo(inner.spanContext().spanIdHex());
        assertThat(MDC.get("trace_id")).isEqualTo(outer.spanContext().traceIdHex());
      }
      assertThat(MDC.get("span_id")).isEqualTo(outer.spanContext().spanIdHex());
    }
    assertThat(MDC.get("trace_id")).isEqualTo("set-by-the-application");
    assertThat(MDC.get("span_id")).isNull();
    assertThat(MDC.get("trace_flags")).isNull();
  }

  @Test
  void outOfOrderClose_restoresContextAndMdcTogether() {
    MDC.put("trace_id", "set-by-the-application");
    ScopedSpan first = tracer.span("first").startScoped();
    ScopedSpan second = tracer.span("second").startScoped();
    assertThat(MDC.get("span_id")).isEqualTo(second.spanContext().spanIdHex());
    first.close(); // wrong order: closes second's scope too
    assertThat(Span.current()).isSameAs(Span.invalid());
    assertThat(MDC.get("trace_id")).isEqualTo("set-by-the-application");
    assertThat(MDC.get("span_id")).isNull();
    second.close();
    assertThat(MDC.get("trace_id")).isEqualTo("set-by-the-application");
  }

  @Test
  void afterShutdown_theMdcIsNoLongerTouched() {
    tracing.shutdown(java.time.Duration.ofSeconds(1));
    Span remote = Span.wrap(dev.ariadne.api.SpanContext.fromHex(
        "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", (byte) 1, null, true));
    try (Scope ignored = remote.makeCurrent()) {
      assertThat(MDC.get("trace_id")).isNull();
    }
  }
}
