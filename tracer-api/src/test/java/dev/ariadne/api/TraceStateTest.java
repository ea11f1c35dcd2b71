package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceStateTest {

  private static String repeat(char c, int times) {
    return String.valueOf(c).repeat(times);
  }

  private static TraceState fullState() {
    TraceState.Builder builder = TraceState.builder();
    for (int i = 0; i < TraceState.MAX_ENTRIES; i++) {
      assertThat(builder.append("k" + i, "v" + i)).isTrue();
    }
    return builder.build();
  }

  // ---- key grammar -------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"a", "rojo", "congo", "a0", "a_b-c*d/e", "z9"})
  void simpleKeys_startingWithALowercaseLetter_areValid(String key) {
    assertThat(TraceState.isValidKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"_a", "-a", "*a", "/a", "@a", "Rojo", "roJo", "a b", "a=b", "a,b", "a.b", "a\tb",
      "\u00e9t\u00e9", ""})
  void keys_withABadFirstCharacterOrBadCharacters_areInvalid(String key) {
    assertThat(TraceState.isValidKey(key)).isFalse();
  }

  @Test
  void key_mayBeUpTo256Characters() {
    assertThat(TraceState.isValidKey(repeat('a', 256))).isTrue();
    assertThat(TraceState.isValidKey(repeat('a', 257))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tenant@vendor", "0tenant@vendor", "9@v", "a@b", "t_-*/0@v_-*/0", "1@a1", "0abc"})
  void level1MultiTenantKeys_andKeysStartingWithADigit_areValid(String key) {
    assertThat(TraceState.isValidKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"foo@", "foo@@bar", "foo@bar@baz", "tenant@0vendor", "tenant@_vendor"})
  void level2Keys_treatTheAtSignAsAnOrdinaryCharacter(String key) {
    assertThat(TraceState.isValidKey(key)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"@vendor", "tenant@Vendor", "Tenant@vendor", "_tenant@vendor", "tenant@ven dor"})
  void keysWithAnAtSign_stillNeedAValidFirstCharacterAndValidCharacters(String key) {
    assertThat(TraceState.isValidKey(key)).isFalse();
  }

  @Test
  void level1LimitsOnTenantAndSystem_noLongerApply_onlyTheTotalLength() {
    assertThat(TraceState.isValidKey(repeat('t', 242) + "@v")).isTrue();
    assertThat(TraceState.isValidKey("t@" + repeat('s', 15))).isTrue();
    assertThat(TraceState.isValidKey(repeat('t', 241) + "@" + repeat('s', 14))).isTrue();
    assertThat(TraceState.isValidKey(repeat('t', 241) + "@" + repeat('s', 15))).isFalse();
  }

  @Test
  void nullKey_isInvalid() {
    assertThat(TraceState.isValidKey(null)).isFalse();
  }

  // ---- value grammar -----------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"t61rcWkgMzE", "00f067aa0ba902b7", "a b", " leading", "!#$%&'()*+-./:;<>?@[\\]^_`{|}~",
      "x"})
  void printableValuesWithoutCommaOrEquals_areValid(String value) {
    assertThat(TraceState.isValidValue(value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b", "a=b", "trailing ", " ", "", "tab\there", "new\nline", "\u00e9", "a\u007f"})
  void valuesWithCommaEqualsTrailingSpaceOrNonPrintables_areInvalid(String value) {
    assertThat(TraceState.isValidValue(value)).isFalse();
  }

  @Test
  void value_mayBeUpTo256Characters() {
    assertThat(TraceState.isValidValue(repeat('v', 256))).isTrue();
    assertThat(TraceState.isValidValue(repeat('v', 257))).isFalse();
    assertThat(TraceState.isValidValue(null)).isFalse();
  }

  // ---- with / without ----------------------------------------------------------------------

  @Test
  void with_addsTheEntryAtTheFront() {
    TraceState state = TraceState.empty().with("a", "1").with("b", "2");

    assertThat(state.toString()).isEqualTo("b=2,a=1");
    assertThat(state.get("a")).isEqualTo("1");
    assertThat(state.size()).isEqualTo(2);
  }

  @Test
  void with_anExistingKey_updatesItAndMovesItToTheFront() {
    TraceState state = TraceState.builder().build().with("c", "3").with("b", "2").with("a", "1");
    assertThat(state.toString()).isEqualTo("a=1,b=2,c=3");

    TraceState updated = state.with("c", "9");

    assertThat(updated.toString()).isEqualTo("c=9,a=1,b=2");
    assertThat(updated.size()).isEqualTo(3);
    assertThat(state.toString()).as("the original is immutable").isEqualTo("a=1,b=2,c=3");
  }

  @Test
  void with_onAFullState_dropsTheLastEntry() {
    TraceState full = fullState();

    TraceState updated = full.with("newest", "v");

    assertThat(updated.size()).isEqualTo(TraceState.MAX_ENTRIES);
    assertThat(keysOf(updated).get(0)).isEqualTo("newest");
    assertThat(keysOf(updated).get(TraceState.MAX_ENTRIES - 1)).isEqualTo("k30");
    assertThat(updated.get("k31")).isNull();
    assertThat(full.size()).isEqualTo(TraceState.MAX_ENTRIES);
  }

  @Test
  void with_anExistingKeyOnAFullState_dropsNothing() {
    TraceState updated = fullState().with("k31", "moved");

    assertThat(updated.size()).isEqualTo(TraceState.MAX_ENTRIES);
    assertThat(keysOf(updated).get(0)).isEqualTo("k31");
    assertThat(keysOf(updated).get(TraceState.MAX_ENTRIES - 1)).isEqualTo("k30");
    assertThat(updated.get("k0")).isEqualTo("v0");
  }

  @Test
  void with_anInvalidKeyOrValue_returnsTheStateUnchanged() {
    TraceState state = TraceState.empty().with("a", "1");

    assertThat(state.with("Bad", "1")).isSameAs(state);
    assertThat(state.with(null, "1")).isSameAs(state);
    assertThat(state.with("b", "x,y")).isSameAs(state);
    assertThat(state.with("b", null)).isSameAs(state);
    assertThat(state.with("a", "trailing ")).isSameAs(state);
  }

  @Test
  void without_removesTheKeyKeepingTheOthersInOrder() {
    TraceState state = TraceState.empty().with("c", "3").with("b", "2").with("a", "1");

    TraceState fewer = state.without("b");

    assertThat(fewer.toString()).isEqualTo("a=1,c=3");
    assertThat(fewer.get("b")).isNull();
    assertThat(state.get("b")).isEqualTo("2");
  }

  @Test
  void without_anUnknownKey_returnsTheSameState() {
    TraceState state = TraceState.empty().with("a", "1");

    assertThat(state.without("zzz")).isSameAs(state);
    assertThat(state.without(null)).isSameAs(state);
  }

  @Test
  void without_theLastEntry_returnsTheEmptyState() {
    TraceState none = TraceState.empty().with("a", "1").without("a");

    assertThat(none.isEmpty()).isTrue();
    assertThat(none).isSameAs(TraceState.empty());
  }

  // ---- builder -----------------------------------------------------------------------------

  @Test
  void builder_keepsHeaderOrder() {
    TraceState.Builder builder = TraceState.builder();
    builder.append("congo", "t61rcWkgMzE");
    builder.append("rojo", "00f067aa0ba902b7");

    TraceState state = builder.build();

    assertThat(state.toString()).isEqualTo("congo=t61rcWkgMzE,rojo=00f067aa0ba902b7");
    assertThat(keysOf(state)).containsExactly("congo", "rojo");
  }

  @Test
  void builder_refusesDuplicateKeys_keepingTheFirst() {
    TraceState.Builder builder = TraceState.builder();

    assertThat(builder.append("a", "first")).isTrue();
    assertThat(builder.append("a", "second")).isFalse();
    assertThat(builder.build().get("a")).isEqualTo("first");
    assertThat(builder.build().size()).isEqualTo(1);
  }

  @Test
  void builder_refusesInvalidKeysAndValues() {
    TraceState.Builder builder = TraceState.builder();

    assertThat(builder.append("UPPER", "v")).isFalse();
    assertThat(builder.append("k", "a=b")).isFalse();
    assertThat(builder.append(null, "v")).isFalse();
    assertThat(builder.append("k", null)).isFalse();
    assertThat(builder.build()).isSameAs(TraceState.empty());
  }

  @Test
  void builder_refusesThe33rdEntry() {
    TraceState.Builder builder = TraceState.builder();
    for (int i = 0; i < TraceState.MAX_ENTRIES; i++) {
      assertThat(builder.append("k" + i, "v")).as("entry %d", i).isTrue();
    }

    assertThat(builder.append("one-too-many", "v")).isFalse();
    assertThat(builder.build().size()).isEqualTo(TraceState.MAX_ENTRIES);
    assertThat(builder.build().get("one-too-many")).isNull();
  }

  @Test
  void builder_statesAlreadyBuiltDoNotSeeLaterAppends() {
    TraceState.Builder builder = TraceState.builder();
    builder.append("a", "1");
    TraceState first = builder.build();

    builder.append("b", "2");

    assertThat(first.toString()).isEqualTo("a=1");
    assertThat(builder.build().toString()).isEqualTo("a=1,b=2");
  }

  // ---- reading -----------------------------------------------------------------------------

  @Test
  void emptyState_rendersAsTheEmptyString() {
    assertThat(TraceState.empty().toString()).isEmpty();
    assertThat(TraceState.empty().isEmpty()).isTrue();
    assertThat(TraceState.empty().size()).isZero();
    assertThat(TraceState.empty().get("a")).isNull();
  }

  @Test
  void asMap_isOrderedMostRecentFirst_andUnmodifiable() {
    TraceState state = TraceState.empty().with("b", "2").with("a", "1");

    Map<String, String> map = state.asMap();

    assertThat(map).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    assertThatThrownBy(() -> map.put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void statesWithTheSameEntriesInTheSameOrder_areEqual() {
    TraceState viaWith = TraceState.empty().with("b", "2").with("a", "1");
    TraceState.Builder builder = TraceState.builder();
    builder.append("a", "1");
    builder.append("b", "2");
    TraceState viaBuilder = builder.build();

    assertThat(viaWith).isEqualTo(viaBuilder);
    assertThat(viaWith.hashCode()).isEqualTo(viaBuilder.hashCode());
    assertThat(viaWith).isNotEqualTo(TraceState.empty().with("a", "1").with("b", "2"));
    assertThat(viaWith).isNotEqualTo(TraceState.empty().with("b", "2").with("a", "other"));
  }

  private static List<String> keysOf(TraceState state) {
    List<String> keys = new ArrayList<>();
    state.forEach((key, value) -> keys.add(key));
    return keys;
  }
}
