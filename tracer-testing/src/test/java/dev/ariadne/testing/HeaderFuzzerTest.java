package dev.ariadne.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HeaderFuzzerTest {
  private static final String VALID = "4bf92f3577b34da6-00f067aa0ba902b7-1";

  private static HeaderFuzzer fuzzer(long seed) {
    return new HeaderFuzzer(new SplittableRandom(seed), "0123456789abcdef-", "-1", "-d");
  }

  private static List<String> someOfEach(HeaderFuzzer fuzzer) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      values.add(fuzzer.mutate(VALID));
      values.add(fuzzer.randomValue(40));
      values.add(fuzzer.randomString(5, null));
      values.add(fuzzer.hex(16));
      values.add(String.valueOf(fuzzer.anyChar()));
    }
    values.add(fuzzer.huge(VALID, 1_000, 2_000));
    return values;
  }

  @Test
  void theSameSeed_givesTheSameValues_andAnotherSeedOthers() {
    assertThat(someOfEach(fuzzer(42))).isEqualTo(someOfEach(fuzzer(42))).isNotEqualTo(someOfEach(fuzzer(43)));
  }

  @Test
  void mutate_leavesSomeValuesIntact_andMakesEveryKindOfEdit() {
    HeaderFuzzer fuzzer = fuzzer(1);
    int unchanged = 0;
    boolean shorter = false;
    boolean longer = false;
    boolean separator = false;
    boolean whitespace = false;
    boolean upperCase = false;
    boolean nonAscii = false;
    for (int i = 0; i < 10_000; i++) {
      String mutated = fuzzer.mutate(VALID);
      unchanged += mutated.equals(VALID) ? 1 : 0;
      shorter |= mutated.length() < VALID.length();
      longer |= mutated.length() > VALID.length();
      separator |= mutated.contains("-d");
      whitespace |= mutated.contains(" ") || mutated.contains("\t");
      upperCase |= !mutated.equals(mutated.toLowerCase(Locale.ROOT));
      nonAscii |= mutated.chars().anyMatch(c -> c >= 0x80);
    }
    // a quarter get no edit at all, and a few edits change nothing (a case change of a digit)
    assertThat(unchanged).isBetween(2_500, 3_500);
    assertThat(List.of(shorter, longer, separator, whitespace, upperCase, nonAscii)).containsOnly(true);
  }

  @Test
  void randomValue_isShorterThanTheMaximum_mostlyFromTheAlphabet() {
    HeaderFuzzer fuzzer = fuzzer(2);
    int fromAlphabet = 0;
    for (int i = 0; i < 8_000; i++) {
      String value = fuzzer.randomValue(30);
      assertThat(value.length()).isLessThan(30);
      fromAlphabet += value.chars().allMatch(c -> "0123456789abcdef-".indexOf(c) >= 0) ? 1 : 0;
    }
    // seven in eight from the alphabet, and a few of the others by chance (the empty ones)
    assertThat(fromAlphabet).isBetween(6_800, 7_400);
  }

  @Test
  void randomString_drawsFromTheAlphabetGiven_orFromAnyCharacter() {
    HeaderFuzzer fuzzer = fuzzer(3);

    assertThat(fuzzer.randomString(1_000, "xy")).hasSize(1_000).matches("[xy]+");
    String any = fuzzer.randomString(10_000, null);
    assertThat(any.chars().filter(c -> c < 0x80).count()).isBetween(4_500L, 5_500L);
    assertThat(any.chars().anyMatch(c -> Character.isSurrogate((char) c))).isTrue();
  }

  @Test
  void hex_isLowercaseHexDigits() {
    assertThat(fuzzer(4).hex(1_000)).hasSize(1_000).matches("[0-9a-f]+");
    assertThat(fuzzer(4).hex(0)).isEmpty();
  }

  @Test
  void huge_repeatsTheValue_toALengthInTheRange() {
    HeaderFuzzer fuzzer = fuzzer(5);
    for (int i = 0; i < 100; i++) {
      String huge = fuzzer.huge("ab,", 10_000, 20_000);

      assertThat(huge.length()).isBetween(10_000, 19_999);
      assertThat(huge).startsWith("ab,ab,").matches("(ab,)*(a|ab)?");
    }
    assertThat(fuzzer.huge("a much longer value than the range allows", 5, 10)).hasSizeBetween(5, 9);
  }

  @Test
  void construction_rejectsNoAlphabetAndNoSeparators() {
    SplittableRandom random = new SplittableRandom(6);

    assertThatThrownBy(() -> new HeaderFuzzer(random, "", "-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alphabet");
    assertThatThrownBy(() -> new HeaderFuzzer(random, null, "-"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alphabet");
    assertThatThrownBy(() -> new HeaderFuzzer(random, "ab"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separators");
    assertThatThrownBy(() -> fuzzer(7).huge("", 1, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value");
  }
}
