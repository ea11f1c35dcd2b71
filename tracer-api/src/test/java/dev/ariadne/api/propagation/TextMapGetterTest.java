package dev.ariadne.api.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TextMapGetterTest {
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final TextMapGetter<Map<String, String>> getter = TextMapGetter.forMap();
  private final TextMapGetter<Map<String, List<String>>> multiGetter = TextMapGetter.forMultiMap();

  // ---- forMap ------------------------------------------------------------------------------

  @Test
  void forMap_findsAMixedCaseHeader_whenAskedInLowercase() {
    Map<String, String> headers = new HashMap<>(Map.of("TraceParent", TRACEPARENT));

    assertThat(getter.get(headers, "traceparent")).isEqualTo(TRACEPARENT);
  }

  @Test
  void forMap_findsALowercaseHeader_whenAskedInMixedCase() {
    Map<String, String> headers = new HashMap<>(Map.of("traceparent", TRACEPARENT));

    assertThat(getter.get(headers, "TraceParent")).isEqualTo(TRACEPARENT);
    assertThat(getter.get(headers, "TRACEPARENT")).isEqualTo(TRACEPARENT);
  }

  @Test
  void forMap_findsMixedCaseHeaders_askedInAnotherMixedCase() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "text/plain");
    headers.put("X-B3-TraceId", "abc");

    assertThat(getter.get(headers, "x-b3-traceid")).isEqualTo("abc");
    assertThat(getter.get(headers, "X-B3-TRACEID")).isEqualTo("abc");
  }

  @Test
  void forMap_prefersAnExactMatch() {
    Map<String, String> headers = new TreeMap<>();
    headers.put("TRACEPARENT", "upper");
    headers.put("traceparent", "lower");

    assertThat(getter.get(headers, "TRACEPARENT")).isEqualTo("upper");
    assertThat(getter.get(headers, "traceparent")).isEqualTo("lower");
  }

  @Test
  void forMap_returnsNullForAnAbsentKey_aNullKey_orANullCarrier() {
    Map<String, String> headers = Map.of("traceparent", TRACEPARENT);

    assertThat(getter.get(headers, "tracestate")).isNull();
    assertThat(getter.get(headers, null)).isNull();
    assertThat(getter.get(null, "traceparent")).isNull();
  }

  @Test
  void forMap_keys_areTheCarriersKeys_andEmptyForANullCarrier() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("traceparent", TRACEPARENT);
    headers.put("TraceState", "a=1");

    assertThat(getter.keys(headers)).containsExactly("traceparent", "TraceState");
    assertThat(getter.keys(null)).isEmpty();
  }

  // ---- forMultiMap -------------------------------------------------------------------------

  @Test
  void forMultiMap_returnsASingleValueAsIs() {
    Map<String, List<String>> headers = Map.of("traceparent", List.of(TRACEPARENT));

    assertThat(multiGetter.get(headers, "traceparent")).isEqualTo(TRACEPARENT);
  }

  @Test
  void forMultiMap_joinsRepeatedValuesWithCommas() {
    Map<String, List<String>> headers = Map.of("baggage", List.of("a=1", "b=2", "c=3"));

    assertThat(multiGetter.get(headers, "baggage")).isEqualTo("a=1,b=2,c=3");
  }

  @Test
  void forMultiMap_matchesKeysCaseInsensitively() {
    Map<String, List<String>> mixed = new HashMap<>(Map.of("TraceState", List.of("a=1", "b=2")));
    Map<String, List<String>> lower = new HashMap<>(Map.of("tracestate", List.of("a=1")));

    assertThat(multiGetter.get(mixed, "tracestate")).isEqualTo("a=1,b=2");
    assertThat(multiGetter.get(lower, "TraceState")).isEqualTo("a=1");
  }

  @Test
  void forMultiMap_returnsNullForAbsentOrEmptyValues_andNullCarriers() {
    Map<String, List<String>> headers = new HashMap<>();
    headers.put("empty", new ArrayList<>());
    headers.put("nothing", null);

    assertThat(multiGetter.get(headers, "empty")).isNull();
    assertThat(multiGetter.get(headers, "nothing")).isNull();
    assertThat(multiGetter.get(headers, "absent")).isNull();
    assertThat(multiGetter.get(null, "absent")).isNull();
    assertThat(multiGetter.keys(null)).isEmpty();
  }

  @Test
  void forMultiMap_keys_areTheCarriersKeys() {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("a", Arrays.asList("1"));
    headers.put("B", Arrays.asList("2", "3"));

    assertThat(multiGetter.keys(headers)).containsExactly("a", "B");
  }

  // ---- TextMapSetter.forMap ----------------------------------------------------------------

  @Test
  void setterForMap_putsAndReplacesValues() {
    TextMapSetter<Map<String, String>> setter = TextMapSetter.forMap();
    Map<String, String> headers = new HashMap<>();

    setter.set(headers, "traceparent", "first");
    setter.set(headers, "traceparent", TRACEPARENT);
    setter.set(headers, "tracestate", "a=1");

    assertThat(headers).containsOnly(Map.entry("traceparent", TRACEPARENT), Map.entry("tracestate", "a=1"));
  }

  @Test
  void setterForMap_ignoresANullCarrier() {
    TextMapSetter<Map<String, String>> setter = TextMapSetter.forMap();

    assertThatCode(() -> setter.set(null, "traceparent", TRACEPARENT)).doesNotThrowAnyException();
  }
}
