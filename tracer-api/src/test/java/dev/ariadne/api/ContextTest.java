package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContextTest {
  private static final ContextKey<String> USER = ContextKey.named("user");
  private static final ContextKey<Integer> ATTEMPT = ContextKey.named("attempt");

  private final List<ExecutorService> executors = new ArrayList<>();

  @AfterEach
  void everyTestLeavesTheRootContextCurrent() throws InterruptedException {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Context.current()).as("a test leaked a current context").isSameAs(Context.root());
  }

  private ExecutorService newThread() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executors.add(executor);
    return executor;
  }

  // ---- values ------------------------------------------------------------------------------

  @Test
  void with_returnsANewContextHoldingTheValue_andLeavesTheOriginalUnchanged() {
    Context root = Context.root();

    Context withUser = root.with(USER, "alice");

    assertThat(withUser).isNotSameAs(root);
    assertThat(withUser.get(USER)).isEqualTo("alice");
    assertThat(root.get(USER)).isNull();
  }

  @Test
  void with_theSameKeyAgain_replacesTheValue_andKeepsOtherKeys() {
    Context first = Context.root().with(USER, "alice").with(ATTEMPT, 1);

    Context second = first.with(USER, "bob");

    assertThat(second.get(USER)).isEqualTo("bob");
    assertThat(second.get(ATTEMPT)).isEqualTo(1);
    assertThat(first.get(USER)).isEqualTo("alice");
  }

  @Test
  void with_theValueAlreadyHeld_returnsTheSameContext() {
    String alice = "alice";
    Context context = Context.root().with(USER, alice);

    assertThat(context.with(USER, alice)).isSameAs(context);
  }

  @Test
  void with_aNullKey_isIgnored() {
    Context context = Context.root().with(USER, "alice");

    assertThat(context.with(null, "x")).isSameAs(context);
  }

  @Test
  void keys_compareByIdentity_notByName() {
    ContextKey<String> impostor = ContextKey.named("user");

    Context context = Context.root().with(USER, "alice");

    assertThat(context.get(impostor)).isNull();
    assertThat(context.with(impostor, "mallory").get(USER)).isEqualTo("alice");
    assertThat(impostor).hasToString("user");
  }

  @Test
  void get_ofAMissingKey_returnsNull() {
    assertThat(Context.root().get(USER)).isNull();
    assertThat(Context.root().get((ContextKey<String>) null)).isNull();
  }

  @Test
  void withSpanAndBaggage_keepsTheOtherValues() {
    Span span = Span.wrap(SpanContext.create(1, 2, 3, TraceFlags.SAMPLED, null));
    Baggage baggage = Baggage.empty().with("tier", "gold");

    Context context = Context.root().with(USER, "alice").with(span).with(baggage);

    assertThat(context.get(USER)).isEqualTo("alice");
    assertThat(Span.fromContext(context)).isSameAs(span);
    assertThat(Baggage.fromContext(context)).isSameAs(baggage);
    assertThat(context.with(span)).isSameAs(context);
    assertThat(context.with(baggage)).isSameAs(context);
  }

  // ---- current and scopes ------------------------------------------------------------------

  @Test
  void root_isCurrentByDefault_onEveryThread() throws Exception {
    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(FreshThread.call(Context::current)).isSameAs(Context.root());
  }

  @Test
  void makeCurrent_thenClose_restoresThePreviousContext() {
    Context alice = Context.root().with(USER, "alice");

    try (Scope ignored = alice.makeCurrent()) {
      assertThat(Context.current()).isSameAs(alice);
      assertThat(Context.current().get(USER)).isEqualTo("alice");
    }

    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void nestedScopes_restoreInReverseOrder() {
    Context alice = Context.root().with(USER, "alice");
    Context bob = alice.with(USER, "bob");
    Context retry = bob.with(ATTEMPT, 2);

    try (Scope outer = alice.makeCurrent()) {
      try (Scope middle = bob.makeCurrent()) {
        try (Scope inner = retry.makeCurrent()) {
          assertThat(Context.current()).isSameAs(retry);
        }
        assertThat(Context.current()).isSameAs(bob);
      }
      assertThat(Context.current()).isSameAs(alice);
    }
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void makingTheCurrentContextCurrentAgain_returnsANoopScope() {
    Context alice = Context.root().with(USER, "alice");
    long misusedBefore = ThreadScope.misusedCount();

    try (Scope outer = alice.makeCurrent()) {
      Scope again = alice.makeCurrent();
      assertThat(again).isSameAs(Scope.noop());
      again.close();
      assertThat(Context.current()).isSameAs(alice);
    }

    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore);
  }

  @Test
  void makingRootCurrentOnAFreshThread_returnsANoopScope() {
    assertThat(Context.root().makeCurrent()).isSameAs(Scope.noop());
  }

  @Test
  void closingTwice_isHarmless_andNotCountedAsMisuse() {
    Context alice = Context.root().with(USER, "alice");
    Context bob = Context.root().with(USER, "bob");
    long misusedBefore = ThreadScope.misusedCount();

    Scope outer = alice.makeCurrent();
    Scope inner = bob.makeCurrent();
    inner.close();
    inner.close();
    assertThat(Context.current()).isSameAs(alice);
    outer.close();
    outer.close();
    inner.close();

    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore);
  }

  @Test
  void outOfOrderClose_restoresWhatWasCurrentBeforeIt_andClosesTheLaterScopesWithIt() throws Exception {
    Context alice = Context.root().with(USER, "alice");
    Context bob = Context.root().with(USER, "bob");
    long misusedBefore = ThreadScope.misusedCount();

    FreshThread.run(() -> {
      Scope outer = alice.makeCurrent();
      Scope inner = bob.makeCurrent();

      outer.close();
      assertThat(Context.current()).as("code after the outer close is outside both").isSameAs(Context.root());
      assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore + 1);

      inner.close();
      assertThat(Context.current()).as("the inner scope was closed already").isSameAs(Context.root());
    });

    assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore + 1);
  }

  @Test
  void aLeakedInnerScope_cannotKeepItsContextOnThePooledThread() throws Exception {
    Context request = Context.root().with(USER, "request-1");
    Context leaked = Context.root().with(USER, "library-call");

    FreshThread.run(() -> {
      try (Scope ignored = request.makeCurrent()) {
        leaked.makeCurrent(); // never closed: a bug in some library
      }
      assertThat(Context.current()).isSameAs(Context.root());
    });
  }

  @Test
  void outOfOrderClose_isDetected_evenWhenTheSameContextIsCurrentAgain() throws Exception {
    Context alice = Context.root().with(USER, "alice");
    Context bob = Context.root().with(USER, "bob");
    long misusedBefore = ThreadScope.misusedCount();

    FreshThread.run(() -> {
      Scope first = alice.makeCurrent();
      Scope second = bob.makeCurrent();
      Scope third = alice.makeCurrent();

      first.close();

      assertThat(Context.current()).isSameAs(Context.root());
      assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore + 1);
      third.close();
      second.close();
      assertThat(Context.current()).isSameAs(Context.root());
      assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore + 1);
    });
  }

  @Test
  void closeOnAnotherThread_changesNeitherThreadsCurrentContext_andTheOwnerCanStillCloseIt() throws Exception {
    Context alice = Context.root().with(USER, "alice");
    ExecutorService owner = newThread();
    ExecutorService stranger = newThread();
    long misusedBefore = ThreadScope.misusedCount();

    Scope scope = owner.submit(() -> alice.makeCurrent()).get(10, TimeUnit.SECONDS);
    Context currentOnStranger = stranger.submit(() -> {
      scope.close();
      return Context.current();
    }).get(10, TimeUnit.SECONDS);
    Context currentOnOwner = owner.submit(() -> Context.current()).get(10, TimeUnit.SECONDS);

    assertThat(currentOnStranger).isSameAs(Context.root());
    assertThat(currentOnOwner).isSameAs(alice);
    assertThat(ThreadScope.misusedCount()).isEqualTo(misusedBefore + 1);

    Context afterOwnerClose = owner.submit(() -> {
      scope.close();
      return Context.current();
    }).get(10, TimeUnit.SECONDS);
    assertThat(afterOwnerClose).isSameAs(Context.root());
  }

  @Test
  void currentContext_isPerThread() throws Exception {
    Context alice = Context.root().with(USER, "alice");

    try (Scope ignored = alice.makeCurrent()) {
      assertThat(FreshThread.call(Context::current)).isSameAs(Context.root());
      assertThat(Context.current()).isSameAs(alice);
    }
  }

  // ---- scope decorators --------------------------------------------------------------------

  @Test
  void scopeDecorator_runsOnEachChange_andItsUndoRunsOnceThePreviousContextIsBack() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ScopeDecorator decorator = attached -> {
      events.add("attach " + attached.get(USER));
      return () -> events.add("undo, current is " + Context.current().get(USER));
    };
    Context alice = Context.root().with(USER, "alice");

    Context.addScopeDecorator(decorator);
    try {
      try (Scope outer = alice.makeCurrent()) {
        try (Scope sameAgain = alice.makeCurrent()) {
          assertThat(events).as("no change, no decoration").containsExactly("attach alice");
        }
      }
      assertThat(events).containsExactly("attach alice", "undo, current is null");
    } finally {
      Context.removeScopeDecorator(decorator);
    }

    try (Scope afterRemoval = alice.makeCurrent()) {
      assertThat(Context.current()).isSameAs(alice);
    }
    assertThat(events).as("a removed decorator is not called").hasSize(2);
  }

  @Test
  void scopeDecorators_runInTheOrderAdded_andUndoInReverse() {
    List<String> events = new ArrayList<>();
    ScopeDecorator first = recordingDecorator("first", events);
    ScopeDecorator second = recordingDecorator("second", events);

    Context.addScopeDecorator(first);
    Context.addScopeDecorator(second);
    try {
      try (Scope scope = Context.root().with(USER, "alice").makeCurrent()) {
        assertThat(events).containsExactly("attach first", "attach second");
      }
    } finally {
      Context.removeScopeDecorator(first);
      Context.removeScopeDecorator(second);
    }

    assertThat(events).containsExactly("attach first", "attach second", "undo second", "undo first");
  }

  @Test
  void anOutOfOrderClose_runsTheUndosOfEveryScopeItCloses_innermostFirst() throws Exception {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    ScopeDecorator decorator = attached -> {
      String user = attached.get(USER);
      return () -> events.add("undo " + user + ", current is " + Context.current().get(USER));
    };
    Context.addScopeDecorator(decorator);
    try {
      FreshThread.run(() -> {
        Scope outer = Context.root().with(USER, "alice").makeCurrent();
        Scope inner = Context.root().with(USER, "bob").makeCurrent();
        outer.close();
        inner.close();
      });
    } finally {
      Context.removeScopeDecorator(decorator);
    }
    assertThat(events).containsExactly("undo bob, current is alice", "undo alice, current is null");
  }

  @Test
  void aThrowingScopeDecorator_isIgnored_andTheOthersStillRun() {
    List<String> events = new ArrayList<>();
    ScopeDecorator throwing = attached -> {
      throw new IllegalStateException("decorator failure (expected by the test)");
    };
    ScopeDecorator recording = recordingDecorator("recording", events);
    Context alice = Context.root().with(USER, "alice");

    Context.addScopeDecorator(throwing);
    Context.addScopeDecorator(recording);
    try {
      try (Scope scope = alice.makeCurrent()) {
        assertThat(Context.current()).isSameAs(alice);
      }
    } finally {
      Context.removeScopeDecorator(throwing);
      Context.removeScopeDecorator(recording);
    }

    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(events).containsExactly("attach recording", "undo recording");
  }

  @Test
  void aScopeDecoratorReturningNull_leavesTheScopeWorking() {
    ScopeDecorator returnsNull = attached -> null;
    Context alice = Context.root().with(USER, "alice");

    Context.addScopeDecorator(returnsNull);
    try {
      try (Scope scope = alice.makeCurrent()) {
        assertThat(scope).isNotNull();
        assertThat(Context.current()).isSameAs(alice);
      }
    } finally {
      Context.removeScopeDecorator(returnsNull);
    }
    assertThat(Context.current()).isSameAs(Context.root());
  }

  @Test
  void addingANullDecorator_isRefused_andRemovingAnUnknownOneIsIgnored() {
    assertThatThrownBy(() -> Context.addScopeDecorator(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("decorator");

    Context.removeScopeDecorator(attached -> null);
    Context.removeScopeDecorator(null);

    try (Scope scope = Context.root().with(USER, "alice").makeCurrent()) {
      assertThat(Context.current().get(USER)).isEqualTo("alice");
    }
  }

  private static ScopeDecorator recordingDecorator(String name, List<String> events) {
    return attached -> {
      events.add("attach " + name);
      return () -> events.add("undo " + name);
    };
  }
}
