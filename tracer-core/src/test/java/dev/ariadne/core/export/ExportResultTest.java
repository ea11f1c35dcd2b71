package dev.ariadne.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportResultTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void plainSuccess_dropsNothing_andStaysTheSharedInstance() {
    assertThat(ExportResult.success()).isSameAs(ExportResult.success());
    assertThat(ExportResult.success(0)).isSameAs(ExportResult.success());
    assertThat(ExportResult.success().isSuccess()).isTrue();
    assertThat(ExportResult.success().droppedSpans()).isZero();

    ExportResult pending = ExportResult.pending();
    assertThat(pending.succeed()).isTrue();
    assertThat(pending.isSuccess()).isTrue();
    assertThat(pending.droppedSpans()).isZero();
    assertThat(pending).hasToString("ExportResult{success}");
  }

  @Test
  void succeedWithDroppedSpans_isASuccessThatCarriesTheCount() {
    ExportResult result = ExportResult.pending();

    assertThat(result.succeed(2)).isTrue();

    assertThat(result.isDone()).isTrue();
    assertThat(result.isSuccess()).isTrue();
    assertThat(result.failureCause()).isNull();
    assertThat(result.droppedSpans()).isEqualTo(2);
    assertThat(result).hasToString("ExportResult{success, droppedSpans=2}");
    assertThat(ExportResult.success(3).droppedSpans()).isEqualTo(3);
    assertThat(ExportResult.success(3).isSuccess()).isTrue();
  }

  @Test
  void droppedSpans_isZeroWhilePendingAndAfterFailure() {
    ExportResult result = ExportResult.pending();
    assertThat(result.droppedSpans()).isZero();

    result.fail(new IllegalStateException("503"));

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.droppedSpans()).isZero();
    assertThat(ExportResult.failure().droppedSpans()).isZero();
    assertThat(result).hasToString("ExportResult{failure}");
  }

  @Test
  void theFirstCompletionWins_withItsCount() {
    ExportResult result = ExportResult.pending();
    assertThat(result.succeed(3)).isTrue();

    assertThat(result.succeed(5)).isFalse();
    assertThat(result.succeed()).isFalse();
    assertThat(result.fail(new IllegalStateException("late"))).isFalse();

    assertThat(result.isSuccess()).isTrue();
    assertThat(result.droppedSpans()).isEqualTo(3);
  }

  @Test
  void negativeDroppedSpans_isRejectedNamingTheParameter_andLeavesTheResultPending() {
    ExportResult result = ExportResult.pending();

    assertThatThrownBy(() -> result.succeed(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("droppedSpans must be >= 0, was -1");
    assertThatThrownBy(() -> ExportResult.success(-7)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("droppedSpans must be >= 0, was -7");
    assertThat(result.isDone()).isFalse();
  }

  @Test
  void all_sumsTheDroppedSpansOfItsParts_whenEveryPartSucceeds() {
    ExportResult first = ExportResult.pending();
    ExportResult second = ExportResult.pending();
    ExportResult all = ExportResult.all(List.of(first, ExportResult.success(4), second, ExportResult.success()));

    second.succeed(1);
    assertThat(all.isDone()).as("one part still pending").isFalse();
    first.succeed(2);

    assertThat(all.await(WAIT)).isTrue();
    assertThat(all.isSuccess()).isTrue();
    assertThat(all.droppedSpans()).isEqualTo(7);
  }

  @Test
  void all_completedOnAnotherThread_stillSums() throws Exception {
    ExportResult first = ExportResult.pending();
    ExportResult second = ExportResult.pending();
    ExportResult all = ExportResult.all(List.of(first, second));
    Thread a = new Thread(() -> first.succeed(5));
    Thread b = new Thread(() -> second.succeed(6));

    a.start();
    b.start();

    assertThat(all.await(WAIT)).isTrue();
    a.join();
    b.join();
    assertThat(all.droppedSpans()).isEqualTo(11);
  }

  @Test
  void all_failsWhenAnyPartFails_andThenReportsNoDrops() {
    IllegalStateException cause = new IllegalStateException("400");
    ExportResult all = ExportResult.all(List.of(ExportResult.success(3), ExportResult.failure(cause)));

    assertThat(all.isDone()).isTrue();
    assertThat(all.isSuccess()).isFalse();
    assertThat(all.failureCause()).isSameAs(cause);
    assertThat(all.droppedSpans()).isZero();
  }

  @Test
  void all_capsTheSumAtIntegerMaxValue() {
    ExportResult all = ExportResult.all(List.of(ExportResult.success(Integer.MAX_VALUE), ExportResult.success(2)));

    assertThat(all.isSuccess()).isTrue();
    assertThat(all.droppedSpans()).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void all_ofNothing_isPlainSuccess() {
    assertThat(ExportResult.all(List.of())).isSameAs(ExportResult.success());
  }

  @Test
  void completeFrom_carriesTheDroppedCount_nowOrLater() {
    ExportResult now = ExportResult.pending().completeFrom(ExportResult.success(2));
    assertThat(now.isSuccess()).isTrue();
    assertThat(now.droppedSpans()).isEqualTo(2);

    ExportResult source = ExportResult.pending();
    ExportResult later = ExportResult.pending().completeFrom(source);
    assertThat(later.isDone()).isFalse();
    source.succeed(9);
    assertThat(later.isSuccess()).isTrue();
    assertThat(later.droppedSpans()).isEqualTo(9);

    IllegalStateException cause = new IllegalStateException("boom");
    ExportResult failed = ExportResult.pending().completeFrom(ExportResult.failure(cause));
    assertThat(failed.isSuccess()).isFalse();
    assertThat(failed.failureCause()).isSameAs(cause);
  }

  @Test
  void failureWithACount_saysHowManySpansFailed_andACountlessFailureStandsForTheWholeBatch() {
    IllegalStateException cause = new IllegalStateException("HTTP 400");
    ExportResult some = ExportResult.failure(cause, 3);
    assertThat(some.isSuccess()).isFalse();
    assertThat(some.failedSpans()).isEqualTo(3);
    assertThat(some.failureCause()).isSameAs(cause);
    assertThat(some.toString()).isEqualTo("ExportResult{failure, failedSpans=3}");
    assertThat(ExportResult.failure(cause).failedSpans()).isEqualTo(-1);
    assertThat(ExportResult.failure().failedSpans()).isEqualTo(-1);
    assertThat(ExportResult.success().failedSpans()).isZero();
    assertThat(ExportResult.pending().failedSpans()).isZero();

    ExportResult later = ExportResult.pending();
    assertThat(later.fail(cause, 2)).isTrue();
    assertThat(later.fail(cause, 5)).as("the first completion wins").isFalse();
    assertThat(later.failedSpans()).isEqualTo(2);
    assertThatThrownBy(() -> ExportResult.failure(cause, -1)).hasMessageContaining("failedSpans");
  }

  @Test
  void all_sumsFailedAndDroppedSpans_whenEveryFailedPartSaysHowMany() {
    ExportResult all = ExportResult.all(List.of(ExportResult.success(1),
        ExportResult.failure(new IllegalStateException("a"), 3), ExportResult.success(),
        ExportResult.failure(new IllegalStateException("b"), 4)));
    assertThat(all.isSuccess()).isFalse();
    assertThat(all.failedSpans()).isEqualTo(7);
    assertThat(all.droppedSpans()).isEqualTo(1);
    assertThat(all.failureCause()).hasMessage("a");

    ExportResult whole = ExportResult.all(List.of(ExportResult.success(1),
        ExportResult.failure(new IllegalStateException("a"), 3), ExportResult.failure(new IllegalStateException("b")),
        ExportResult.failure(new IllegalStateException("c"))));
    assertThat(whole.failedSpans()).as("a countless part makes the whole batch failed").isEqualTo(-1);
    assertThat(whole.droppedSpans()).isZero();
  }

  @Test
  void completeFrom_carriesTheFailedCount() {
    ExportResult source = ExportResult.pending();
    ExportResult copy = ExportResult.pending().completeFrom(source);
    source.fail(new IllegalStateException("x"), 4);
    assertThat(copy.failedSpans()).isEqualTo(4);
    assertThat(copy.failureCause()).hasMessage("x");
  }
}
