package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** AttributeKey, AttributeType, TraceFlags, Link and Scope.noop(): the API's smallest value types. */
class SmallValueTypesTest {

  @Test
  void attributeKeys_areEqualWhenNameAndTypeMatch() {
    assertThat(AttributeKey.stringKey("a")).isEqualTo(AttributeKey.stringKey("a"));
    assertThat(AttributeKey.stringKey("a").hashCode()).isEqualTo(AttributeKey.stringKey("a").hashCode());
    assertThat(AttributeKey.longArrayKey("a")).isEqualTo(AttributeKey.longArrayKey("a"));
    assertThat(AttributeKey.stringKey("a")).isNotEqualTo(AttributeKey.longKey("a"));
    assertThat(AttributeKey.stringArrayKey("a")).isNotEqualTo(AttributeKey.stringKey("a"));
    assertThat(AttributeKey.stringKey("a")).isNotEqualTo(AttributeKey.stringKey("b"));
    assertThat(AttributeKey.stringKey("a")).isNotEqualTo("a");
  }

  @Test
  void attributeKey_reportsItsNameAndType() {
    AttributeKey<List<Double>> key = AttributeKey.doubleArrayKey("ratios");

    assertThat(key.name()).isEqualTo("ratios");
    assertThat(key.type()).isEqualTo(AttributeType.DOUBLE_ARRAY);
    assertThat(key).hasToString("ratios");
    assertThat(AttributeKey.stringKey("s").type()).isEqualTo(AttributeType.STRING);
    assertThat(AttributeKey.booleanKey("b").type()).isEqualTo(AttributeType.BOOLEAN);
    assertThat(AttributeKey.longKey("l").type()).isEqualTo(AttributeType.LONG);
    assertThat(AttributeKey.doubleKey("d").type()).isEqualTo(AttributeType.DOUBLE);
    assertThat(AttributeKey.stringArrayKey("sa").type()).isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(AttributeKey.booleanArrayKey("ba").type()).isEqualTo(AttributeType.BOOLEAN_ARRAY);
    assertThat(AttributeKey.longArrayKey("la").type()).isEqualTo(AttributeType.LONG_ARRAY);
  }

  @Test
  void attributeKey_withNullName_neverThrows_andItsAttributesAreDroppedAndCounted() {
    AttributeKey<String> key = AttributeKey.stringKey(null);
    assertThat(key.name()).isEmpty();
    AttributeList list = Attributes.builder().put(key, "value");
    assertThat(list.size()).isZero();
    assertThat(list.droppedCount()).isEqualTo(1);
  }

  @Test
  void attributeType_isArray_onlyForListTypes() {
    assertThat(AttributeType.STRING.isArray()).isFalse();
    assertThat(AttributeType.BOOLEAN.isArray()).isFalse();
    assertThat(AttributeType.LONG.isArray()).isFalse();
    assertThat(AttributeType.DOUBLE.isArray()).isFalse();
    assertThat(AttributeType.STRING_ARRAY.isArray()).isTrue();
    assertThat(AttributeType.BOOLEAN_ARRAY.isArray()).isTrue();
    assertThat(AttributeType.LONG_ARRAY.isArray()).isTrue();
    assertThat(AttributeType.DOUBLE_ARRAY.isArray()).isTrue();
  }

  @Test
  void traceFlags_renderAsTwoLowercaseHexDigits() {
    assertThat(TraceFlags.toHex(TraceFlags.NONE)).isEqualTo("00");
    assertThat(TraceFlags.toHex(TraceFlags.SAMPLED)).isEqualTo("01");
    assertThat(TraceFlags.toHex((byte) (TraceFlags.SAMPLED | TraceFlags.RANDOM))).isEqualTo("03");
    assertThat(TraceFlags.toHex((byte) 0xab)).isEqualTo("ab");
    assertThat(TraceFlags.toHex((byte) 0xff)).isEqualTo("ff");
  }

  @Test
  void traceFlags_isSampled_readsOnlyBitZero() {
    assertThat(TraceFlags.isSampled(TraceFlags.SAMPLED)).isTrue();
    assertThat(TraceFlags.isSampled((byte) 0xff)).isTrue();
    assertThat(TraceFlags.isSampled(TraceFlags.NONE)).isFalse();
    assertThat(TraceFlags.isSampled(TraceFlags.RANDOM)).isFalse();
    assertThat(TraceFlags.isSampled((byte) 0xfe)).isFalse();
  }

  @Test
  void link_withNulls_pointsAtTheInvalidContextWithNoAttributes() {
    Link link = Link.of(null, null);

    assertThat(link.spanContext()).isSameAs(SpanContext.invalid());
    assertThat(link.attributes()).isSameAs(Attributes.empty());
  }

  @Test
  void link_keepsWhatItWasGiven() {
    SpanContext target = SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, null);
    Attributes attributes = Attributes.of("reason", "batch");

    Link link = Link.of(target, attributes);

    assertThat(link.spanContext()).isSameAs(target);
    assertThat(link.attributes()).isSameAs(attributes);
    assertThat(link.toString()).contains(target.spanIdHex()).contains("reason=batch");
  }

  @Test
  void noopScope_isSharedAndClosingItDoesNothing() {
    Context before = Context.current();

    Scope.noop().close();
    Scope.noop().close();

    assertThat(Scope.noop()).isSameAs(Scope.noop());
    assertThat(Context.current()).isSameAs(before);
  }
}
