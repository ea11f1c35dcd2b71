package dev.ariadne.api.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ariadne.api.Context;
import dev.ariadne.api.ContextKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositePropagatorTest {
  private static final ContextKey<String> TRACE = ContextKey.named("trace");
  private static final ContextKey<String> TENANT = ContextKey.named("tenant");

  private final List<String> calls = new ArrayList<>();
  private final TextMapSetter<Map<String, String>> setter = TextMapSetter.forMap();
  private final TextMapGetter<Map<String, String>> getter = TextMapGetter.forMap();

  /** Writes one context value to one carrier field and reads it back, logging each call. */
  private final class FieldPropagator implements TextMapPropagator {
    private final String name;
    private final ContextKey<String> key;
    private final List<String> fields;

    FieldPropagator(String name, ContextKey<String> key, String... fields) {
      this.name = name;
      this.key = key;
      this.fields = List.of(fields);
    }

    @Override
    public Collection<String> fields() {
      return fields;
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
      calls.add("inject " + name);
      String value = context.get(key);
      if (value != null) {
        setter.set(carrier, fields.get(0), value);
      }
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
      calls.add("extract " + name);
      String value = getter.get(carrier, fields.get(0));
      return value == null ? context : context.with(key, value);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Fails on every call, like a buggy third-party format. */
  private final class ThrowingPropagator implements TextMapPropagator {
    @Override
    public Collection<String> fields() {
      return List.of("broken");
    }

    @Override
    public <C> void inject(Context context, C carrier, TextMapSetter<C> setter) {
      calls.add("inject broken");
      throw new IllegalStateException("inject failure (expected by the test)");
    }

    @Override
    public <C> Context extract(Context context, C carrier, TextMapGetter<C> getter) {
      calls.add("extract broken");
      throw new IllegalStateException("extract failure (expected by the test)");
    }

    @Override
    public String toString() {
      return "broken";
    }
  }

  @Test
  void inject_writesWithEveryMemberInOrder() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("trace", TRACE, "x-trace"), new FieldPropagator("tenant", TENANT, "x-tenant"));
    Map<String, String> carrier = new HashMap<>();

    composite.inject(Context.root().with(TRACE, "t-1").with(TENANT, "acme"), carrier, setter);

    assertThat(carrier).containsOnly(Map.entry("x-trace", "t-1"), Map.entry("x-tenant", "acme"));
    assertThat(calls).containsExactly("inject trace", "inject tenant");
  }

  @Test
  void extract_passesTheContextFromEachMemberToTheNext() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("trace", TRACE, "x-trace"), new FieldPropagator("tenant", TENANT, "x-tenant"));
    Map<String, String> carrier = Map.of("x-trace", "t-1", "x-tenant", "acme");

    Context extracted = composite.extract(Context.root(), carrier, getter);

    assertThat(extracted.get(TRACE)).isEqualTo("t-1");
    assertThat(extracted.get(TENANT)).isEqualTo("acme");
    assertThat(calls).containsExactly("extract trace", "extract tenant");
  }

  @Test
  void extract_laterMembersOverrideEarlierOnesForTheSameKey() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("w3c", TRACE, "traceparent"), new FieldPropagator("b3", TRACE, "b3"));
    Map<String, String> carrier = Map.of("traceparent", "from-w3c", "b3", "from-b3");

    assertThat(composite.extract(Context.root(), carrier, getter).get(TRACE)).isEqualTo("from-b3");
  }

  @Test
  void aMemberThatThrowsOnInject_isSkipped_andTheOthersStillRun() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("trace", TRACE, "x-trace"), new ThrowingPropagator(),
        new FieldPropagator("tenant", TENANT, "x-tenant"));
    Map<String, String> carrier = new HashMap<>();

    composite.inject(Context.root().with(TRACE, "t-1").with(TENANT, "acme"), carrier, setter);

    assertThat(carrier).containsOnly(Map.entry("x-trace", "t-1"), Map.entry("x-tenant", "acme"));
    assertThat(calls).containsExactly("inject trace", "inject broken", "inject tenant");
  }

  @Test
  void aMemberThatThrowsOnExtract_isSkipped_andTheContextSoFarIsKept() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("trace", TRACE, "x-trace"), new ThrowingPropagator(),
        new FieldPropagator("tenant", TENANT, "x-tenant"));
    Map<String, String> carrier = Map.of("x-trace", "t-1", "x-tenant", "acme");

    Context extracted = composite.extract(Context.root(), carrier, getter);

    assertThat(extracted.get(TRACE)).isEqualTo("t-1");
    assertThat(extracted.get(TENANT)).isEqualTo("acme");
    assertThat(calls).containsExactly("extract trace", "extract broken", "extract tenant");
  }

  @Test
  void aSingleThrowingMember_isStillSkipped() {
    TextMapPropagator composite = TextMapPropagator.composite(TextMapPropagator.noop(), new ThrowingPropagator());
    Context context = Context.root().with(TRACE, "t-1");

    assertThatCode(() -> composite.inject(context, new HashMap<>(), setter)).doesNotThrowAnyException();
    assertThat(composite.extract(context, Map.of(), getter)).isSameAs(context);
  }

  @Test
  void fields_areTheUnionOfTheMembersFields_inOrder_andUnmodifiable() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("w3c", TRACE, "traceparent", "tracestate"),
        new FieldPropagator("b3", TRACE, "b3", "traceparent"),
        new FieldPropagator("baggage", TENANT, "baggage"));

    Collection<String> fields = composite.fields();

    assertThat(fields).containsExactly("traceparent", "tracestate", "b3", "baggage");
    assertThatThrownBy(() -> fields.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nestedComposites_areFlattened() {
    FieldPropagator a = new FieldPropagator("a", TRACE, "fa");
    FieldPropagator b = new FieldPropagator("b", TRACE, "fb");
    FieldPropagator c = new FieldPropagator("c", TENANT, "fc");

    TextMapPropagator nested = TextMapPropagator.composite(
        TextMapPropagator.composite(a, b), TextMapPropagator.noop(), c);
    nested.extract(Context.root(), Map.of(), getter);

    assertThat(nested).hasToString("CompositePropagator[a, b, c]");
    assertThat(nested.fields()).containsExactly("fa", "fb", "fc");
    assertThat(calls).containsExactly("extract a", "extract b", "extract c");
  }

  @Test
  void aNullMember_isRefused() {
    FieldPropagator a = new FieldPropagator("a", TRACE, "fa");

    assertThatThrownBy(() -> TextMapPropagator.composite(a, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> TextMapPropagator.composite(Arrays.asList(a, null)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TextMapPropagator.composite((Collection<TextMapPropagator>) null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void composite_ofNothing_behavesLikeNoop() {
    TextMapPropagator empty = TextMapPropagator.composite();
    Context context = Context.root().with(TRACE, "t-1");
    Map<String, String> carrier = new HashMap<>();

    empty.inject(context, carrier, setter);

    assertThat(empty.fields()).isEmpty();
    assertThat(carrier).isEmpty();
    assertThat(empty.extract(context, Map.of("x-trace", "t-2"), getter)).isSameAs(context);
  }

  @Test
  void composite_toleratesNullContextsSettersAndGetters() {
    TextMapPropagator composite = TextMapPropagator.composite(
        new FieldPropagator("trace", TRACE, "x-trace"), new FieldPropagator("tenant", TENANT, "x-tenant"));
    Map<String, String> carrier = new HashMap<>();
    Context context = Context.root().with(TRACE, "t-1");

    composite.inject(null, carrier, setter);
    composite.inject(context, carrier, null);
    Context fromNull = composite.extract(null, Map.of("x-trace", "t-2"), getter);
    Context withoutGetter = composite.extract(context, Map.of("x-trace", "t-2"), null);

    assertThat(carrier).isEmpty();
    assertThat(fromNull.get(TRACE)).as("a null context extracts onto root").isEqualTo("t-2");
    assertThat(withoutGetter).isSameAs(context);
  }

  @Test
  void noop_writesAndReadsNothing() {
    TextMapPropagator noop = TextMapPropagator.noop();
    Context context = Context.root().with(TRACE, "t-1");
    TextMapSetter<Map<String, String>> failingSetter = (carrier, key, value) -> {
      throw new AssertionError("noop must not write " + key);
    };
    TextMapGetter<Map<String, String>> failingGetter = new TextMapGetter<>() {
      @Override
      public Iterable<String> keys(Map<String, String> carrier) {
        throw new AssertionError("noop must not list keys");
      }

      @Override
      public String get(Map<String, String> carrier, String key) {
        throw new AssertionError("noop must not read " + key);
      }
    };

    noop.inject(context, new HashMap<>(), failingSetter);
    Context extracted = noop.extract(context, Map.of("traceparent", "x"), failingGetter);

    assertThat(extracted).isSameAs(context);
    assertThat(noop.fields()).isEmpty();
    assertThat(noop.extract(null, Map.of(), getter)).isSameAs(Context.root());
    assertThat(TextMapPropagator.noop()).isSameAs(noop);
  }
}
