package dev.ariadne.propagation.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ariadne.api.Context;
import dev.ariadne.api.Span;
import dev.ariadne.api.SpanContext;
import dev.ariadne.api.propagation.TextMapGetter;
import dev.ariadne.api.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request cases of the W3C trace-context test suite (github.com/w3c/trace-context,
 * {@code test/test.py}, as of commit acab820, June 2026), restated as data: the headers the harness
 * sends, and what a compliant service propagates. "restart" means no parent is extracted, so the
 * next span starts a new trace; a trace state of "" means none is propagated.
 */
class W3CTestSuiteCasesTest {
  private static final String TRACE_ID = "12345678901234567890123456789012";
  private static final String TP00 = "00-12345678901234567890123456789012-1234567890123456-00";
  private static final String TP01 = "00-12345678901234567890123456789012-1234567890123456-01";

  /** One harness request: its headers in order, the expected trace id (null: restart) and state. */
  record Case(String name, List<String[]> headers, String traceId, String traceState) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static String[] h(String name, String value) {
    return new String[] {name, value};
  }

  private static Case restart(String name, String[]... headers) {
    return new Case(name, Arrays.asList(headers), null, null);
  }

  private static Case inherit(String name, String[]... headers) {
    return new Case(name, Arrays.asList(headers), TRACE_ID, null);
  }

  private static Case state(String name, String expectedState, String[]... headers) {
    return new Case(name, Arrays.asList(headers), TRACE_ID, expectedState);
  }

  private static String bars(int from, int to) {
    StringJoiner joiner = new StringJoiner(",");
    for (int i = from; i <= to; i++) {
      joiner.add(String.format("bar%02d=%02d", i, i));
    }
    return joiner.toString();
  }

  static Stream<Case> traceparentCases() {
    return Stream.of(
        restart("both traceparent and tracestate missing"),
        inherit("traceparent included, tracestate missing", h("traceparent", TP01)),
        restart("traceparent duplicated",
            h("traceparent", "00-12345678901234567890123456789011-1234567890123456-01"),
            h("traceparent", "00-12345678901234567890123456789012-1234567890123456-01")),
        restart("header name trace-parent", h("trace-parent", TP01)),
        restart("header name trace.parent", h("trace.parent", TP01)),
        inherit("header name TraceParent", h("TraceParent", TP01)),
        inherit("header name TrAcEpArEnT", h("TrAcEpArEnT", TP01)),
        inherit("header name TRACEPARENT", h("TRACEPARENT", TP01)),
        restart("version 00 with a trailing dot", h("traceparent", TP01 + ".")),
        restart("version 00 with future fields",
            h("traceparent", TP01 + "-what-the-future-will-be-like")),
        inherit("version cc", h("traceparent", "cc" + TP01.substring(2))),
        inherit("version cc with future fields",
            h("traceparent", "cc" + TP01.substring(2) + "-what-the-future-will-be-like")),
        restart("version cc with a dot after the flags",
            h("traceparent", "cc" + TP01.substring(2) + ".what-the-future-will-be-like")),
        restart("version ff", h("traceparent", "ff" + TP01.substring(2))),
        restart("version .0", h("traceparent", ".0" + TP01.substring(2))),
        restart("version 0.", h("traceparent", "0." + TP01.substring(2))),
        restart("version 000", h("traceparent", "0" + TP01)),
        restart("version 0000", h("traceparent", "00" + TP01)),
        restart("version 0", h("traceparent", TP01.substring(1))),
        restart("trace id all zero",
            h("traceparent", "00-00000000000000000000000000000000-1234567890123456-01")),
        restart("trace id starting with a dot",
            h("traceparent", "00-.2345678901234567890123456789012-1234567890123456-01")),
        restart("trace id ending with a dot",
            h("traceparent", "00-1234567890123456789012345678901.-1234567890123456-01")),
        restart("trace id of 33 digits",
            h("traceparent", "00-123456789012345678901234567890123-1234567890123456-01")),
        restart("trace id of 31 digits",
            h("traceparent", "00-1234567890123456789012345678901-1234567890123456-01")),
        restart("parent id all zero",
            h("traceparent", "00-12345678901234567890123456789012-0000000000000000-01")),
        restart("parent id starting with a dot",
            h("traceparent", "00-12345678901234567890123456789012-.234567890123456-01")),
        restart("parent id ending with a dot",
            h("traceparent", "00-12345678901234567890123456789012-123456789012345.-01")),
        restart("parent id of 17 digits",
            h("traceparent", "00-12345678901234567890123456789012-12345678901234567-01")),
        restart("parent id of 15 digits",
            h("traceparent", "00-12345678901234567890123456789012-123456789012345-01")),
        restart("flags .0", h("traceparent", TP01.substring(0, 53) + ".0")),
        restart("flags 0.", h("traceparent", TP01.substring(0, 53) + "0.")),
        restart("flags 001", h("traceparent", TP01.substring(0, 53) + "001")),
        restart("flags 1", h("traceparent", TP01.substring(0, 53) + "1")),
        inherit("leading space", h("traceparent", " " + TP01)),
        inherit("leading tab", h("traceparent", "\t" + TP01)),
        inherit("trailing space", h("traceparent", TP01 + " ")),
        inherit("trailing tab", h("traceparent", TP01 + "\t")),
        inherit("tabs and spaces around", h("traceparent", "\t " + TP01 + " \t")),
        restart("tracestate without traceparent", h("tracestate", "foo=1,bar=2")),
        inherit("Level 2: the random flag is kept", h("traceparent", TP00.substring(0, 53) + "02")));
  }

