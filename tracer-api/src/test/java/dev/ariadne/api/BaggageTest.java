package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BaggageTest {

  @AfterEach
  void everyTestLeavesTheRootContextCurrent() {
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void with_addsEntries_andLeavesTheOriginalUnchanged() {
    Baggage empty = Baggage.empty();

    Baggage one = empty.with("tier", "gold");
    Baggage two = one.with("region", "eu");

    assertThat(empty.isEmpty()).isTrue();
    assertThat(one.size()).isEqualTo(1);
    assertThat(two.size()).isEqualTo(2);
    assertThat(two.get("tier")).isEqualTo("gold");
    assertThat(two.get("region")).isEqualTo("eu");
    assertThat(one.get("region")).isNull();
  }

  @Test
  void with_anExistingKey_replacesItsValueInPlace() {
    Baggage baggage = Baggage.empty().with("a", "1").with("b", "2").with("c", "3");

    Baggage updated = baggage.with("b", "two");

    assertThat(updated.asMap().keySet()).containsExactly("a", "b", "c");
    assertThat(updated.get("b")).isEqualTo("two");
    assertThat(baggage.get("b")).isEqualTo("2");
  }

  @Test
  void with_aNullOrEmptyKeyOrANullValue_isIgnored() {
    Baggage baggage = Baggage.empty().with("a", "1");

    assertThat(baggage.with(null, "v")).isSameAs(baggage);
    assertThat(baggage.with("", "v")).isSameAs(baggage);
    assertThat(baggage.with("k", null)).isSameAs(baggage);
    assertThat(baggage.with("k", null, "meta")).isSameAs(baggage);
  }

  @Test
  void with_anEmptyValue_isKept() {
    assertThat(Baggage.empty().with("flag", "").get("flag")).isEmpty();
  }

  @Test
  void metadata_isKeptWithTheEntry_andEmptyWhenAbsent() {
    Baggage baggage = Baggage.empty().with("user", "42", "propagate=false").with("tier", "gold");

    BaggageEntry user = baggage.getEntry("user");
    BaggageEntry tier = baggage.getEntry("tier");

    assertThat(user.value()).isEqualTo("42");
    assertThat(user.metadata()).isEqualTo("propagate=false");
    assertThat(user).hasToString("42;propagate=false");
    assertThat(tier.metadata()).isEmpty();
    assertThat(tier).hasToString("gold");
    assertThat(baggage.with("tier", "gold", null).getEntry("tier").metadata()).isEmpty();
  }

  @Test
  void replacingAValue_replacesItsMetadataToo() {
    Baggage baggage = Baggage.empty().with("user", "42", "a=b");

    assertThat(baggage.with("user", "43").getEntry("user")).isEqualTo(BaggageEntry.of("43", null));
  }

  @Test
  void get_ofAMissingOrNullKey_isNull() {
    Baggage baggage = Baggage.empty().with("a", "1");

    assertThat(baggage.get("b")).isNull();
    assertThat(baggage.get(null)).isNull();
    assertThat(baggage.getEntry("b")).isNull();
  }

  @Test
  void without_removesTheKey_keepingOrder() {
    Baggage baggage = Baggage.empty().with("a", "1").with("b", "2").with("c", "3");

    Baggage fewer = baggage.without("b");

    assertThat(fewer.asMap().keySet()).containsExactly("a", "c");
    assertThat(baggage.size()).isEqualTo(3);
    assertThat(baggage.without("missing")).isSameAs(baggage);
    assertThat(baggage.without(null)).isSameAs(baggage);
  }

  @Test
  void without_theLastKey_isTheEmptyBaggage() {
    assertThat(Baggage.empty().with("a", "1").without("a")).isSameAs(Baggage.empty());
  }

  @Test
  void forEachAndAsMap_areInInsertionOrder_andTheMapIsUnmodifiable() {
    Baggage baggage = Baggage.empty().with("z", "1").with("a", "2");
    List<String> seen = new ArrayList<>();

    baggage.forEach((key, entry) -> seen.add(key + "=" + entry.value()));
    Map<String, BaggageEntry> map = baggage.asMap();

    assertThat(seen).containsExactly("z=1", "a=2");
    assertThat(map.keySet()).containsExactly("z", "a");
    assertThatThrownBy(() -> map.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void current_isEmptyByDefault_andFollowsTheCurrentContext() {
    Baggage baggage = Baggage.empty().with("tier", "gold");

    assertThat(Baggage.current()).isSameAs(Baggage.empty());
    try (Scope ignored = Context.current().with(baggage).makeCurrent()) {
      assertThat(Baggage.current()).isSameAs(baggage);
      assertThat(Baggage.current().get("tier")).isEqualTo("gold");
    }
    assertThat(Baggage.current()).isSameAs(Baggage.empty());
  }

  @Test
  void fromContext_withoutBaggage_orNull_isEmpty() {
    assertThat(Baggage.fromContext(Context.root())).isSameAs(Baggage.empty());
    assertThat(Baggage.fromContext(null)).isSameAs(Baggage.empty());
  }

  @Test
  void storeInContext_putsTheBaggageInAContextLeavingTheOriginalUnchanged() {
    ContextKey<String> other = ContextKey.named("other");
    Context original = Context.root().with(other, "kept");
    Baggage baggage = Baggage.empty().with("a", "1");

    Context stored = baggage.storeInContext(original);

    assertThat(Baggage.fromContext(stored)).isSameAs(baggage);
    assertThat(stored.get(other)).isEqualTo("kept");
    assertThat(Baggage.fromContext(original)).isSameAs(Baggage.empty());
  }

  @Test
  void baggageWithTheSameEntries_isEqual() {
    Baggage a = Baggage.empty().with("k", "v", "m").with("x", "y");
    Baggage b = Baggage.empty().with("k", "v", "m").with("x", "y");

    assertThat(a).isEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
    assertThat(a).isNotEqualTo(Baggage.empty().with("k", "v").with("x", "y"));
    assertThat(a).isNotEqualTo(Baggage.empty().with("k", "v", "m").with("x", "z"));
    assertThat(a.toString()).isEqualTo("Baggage{k=v;m, x=y}");
  }

  @Test
  void baggageEntry_requiresAValue() {
    assertThatThrownBy(() -> BaggageEntry.of(null, "m")).isInstanceOf(NullPointerException.class);
    assertThat(BaggageEntry.of("v", "m")).isEqualTo(BaggageEntry.of("v", "m"));
    assertThat(BaggageEntry.of("v", "m").hashCode()).isEqualTo(BaggageEntry.of("v", "m").hashCode());
    assertThat(BaggageEntry.of("v", "m")).isNotEqualTo(BaggageEntry.of("v", ""));
  }
}
