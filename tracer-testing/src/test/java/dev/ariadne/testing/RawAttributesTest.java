package dev.ariadne.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.AttributeType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawAttributesTest {

  @Test
  void of_keepsEveryPairInOrder_duplicatesAndNullsIncluded() {
    RawAttributes attributes = RawAttributes.of("a", "x", "a", null, null, Double.NaN);

    assertThat(attributes.size()).isEqualTo(3);
    assertThat(attributes.key(0)).isEqualTo("a");
    assertThat(attributes.key(1)).isEqualTo("a");
    assertThat(attributes.value(1)).isNull();
    assertThat(attributes.key(2)).isNull();
    assertThat((Double) attributes.value(2)).isNaN();
    assertThat(attributes.type(2)).isEqualTo(AttributeType.DOUBLE);
  }

  @Test
  void types_areInferredFromTheValueOrFirstElement() {
    RawAttributes attributes = RawAttributes.create()
        .put("s", "v").put("b", true).put("l", 1L).put("d", 1.5).put("i", 7).put("null", null)
        .put("bs", List.of(true)).put("ls", List.of(1L, 2L)).put("ds", List.of(1.0)).put("ss", List.of("x"))
        .put("empty", List.of()).put("nested", Arrays.asList(List.of(1L), null));

    assertThat(attributes.type(0)).isEqualTo(AttributeType.STRING);
    assertThat(attributes.type(1)).isEqualTo(AttributeType.BOOLEAN);
    assertThat(attributes.type(2)).isEqualTo(AttributeType.LONG);
    assertThat(attributes.type(3)).isEqualTo(AttributeType.DOUBLE);
    assertThat(attributes.type(4)).isEqualTo(AttributeType.STRING);
    assertThat(attributes.type(5)).isEqualTo(AttributeType.STRING);
    assertThat(attributes.type(6)).isEqualTo(AttributeType.BOOLEAN_ARRAY);
    assertThat(attributes.type(7)).isEqualTo(AttributeType.LONG_ARRAY);
    assertThat(attributes.type(8)).isEqualTo(AttributeType.DOUBLE_ARRAY);
    assertThat(attributes.type(9)).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(attributes.type(10)).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(attributes.type(11)).isEqualTo(AttributeType.STRING_ARRAY);
  }

  @Test
  void aGivenType_isKeptEvenWhenItContradictsTheValue() {
    RawAttributes attributes = RawAttributes.create()
        .put("longs", AttributeType.STRING_ARRAY, List.of(1L)).put("untyped", null, "v");

    assertThat(attributes.type(0)).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(attributes.value(0)).isEqualTo(List.of(1L));
    assertThat(attributes.type(1)).isNull();
  }

  @Test
  void of_refusesAKeyWithoutAValue() {
    assertThatThrownBy(() -> RawAttributes.of("a", 1L, "b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keysAndValues");
  }
}