  static Stream<Case> tracestateCases() {
    String keyWithoutVendor = "abcdefghijklmnopqrstuvwxyz0123456789_-*/";
    String keyWithVendor = keyWithoutVendor + "@a-z0-9_-*/";
    StringBuilder allowed = new StringBuilder();
    for (char c = 0x20; c <= 0x7e; c++) {
      if (c != ',' && c != '=') {
        allowed.append(c);
      }
    }
    String value = allowed.toString();
    List<Case> cases = new ArrayList<>(List.of(
        state("tracestate included", "foo=1,bar=2", h("traceparent", TP00), h("tracestate", "foo=1,bar=2")),
        state("header name trace-state", "", h("traceparent", TP00), h("trace-state", "foo=1")),
        state("header name trace.state", "", h("traceparent", TP00), h("trace.state", "foo=1")),
        state("header name TraceState", "foo=1", h("traceparent", TP00), h("TraceState", "foo=1")),
        state("header name TrAcEsTaTe", "foo=1", h("traceparent", TP00), h("TrAcEsTaTe", "foo=1")),
        state("header name TRACESTATE", "foo=1", h("traceparent", TP00), h("TRACESTATE", "foo=1")),
        state("empty header", "", h("traceparent", TP00), h("tracestate", "")),
        state("empty header after one", "foo=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "")),
        state("empty header before one", "foo=1",
            h("traceparent", TP00), h("tracestate", ""), h("tracestate", "foo=1")),
        state("several headers, combined in order", "foo=1,bar=2,rojo=1,congo=2,baz=3",
            h("traceparent", TP00), h("tracestate", "foo=1,bar=2"), h("tracestate", "rojo=1,congo=2"),
            h("tracestate", "baz=3")),
        // duplicates: the suite accepts keeping them or dropping all but one; we keep the first
        state("duplicate key, same value", "foo=1", h("traceparent", TP00), h("tracestate", "foo=1,foo=1")),
        state("duplicate key, other value", "foo=1", h("traceparent", TP00), h("tracestate", "foo=1,foo=2")),
        state("duplicate key across headers", "foo=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "foo=1")),
        state("duplicate key across headers, other value", "foo=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "foo=2")),
        state("all allowed characters", keyWithoutVendor + "=" + value,
            h("traceparent", TP00), h("tracestate", keyWithoutVendor + "=" + value)),
        state("all allowed characters, multi-tenant key", keyWithVendor + "=" + value,
            h("traceparent", TP00), h("tracestate", keyWithVendor + "=" + value)),
        state("OWS around commas", "foo=1,bar=2,baz=3",
            h("traceparent", TP00), h("tracestate", "foo=1 \t , \t bar=2, \t baz=3")),
        state("OWS tabs around commas", "foo=1,bar=2,baz=3",
            h("traceparent", TP00), h("tracestate", "foo=1\t \t,\t \tbar=2,\t \tbaz=3")),
        state("leading space", "foo=1", h("traceparent", TP00), h("tracestate", " foo=1")),
        state("leading tab", "foo=1", h("traceparent", TP00), h("tracestate", "\tfoo=1")),
        state("trailing space", "foo=1", h("traceparent", TP00), h("tracestate", "foo=1 ")),
        state("trailing tab", "foo=1", h("traceparent", TP00), h("tracestate", "foo=1\t")),
        state("tabs and spaces around", "foo=1", h("traceparent", TP00), h("tracestate", "\t foo=1 \t")),
        state("key with a space before '='", "", h("traceparent", TP00), h("tracestate", "foo =1")),
        state("upper case key", "", h("traceparent", TP00), h("tracestate", "FOO=1")),
        state("key with a dot", "", h("traceparent", TP00), h("tracestate", "foo.bar=1")),
        state("key starting with @", "", h("traceparent", TP00), h("tracestate", "@foo=1,bar=2")),
        state("32 members", bars(1, 32), h("traceparent", TP00), h("tracestate", bars(1, 10)),
            h("tracestate", bars(11, 20)), h("tracestate", bars(21, 30)), h("tracestate", bars(31, 32))),
        state("33 members", "", h("traceparent", TP00), h("tracestate", bars(1, 10)),
            h("tracestate", bars(11, 20)), h("tracestate", bars(21, 30)), h("tracestate", bars(31, 33))),
        state("key of 256 characters", "foo=1," + "z".repeat(256) + "=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "z".repeat(256) + "=1")),
        state("key of 257 characters", "",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "z".repeat(257) + "=1")),
        state("key of 241 + @ + 14 characters", "foo=1," + "t".repeat(241) + "@" + "v".repeat(14) + "=1",
            h("traceparent", TP00), h("tracestate", "foo=1"),
            h("tracestate", "t".repeat(241) + "@" + "v".repeat(14) + "=1")),
        state("value with a second '='", "", h("traceparent", TP00), h("tracestate", "foo=bar=baz")),
        state("empty value", "", h("traceparent", TP00), h("tracestate", "foo=,bar=3"))));
    // Keys the suite's June 2026 revision (#584) accepts under Trace Context Level 2's key grammar,
    // where '@' is an ordinary key character (TraceState.isValidKey implements Level 2).
    cases.addAll(List.of(
        state("Level 2: key ending with @", "foo@=1,bar=2", h("traceparent", TP00), h("tracestate", "foo@=1,bar=2")),
        state("Level 2: key with @@", "foo@@bar=1,bar=2",
            h("traceparent", TP00), h("tracestate", "foo@@bar=1,bar=2")),
        state("Level 2: key with two @", "foo@bar@baz=1,bar=2",
            h("traceparent", TP00), h("tracestate", "foo@bar@baz=1,bar=2")),
        state("Level 2: tenant of 242 characters", "foo=1," + "t".repeat(242) + "@v=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "t".repeat(242) + "@v=1")),
        state("Level 2: system of 15 characters", "foo=1,t@" + "v".repeat(15) + "=1",
            h("traceparent", TP00), h("tracestate", "foo=1"), h("tracestate", "t@" + "v".repeat(15) + "=1"))));
    return cases.stream();
  }

  /** A carrier of ordered header fields; the getter joins repeated fields with commas (RFC 9110). */
  private static final TextMapGetter<List<String[]>> FIELDS = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(List<String[]> carrier) {
      List<String> keys = new ArrayList<>();
      carrier.forEach(field -> keys.add(field[0]));
      return keys;
    }

    @Override
    public String get(List<String[]> carrier, String key) {
      StringJoiner joined = null;
      for (String[] field : carrier) {
        if (field[0].equalsIgnoreCase(key)) {
          if (joined == null) {
            joined = new StringJoiner(",");
          }
          joined.add(field[1]);
        }
      }
      return joined == null ? null : joined.toString();
    }
  };

  private static void check(Case c) {
    Context root = Context.root();
    Context extracted = W3CTraceContextPropagator.create().extract(root, c.headers(), FIELDS);
    if (c.traceId() == null) {
      assertThat(extracted).as(c.name()).isSameAs(root);
      return;
    }
    SpanContext parent = Span.fromContext(extracted).spanContext();
    assertThat(parent.traceIdHex()).as(c.name()).isEqualTo(c.traceId());
    assertThat(parent.spanIdHex()).isEqualTo("1234567890123456");
    if (c.traceState() != null) {
      assertThat(parent.traceState().toString()).as(c.name()).isEqualTo(c.traceState());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traceparentCases")
  void traceparent_behavesAsTheW3CTestSuiteExpects(Case c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tracestateCases")
  void tracestate_behavesAsTheW3CTestSuiteExpects(Case c) {
    check(c);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("traceparentCases")
  void everyAcceptedTraceparent_isPropagatedAsVersion00_withANewTraceOnlyWhenRestarted(Case c) {
    Context extracted =
        W3CTraceContextPropagator.create().extract(Context.root(), c.headers(), FIELDS);
    Map<String, String> out = new HashMap<>();
    W3CTraceContextPropagator.create().inject(extracted, out, TextMapSetter.forMap());

    if (c.traceId() == null) {
      assertThat(out).isEmpty();
    } else {
      String received = FIELDS.get(c.headers(), "traceparent").strip();
      int flags = Integer.parseInt(received.substring(53, 55), 16) & 0x03;
      assertThat(out.get("traceparent"))
          .isEqualTo("00-" + TRACE_ID + "-1234567890123456-0" + flags);
    }
  }
}
