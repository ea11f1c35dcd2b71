package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributeListTest {

  /** A typed key seen as taking any value, the way a raw-typed caller would use it. */
  @SuppressWarnings("unchecked")
  private static AttributeKey<Object> untyped(AttributeKey<?> key) {
    return (AttributeKey<Object>) key;
  }

  private static List<String> keys(Attributes attributes) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < attributes.size(); i++) {
      keys.add(attributes.key(i));
    }
    return keys;
  }

  // ---- typed puts --------------------------------------------------------------------------

  @Test
  void scalarPuts_storeEachValueWithItsType() {
    AttributeList list = Attributes.builder()
        .put("s", "text")
        .put("l", 42L)
        .put("d", 1.5)
        .put("b", true);

    assertThat(list.size()).isEqualTo(4);
    assertThat(keys(list)).containsExactly("s", "l", "d", "b");
    assertThat(list.type(0)).isEqualTo(AttributeType.STRING);
    assertThat(list.type(1)).isEqualTo(AttributeType.LONG);
    assertThat(list.type(2)).isEqualTo(AttributeType.DOUBLE);
    assertThat(list.type(3)).isEqualTo(AttributeType.BOOLEAN);
    assertThat(list.value(0)).isEqualTo("text");
    assertThat(list.value(1)).isEqualTo(42L);
    assertThat(list.value(2)).isEqualTo(1.5);
    assertThat(list.value(3)).isEqualTo(true);
    assertThat(list.droppedCount()).isZero();
    assertThat(list.truncatedCount()).isZero();
  }

  @Test
  void typedScalarKeys_storeTheSameAsStringKeys() {
    AttributeList list = Attributes.builder()
        .put(AttributeKey.stringKey("s"), "text")
        .put(AttributeKey.longKey("l"), 7L)
        .put(AttributeKey.doubleKey("d"), 0.25)
        .put(AttributeKey.booleanKey("b"), false);

    assertThat(list.type(0)).isEqualTo(AttributeType.STRING);
    assertThat(list.type(1)).isEqualTo(AttributeType.LONG);
    assertThat(list.type(2)).isEqualTo(AttributeType.DOUBLE);
    assertThat(list.type(3)).isEqualTo(AttributeType.BOOLEAN);
    assertThat(list).isEqualTo(
        Attributes.builder().put("s", "text").put("l", 7L).put("d", 0.25).put("b", false));
  }

  @Test
  void listKeys_storeListsWithTheirArrayTypes() {
    AttributeList list = Attributes.builder()
        .put(AttributeKey.stringArrayKey("sa"), List.of("x", "y"))
        .put(AttributeKey.longArrayKey("la"), List.of(1L, 2L, 3L))
        .put(AttributeKey.doubleArrayKey("da"), List.of(0.5))
        .put(AttributeKey.booleanArrayKey("ba"), List.of(true, false));

    assertThat(list.size()).isEqualTo(4);
    assertThat(list.type(0)).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(list.type(1)).isEqualTo(AttributeType.LONG_ARRAY);
    assertThat(list.type(2)).isEqualTo(AttributeType.DOUBLE_ARRAY);
    assertThat(list.type(3)).isEqualTo(AttributeType.BOOLEAN_ARRAY);
    assertThat(list.value(0)).isEqualTo(List.of("x", "y"));
    assertThat(list.value(1)).isEqualTo(List.of(1L, 2L, 3L));
    assertThat(list.value(2)).isEqualTo(List.of(0.5));
    assertThat(list.value(3)).isEqualTo(List.of(true, false));
  }

  @Test
  void storedList_isAnUnmodifiableCopyOfTheCallersList() {
    List<String> source = new ArrayList<>(List.of("a", "b"));
    AttributeList list = Attributes.builder().put(AttributeKey.stringArrayKey("tags"), source);

    source.add("c");
    List<String> stored = list.get(AttributeKey.stringArrayKey("tags"));

    assertThat(stored).containsExactly("a", "b");
    assertThatThrownBy(() -> stored.add("d")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void emptyList_keepsItsArrayType() {
    AttributeList list = Attributes.builder().put(AttributeKey.longArrayKey("ids"), List.of());

    assertThat(list.type(0)).isEqualTo(AttributeType.LONG_ARRAY);
    assertThat(list.get(AttributeKey.longArrayKey("ids"))).isEmpty();
    assertThat(list.get(AttributeKey.stringArrayKey("ids"))).isNull();
  }

  // ---- replace in place --------------------------------------------------------------------

  @Test
  void puttingAnExistingKey_replacesItsValueInPlace_keepingOrderAndCount() {
    AttributeList list = Attributes.builder().put("a", "1").put("b", 2L).put("c", true);

    list.put("b", "two");

    assertThat(list.size()).isEqualTo(3);
    assertThat(keys(list)).containsExactly("a", "b", "c");
    assertThat(list.value(1)).isEqualTo("two");
    assertThat(list.type(1)).isEqualTo(AttributeType.STRING);
    assertThat(list.droppedCount()).isZero();
  }

  @Test
  void replacingAListWithAScalar_andBack_changesTheTypeInPlace() {
    AttributeList list = Attributes.builder()
        .put("first", 1L)
        .put(AttributeKey.stringArrayKey("x"), List.of("a"))
        .put("last", 2L);

    list.put("x", 3.0);
    assertThat(keys(list)).containsExactly("first", "x", "last");
    assertThat(list.type(1)).isEqualTo(AttributeType.DOUBLE);

    list.put(AttributeKey.booleanArrayKey("x"), List.of());
    assertThat(keys(list)).containsExactly("first", "x", "last");
    assertThat(list.type(1)).isEqualTo(AttributeType.BOOLEAN_ARRAY);
  }

  @Test
  void replacingAnExistingKey_isAllowedWhenTheListIsFull() {
    AttributeList list = new AttributeList(2, 100).put("a", 1L).put("b", 2L);

    list.put("a", 9L);

    assertThat(list.asMap()).containsExactly(Map.entry("a", 9L), Map.entry("b", 2L));
    assertThat(list.droppedCount()).isZero();
  }

  // ---- limits ------------------------------------------------------------------------------

  @Test
  void newKeysBeyondMaxCount_areDroppedAndCounted() {
    AttributeList list = new AttributeList(2, 100)
        .put("a", "1")
        .put("b", 2L)
        .put("c", 3.0)
        .put(AttributeKey.stringArrayKey("d"), List.of("x"));

    assertThat(keys(list)).containsExactly("a", "b");
    assertThat(list.droppedCount()).isEqualTo(2);
  }

  @Test
  void maxCountZero_dropsEverything() {
    AttributeList list = new AttributeList(0, 100).put("a", "1").put("b", true);

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.droppedCount()).isEqualTo(2);
  }

  @Test
  void stringsLongerThanMaxValueLength_areCutAndCounted() {
    AttributeList list = new AttributeList(10, 5)
        .put("long", "abcdefgh")
        .put("exact", "abcde")
        .put("short", "ab")
        .put(AttributeKey.stringKey("typed"), "0123456789");

    assertThat(list.get("long")).isEqualTo("abcde");
    assertThat(list.get("exact")).isEqualTo("abcde");
    assertThat(list.get("short")).isEqualTo("ab");
    assertThat(list.get("typed")).isEqualTo("01234");
    assertThat(list.truncatedCount()).isEqualTo(2);
    assertThat(list.droppedCount()).isZero();
  }

  @Test
  void stringListElements_areCutAndEachCutIsCounted() {
    AttributeList list = new AttributeList(10, 3)
        .put(AttributeKey.stringArrayKey("tags"), List.of("abcdef", "ab", "xyzxyz"));

    assertThat(list.get(AttributeKey.stringArrayKey("tags"))).containsExactly("abc", "ab", "xyz");
    assertThat(list.truncatedCount()).isEqualTo(2);
  }

  @Test
  void truncation_neverSplitsASurrogatePair() {
    String grinning = "\uD83D\uDE00"; // one code point, two chars
    String value = "abc" + grinning + "z";

    AttributeList cutInsidePair = new AttributeList(10, 4).put("k", value);
    AttributeList cutAfterPair = new AttributeList(10, 5).put("k", value);
    AttributeList cutBeforePair = new AttributeList(10, 3).put("k", value);

    assertThat(cutInsidePair.get("k")).isEqualTo("abc");
    assertThat(cutAfterPair.get("k")).isEqualTo("abc" + grinning);
    assertThat(cutBeforePair.get("k")).isEqualTo("abc");
    assertThat(cutInsidePair.truncatedCount()).isEqualTo(1);
    assertThat(cutAfterPair.truncatedCount()).isEqualTo(1);
  }

  @Test
  void truncation_ofRandomSurrogateRichStrings_neverLeavesALoneHighSurrogate() {
    Random random = new Random(20240611L); // fixed seed: failures reproduce
    String[] pieces = {"a", "Z", "\u00e9", "\uD83D\uDE00", "\uD834\uDD1E", " "};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder sb = new StringBuilder();
      int pieceCount = random.nextInt(12);
      for (int p = 0; p < pieceCount; p++) {
        sb.append(pieces[random.nextInt(pieces.length)]);
      }
      String value = sb.toString();
      int limit = random.nextInt(value.length() + 2);

      String cut = (String) new AttributeList(1, limit).put("k", value).get("k");

      assertThat(value).startsWith(cut);
      assertThat(cut.length()).isLessThanOrEqualTo(limit).isGreaterThanOrEqualTo(Math.min(limit, value.length()) - 1);
      if (!cut.isEmpty()) {
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1)))
            .as("round %d: %s cut to %d", round, value, limit)
            .isFalse();
      }
    }
  }

  @Test
  void negativeLimits_areRefusedWithMessagesNamingTheSetting() {
    assertThatThrownBy(() -> new AttributeList(-1, 10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxCount must be >= 0, was -1");
    assertThatThrownBy(() -> new AttributeList(10, -2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxValueLength must be >= 0, was -2");
  }

  // ---- bad input is dropped and counted, never thrown --------------------------------------

  @Test
  void nullAndBlankKeys_areDroppedAndCounted() {
    AttributeList list = Attributes.builder()
        .put((String) null, "v")
        .put("", "v")
        .put("   ", 1L)
        .put("\t", 1.0)
        .put(" ", true)
        .put(AttributeKey.stringKey(" "), "v")
        .put((AttributeKey<String>) null, "v");

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.droppedCount()).isEqualTo(7);
  }

  @Test
  void nullValues_areDroppedAndCounted() {
    AttributeList list = Attributes.builder()
        .put("s", (String) null)
        .put(AttributeKey.stringKey("typed"), null)
        .put(AttributeKey.longKey("n"), null)
        .put(AttributeKey.stringArrayKey("tags"), null);

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.droppedCount()).isEqualTo(4);
  }

  @Test
  void nanAndInfiniteDoubles_areDroppedAndCounted() {
    AttributeList list = Attributes.builder()
        .put("nan", Double.NaN)
        .put("inf", Double.POSITIVE_INFINITY)
        .put("-inf", Double.NEGATIVE_INFINITY)
        .put(AttributeKey.doubleKey("typed-nan"), Double.NaN)
        .put("fine", Double.MAX_VALUE)
        .put("zero", -0.0);

    assertThat(keys(list)).containsExactly("fine", "zero");
    assertThat(list.droppedCount()).isEqualTo(4);
  }

  @Test
  void nanReplacingAnExistingValue_leavesTheOldValue() {
    AttributeList list = Attributes.builder().put("d", 1.0);

    list.put("d", Double.NaN);

    assertThat(list.get("d")).isEqualTo(1.0);
    assertThat(list.droppedCount()).isEqualTo(1);
  }

  @Test
  void wrongTypedValuesThroughARawKey_areDroppedAndCounted() {
    AttributeList list = Attributes.builder()
        .put(untyped(AttributeKey.longKey("n")), "not a long")
        .put(untyped(AttributeKey.longKey("int")), 7) // an Integer is not a Long
        .put(untyped(AttributeKey.booleanKey("b")), "true")
        .put(untyped(AttributeKey.doubleKey("d")), 1.5f)
        .put(untyped(AttributeKey.stringKey("s")), 3L)
        .put(untyped(AttributeKey.stringArrayKey("sa")), "not a list");

    assertThat(list.isEmpty()).isTrue();
    assertThat(list.droppedCount()).isEqualTo(6);
  }

  @Test
  void nullListElements_areSkipped() {
    AttributeList list = Attributes.builder()
        .put(AttributeKey.stringArrayKey("tags"), Arrays.asList("a", null, "b", null))
        .put(AttributeKey.longArrayKey("ids"), Arrays.asList(null, 1L));

    assertThat(list.get(AttributeKey.stringArrayKey("tags"))).containsExactly("a", "b");
    assertThat(list.get(AttributeKey.longArrayKey("ids"))).containsExactly(1L);
  }

  @Test
  void wrongTypedAndNonFiniteListElements_areSkipped() {
    AttributeList list = Attributes.builder()
        .put(untyped(AttributeKey.longArrayKey("ids")), List.of("x", 1L, 2, 3L))
        .put(AttributeKey.doubleArrayKey("ratios"), List.of(1.0, Double.NaN, 2.0, Double.NEGATIVE_INFINITY));

    assertThat(list.get(AttributeKey.longArrayKey("ids"))).containsExactly(1L, 3L);
    assertThat(list.get(AttributeKey.doubleArrayKey("ratios"))).containsExactly(1.0, 2.0);
  }

  // ---- build -------------------------------------------------------------------------------

  @Test
  void build_returnsAFrozenCopy_thatLaterPutsOnTheBuilderDoNotReach() {
    AttributeList builder = Attributes.builder().put("a", "1");

    AttributeList built = builder.build();
    builder.put("b", "2").put("a", "changed");

    assertThat(built.isFrozen()).isTrue();
    assertThat(builder.isFrozen()).isFalse();
    assertThat(built.asMap()).containsExactly(Map.entry("a", "1"));
    assertThat(builder.asMap()).containsExactly(Map.entry("a", "changed"), Map.entry("b", "2"));
  }

  @Test
  void putsOnAFrozenList_areIgnored() {
    AttributeList built = Attributes.builder().put("a", "1").build();

    built.put("a", "changed")
        .put("b", 2L)
        .put("c", 3.0)
        .put("d", true)
        .put(AttributeKey.stringArrayKey("e"), List.of("x"))
        .putAll(Attributes.of("f", "g"));

    assertThat(built.asMap()).containsExactly(Map.entry("a", "1"));
    assertThat(built.size()).isEqualTo(1);
  }

  @Test
  void putsOnAFrozenList_leaveItsCountersUntouched() {
    AttributeList built = new AttributeList(10, 3).put("a", "1").build();

    built.put("x", (String) null).put("y", Double.NaN).put("z", "far too long");

    assertThat(built.droppedCount()).isZero();
    assertThat(built.truncatedCount()).isZero();

    AttributeList sharedEmpty = (AttributeList) Attributes.empty();
    sharedEmpty.put("k", "v").put("k", (String) null);
    assertThat(sharedEmpty.droppedCount()).isZero();
    assertThat(sharedEmpty.truncatedCount()).isZero();
  }

  @Test
  void build_ofAFrozenList_returnsItself() {
    AttributeList built = Attributes.builder().put("a", 1L).build();

    assertThat(built.build()).isSameAs(built);
  }

  @Test
  void build_keepsTheCountsOfWhatWasDroppedAndCut() {
    AttributeList built = new AttributeList(1, 2).put("a", "abc").put("b", "x").build();

    assertThat(built.droppedCount()).isEqualTo(1);
    assertThat(built.truncatedCount()).isEqualTo(1);
  }

  @Test
  void build_ofAnEmptyBuilder_isEmptyAndEqualToAttributesEmpty() {
    AttributeList built = Attributes.builder().build();

    assertThat(built.isEmpty()).isTrue();
    assertThat(built.isFrozen()).isTrue();
    assertThat(built).isEqualTo(Attributes.empty());
    assertThat(Attributes.empty().isEmpty()).isTrue();
  }

  @Test
  void attributesOf_buildsFrozenStringPairs() {
    Attributes one = Attributes.of("k", "v");
    Attributes two = Attributes.of("k1", "v1", "k2", "v2");

    assertThat(one.asMap()).containsExactly(Map.entry("k", "v"));
    assertThat(two.asMap()).containsExactly(Map.entry("k1", "v1"), Map.entry("k2", "v2"));
    assertThat(((AttributeList) one).isFrozen()).isTrue();
    assertThat(((AttributeList) two).isFrozen()).isTrue();
  }

  // ---- putAll ------------------------------------------------------------------------------

  @Test
  void putAll_copiesEveryAttributeWithItsType_emptyListsIncluded() {
    Attributes source = Attributes.builder()
        .put("s", "v")
        .put("l", 1L)
        .put("d", 2.0)
        .put("b", false)
        .put(AttributeKey.stringArrayKey("noStrings"), List.of())
        .put(AttributeKey.longArrayKey("noLongs"), List.of())
        .put(AttributeKey.doubleArrayKey("noDoubles"), List.of())
        .put(AttributeKey.booleanArrayKey("noBooleans"), List.of())
        .put(AttributeKey.longArrayKey("longs"), List.of(4L, 5L))
        .build();

    AttributeList copy = Attributes.builder().putAll(source);

    assertThat(copy.size()).isEqualTo(source.size());
    for (int i = 0; i < source.size(); i++) {
      assertThat(copy.key(i)).isEqualTo(source.key(i));
      assertThat(copy.type(i)).as("type of %s", source.key(i)).isEqualTo(source.type(i));
      assertThat(copy.value(i)).isEqualTo(source.value(i));
    }
    assertThat(copy.get(AttributeKey.longArrayKey("noLongs"))).isEmpty();
    assertThat(copy.get(AttributeKey.stringArrayKey("noLongs"))).isNull();
    assertThat(copy.get(AttributeKey.booleanArrayKey("noBooleans"))).isEmpty();
  }

  @Test
  void putAll_replacesExistingKeysInPlace_andAppendsNewOnes() {
    AttributeList target = Attributes.builder().put("a", "old").put("b", 1L);

    target.putAll(Attributes.builder().put("c", true).put("a", "new").build());

    assertThat(target.asMap())
        .containsExactly(Map.entry("a", "new"), Map.entry("b", 1L), Map.entry("c", true));
  }

  @Test
  void putAll_appliesTheTargetsLimits() {
    Attributes source = Attributes.of("a", "abcdef", "b", "xy");

    AttributeList target = new AttributeList(1, 3).putAll(source);

    assertThat(target.asMap()).containsExactly(Map.entry("a", "abc"));
    assertThat(target.truncatedCount()).isEqualTo(1);
    assertThat(target.droppedCount()).isEqualTo(1);
  }

  @Test
  void putAll_ofNull_doesNothing() {
    AttributeList list = Attributes.builder().put("a", 1L);

    list.putAll(null);

    assertThat(list.size()).isEqualTo(1);
    assertThat(list.droppedCount()).isZero();
  }

  @Test
  void putAll_fromAForeignImplementation_dropsValuesThatDoNotMatchTheirDeclaredType() {
    Attributes foreign = new Attributes() {
      private final String[] keys = {"ok", "liar", "nan", "tags"};
      private final AttributeType[] types = {
          AttributeType.LONG, AttributeType.STRING, AttributeType.DOUBLE, AttributeType.STRING_ARRAY};
      private final Object[] values = {3L, 42L, Double.NaN, Arrays.asList("x", null, 5L)};

      @Override
      public int size() {
        return keys.length;
      }

      @Override
      public String key(int index) {
        return keys[index];
      }

      @Override
      public AttributeType type(int index) {
        return types[index];
      }

      @Override
      public Object value(int index) {
        return values[index];
      }
    };

    AttributeList copy = Attributes.builder().putAll(foreign);

    assertThat(copy.asMap()).containsExactly(Map.entry("ok", 3L), Map.entry("tags", List.of("x")));
    assertThat(copy.type(1)).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(copy.droppedCount()).isEqualTo(2);
  }

  // ---- reading -----------------------------------------------------------------------------

  @Test
  void getByTypedKey_returnsTheValueOnlyWhenTheTypeMatches() {
    AttributeList list = Attributes.builder()
        .put("n", 42L)
        .put(AttributeKey.stringArrayKey("tags"), List.of("a"));

    assertThat(list.get(AttributeKey.longKey("n"))).isEqualTo(42L);
    assertThat(list.get(AttributeKey.stringKey("n"))).isNull();
    assertThat(list.get(AttributeKey.doubleKey("n"))).isNull();
    assertThat(list.get(AttributeKey.longArrayKey("n"))).isNull();
    assertThat(list.get(AttributeKey.stringArrayKey("tags"))).containsExactly("a");
    assertThat(list.get(AttributeKey.stringKey("tags"))).isNull();
    assertThat(list.get(AttributeKey.longKey("missing"))).isNull();
    assertThat(list.get((AttributeKey<Long>) null)).isNull();
  }

  @Test
  void getByName_returnsTheValueWhateverItsType() {
    AttributeList list = Attributes.builder().put("n", 42L).put("s", "x");

    assertThat(list.get("n")).isEqualTo(42L);
    assertThat(list.get("s")).isEqualTo("x");
    assertThat(list.get("missing")).isNull();
    assertThat(list.get((String) null)).isNull();
  }

  @Test
  void asMap_isInInsertionOrder_andUnmodifiable() {
    AttributeList list = Attributes.builder().put("z", 1L).put("a", 2L).put("m", 3L).put("a", 4L);

    Map<String, Object> map = list.asMap();

    assertThat(map.keySet()).containsExactly("z", "a", "m");
    assertThat(map).containsEntry("a", 4L);
    assertThatThrownBy(() -> map.put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void forEach_visitsEveryAttributeInOrder() {
    AttributeList list = Attributes.builder().put("a", "1").put("b", 2L).put("c", false);
    List<String> seen = new ArrayList<>();

    list.forEach((key, value) -> seen.add(key + "=" + value));

    assertThat(seen).containsExactly("a=1", "b=2", "c=false");
  }

  @Test
  void indexOutsideTheList_throwsIndexOutOfBounds() {
    AttributeList list = Attributes.builder().put("a", "1");

    assertThatThrownBy(() -> list.key(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.type(5)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Attributes.empty().key(0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void equalContents_areEqualWithEqualHashCodes_builtOrNot() {
    AttributeList a = Attributes.builder().put("s", "v").put("n", 1L).put(AttributeKey.doubleArrayKey("d"), List.of(1.0));
    AttributeList b = Attributes.builder().put("s", "v").put("n", 1L).put(AttributeKey.doubleArrayKey("d"), List.of(1.0));

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a.build()).isEqualTo(b);
    assertThat(a.build().hashCode()).isEqualTo(b.hashCode());
    assertThat(a.toString()).isEqualTo("{s=v, n=1, d=[1.0]}");
  }

  @Test
  void differentValuesOrValueTypes_areNotEqual() {
    AttributeList base = Attributes.builder().put("n", 1L);

    assertThat(base).isNotEqualTo(Attributes.builder().put("n", 2L));
    assertThat(base).isNotEqualTo(Attributes.builder().put("n", 1.0));
    assertThat(base).isNotEqualTo(Attributes.builder().put("n", "1"));
    assertThat(base).isNotEqualTo(Attributes.builder().put("n", 1L).put("m", 1L));
    assertThat(base).isNotEqualTo("n=1");
    assertThat(base).isNotEqualTo(null);
  }

  @Test
  void manyAttributes_keepOneValuePerKeyPastTheIndexThreshold() {
    AttributeList list = new AttributeList(5000, 100);
    for (int i = 0; i < 1000; i++) {
      list.put("key." + i, (long) i);
    }
    for (int i = 0; i < 1000; i += 3) {
      list.put(new String("key." + i), "replaced " + i); // equal, not identical, keys
    }
    list.put(AttributeKey.longArrayKey("key.7"), List.of(7L));

    assertThat(list.size()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      assertThat(list.key(i)).isEqualTo("key." + i);
      Object expected = i == 7 ? List.of(7L) : i % 3 == 0 ? "replaced " + i : (Object) (long) i;
      assertThat(list.value(i)).as("key.%d", i).isEqualTo(expected);
      assertThat(list.get("key." + i)).isEqualTo(expected);
    }
    assertThat(list.type(7)).isEqualTo(AttributeType.LONG_ARRAY);
    assertThat(list.build().asMap()).hasSize(1000);
  }

  @Test
  void manyAttributes_stopAtTheLimitAndStillReplaceExistingKeys() {
    AttributeList list = new AttributeList(40, 100);
    for (int i = 0; i < 100; i++) {
      list.put("k" + i, true);
    }
    list.put("k39", false);
    list.put("k40", false);

    assertThat(list.size()).isEqualTo(40);
    assertThat(list.droppedCount()).isEqualTo(61);
    assertThat(list.get("k39")).isEqualTo(false);
    assertThat(list.get("k40")).isNull();
  }

  @Test
  void keysWithCollidingHashes_areKeptApart() {
    // "Aa" and "BB" share a hash code, as do their concatenations
    String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB"};
    AttributeList list = new AttributeList(1000, 100);
    for (int i = 0; i < 20; i++) {
      list.put("filler" + i, i);
    }
    for (String key : colliding) {
      list.put(key, key.toLowerCase(java.util.Locale.ROOT));
    }
    for (String key : colliding) {
      list.put(key, key);
    }

    assertThat(list.size()).isEqualTo(24);
    for (String key : colliding) {
      assertThat(list.get(key)).isEqualTo(key);
    }
  }
}
