package dev.ariadne.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a context follows work onto other threads: wrapped tasks and context-capturing executors. */
class ContextAcrossThreadsTest {
  private static final ContextKey<String> REQUEST = ContextKey.named("request");
  private static final long TIMEOUT_SECONDS = 10;
  private static final Callable<String> READ_REQUEST = ContextAcrossThreadsTest::request;

  private final List<ExecutorService> executors = new ArrayList<>();

  @AfterEach
  void shutDownExecutors_andCheckNothingLeakedHere() throws InterruptedException {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
      assertThat(executor.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(Context.current()).isSameAs(Context.root());
  }

  private <E extends ExecutorService> E track(E executor) {
    executors.add(executor);
    return executor;
  }

  private static String request() {
    return Context.current().get(REQUEST);
  }

  private static Context request(String id) {
    return Context.root().with(REQUEST, id);
  }

  // ---- wrap --------------------------------------------------------------------------------

  @Test
  void wrappedRunnable_runsInTheCapturedContext_onAnotherThread() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());
    AtomicReference<String> seen = new AtomicReference<>();
    Runnable task;
    try (Scope ignored = request("r-1").makeCurrent()) {
      task = Context.current().wrap(() -> seen.set(request()));
    }

    pool.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(seen).hasValue("r-1");
  }

  @Test
  void wrappedTask_restoresTheWorkersOwnContextAfterwards() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());

    pool.submit(request("r-1").wrap(() -> { })).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Context workerAfter = pool.submit(() -> Context.current()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(workerAfter).isSameAs(Context.root());
  }

  @Test
  void wrappedTask_restoresTheContextEvenWhenItThrows() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());
    Callable<String> failing = request("r-1").wrap((Callable<String>) () -> {
      throw new IllegalStateException("task failure");
    });

    Future<String> result = pool.submit(failing);
    assertThatThrownBy(() -> result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
    Context workerAfter = pool.submit(() -> Context.current()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(workerAfter).isSameAs(Context.root());
  }

  @Test
  void wrappedCallable_returnsItsResultInTheCapturedContext() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());
    Callable<String> task = request("r-2").wrap(READ_REQUEST);

    assertThat(pool.submit(task).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("r-2");
  }

  @Test
  void wrappedSupplier_runsInTheCapturedContext() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());
    Supplier<String> supplier = request("r-3").wrapSupplier(ContextAcrossThreadsTest::request);

    String seen = CompletableFuture.supplyAsync(supplier, pool).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

    assertThat(seen).isEqualTo("r-3");
  }

  @Test
  void wrappedTask_runDirectly_switchesAndRestoresTheCallersContext() {
    AtomicReference<String> seen = new AtomicReference<>();

    try (Scope ignored = request("outer").makeCurrent()) {
      request("inner").wrap(() -> seen.set(request())).run();
      assertThat(request()).isEqualTo("outer");
    }

    assertThat(seen).hasValue("inner");
  }

  // ---- taskWrapping(Executor) --------------------------------------------------------------

  @Test
  void wrappingExecutor_runsTasksInTheSubmittersContext_capturedAtSubmission() throws Exception {
    ExecutorService pool = track(Executors.newSingleThreadExecutor());
    Executor plain = pool::execute; // only an Executor, so the Executor overload is chosen
    Executor wrapping = Context.taskWrapping(plain); // created outside any scope
    CountDownLatch done = new CountDownLatch(2);
    List<String> seen = new CopyOnWriteArrayList<>();

    try (Scope ignored = request("r-4").makeCurrent()) {
      wrapping.execute(() -> {
        seen.add("in scope: " + request());
        done.countDown();
      });
    }
    wrapping.execute(() -> {
      seen.add("outside: " + request());
      done.countDown();
    });

    assertThat(done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(seen).containsExactly("in scope: r-4", "outside: null");
  }

  @Test
  void taskWrapping_aNullExecutor_isRefused() {
    assertThatThrownBy(() -> Context.taskWrapping((Executor) null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Context.taskWrapping((ExecutorService) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Context.taskWrapping((ScheduledExecutorService) null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- taskWrapping(ExecutorService) -------------------------------------------------------

  @Test
  void wrappingExecutorService_submit_runsInTheSubmittersContext() throws Exception {
    ExecutorService wrapping = Context.taskWrapping(track(Executors.newFixedThreadPool(2)));
    AtomicReference<String> fromRunnable = new AtomicReference<>();
    AtomicReference<String> fromRunnableWithResult = new AtomicReference<>();
    CountDownLatch executed = new CountDownLatch(1);
    AtomicReference<String> fromExecute = new AtomicReference<>();

    Future<String> callable;
    Future<?> runnable;
    Future<String> runnableWithResult;
    try (Scope ignored = request("r-5").makeCurrent()) {
      callable = wrapping.submit(READ_REQUEST);
      runnable = wrapping.submit(() -> fromRunnable.set(request()));
      runnableWithResult = wrapping.submit(() -> fromRunnableWithResult.set(request()), "result");
      wrapping.execute(() -> {
        fromExecute.set(request());
        executed.countDown();
      });
    }

    assertThat(callable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("r-5");
    runnable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(fromRunnable).hasValue("r-5");
    assertThat(runnableWithResult.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("result");
    assertThat(fromRunnableWithResult).hasValue("r-5");
    assertThat(executed.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(fromExecute).hasValue("r-5");
  }

  @Test
  void wrappingExecutorService_invokeAll_runsEveryTaskInTheSubmittersContext() throws Exception {
    ExecutorService wrapping = Context.taskWrapping(track(Executors.newFixedThreadPool(3)));
    List<Callable<String>> tasks = List.of(READ_REQUEST, READ_REQUEST, READ_REQUEST);

    List<Future<String>> untimed;
    List<Future<String>> timed;
    try (Scope ignored = request("r-6").makeCurrent()) {
      untimed = wrapping.invokeAll(tasks);
      timed = wrapping.invokeAll(tasks, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    for (Future<String> future : untimed) {
      assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("r-6");
    }
    for (Future<String> future : timed) {
      assertThat(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("r-6");
    }
    assertThat(untimed).hasSize(3);
    assertThat(timed).hasSize(3);
  }

  @Test
  void wrappingExecutorService_invokeAny_runsInTheSubmittersContext() throws Exception {
    ExecutorService wrapping = Context.taskWrapping(track(Executors.newFixedThreadPool(2)));
    List<Callable<String>> tasks = List.of(READ_REQUEST, READ_REQUEST);

    String untimed;
    String timed;
    try (Scope ignored = request("r-7").makeCurrent()) {
      untimed = wrapping.invokeAny(tasks);
      timed = wrapping.invokeAny(tasks, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    assertThat(untimed).isEqualTo("r-7");
    assertThat(timed).isEqualTo("r-7");
  }

  @Test
  void wrappingExecutorService_passesLifecycleCallsThrough() throws Exception {
    ExecutorService delegate = track(Executors.newSingleThreadExecutor());
    ExecutorService wrapping = Context.taskWrapping(delegate);

    assertThat(wrapping.isShutdown()).isFalse();
    wrapping.shutdown();

    assertThat(delegate.isShutdown()).isTrue();
    assertThat(wrapping.isShutdown()).isTrue();
    assertThat(wrapping.awaitTermination(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(wrapping.isTerminated()).isTrue();
    assertThat(wrapping.shutdownNow()).isEmpty();
  }

  // ---- taskWrapping(ScheduledExecutorService) ----------------------------------------------

  @Test
  void wrappingScheduledExecutor_schedule_runsInTheSchedulersContext() throws Exception {
    ScheduledExecutorService wrapping =
        Context.taskWrapping(track(Executors.newSingleThreadScheduledExecutor()));
    AtomicReference<String> fromRunnable = new AtomicReference<>();

    ScheduledFuture<String> callable;
    ScheduledFuture<?> runnable;
    try (Scope ignored = request("r-8").makeCurrent()) {
      callable = wrapping.schedule(READ_REQUEST, 5, TimeUnit.MILLISECONDS);
      runnable = wrapping.schedule(() -> fromRunnable.set(request()), 5, TimeUnit.MILLISECONDS);
    }

    assertThat(callable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("r-8");
    runnable.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    assertThat(fromRunnable).hasValue("r-8");
  }

  @Test
  void wrappingScheduledExecutor_periodicTasks_runEveryTimeInTheSchedulersContext() throws Exception {
    ScheduledExecutorService wrapping =
        Context.taskWrapping(track(Executors.newSingleThreadScheduledExecutor()));
    CountDownLatch fixedRate = new CountDownLatch(3);
    CountDownLatch fixedDelay = new CountDownLatch(3);
    List<String> seen = new CopyOnWriteArrayList<>();

    ScheduledFuture<?> rate;
    ScheduledFuture<?> delay;
    try (Scope ignored = request("r-9").makeCurrent()) {
      rate = wrapping.scheduleAtFixedRate(() -> {
        seen.add(request());
        fixedRate.countDown();
      }, 0, 1, TimeUnit.MILLISECONDS);
      delay = wrapping.scheduleWithFixedDelay(() -> {
        seen.add(request());
        fixedDelay.countDown();
      }, 0, 1, TimeUnit.MILLISECONDS);
    }

    try {
      assertThat(fixedRate.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      assertThat(fixedDelay.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    } finally {
      rate.cancel(false);
      delay.cancel(false);
    }
    assertThat(seen).hasSizeGreaterThanOrEqualTo(6).containsOnly("r-9");
  }

  // ---- CompletableFuture chains ------------------------------------------------------------

  @Test
  void completableFutureChain_onAWrappingExecutor_seesTheContextInEveryStage() throws Exception {
    Executor wrapping = Context.taskWrapping(track(Executors.newFixedThreadPool(2)));
    CountDownLatch release = new CountDownLatch(1);

    CompletableFuture<List<String>> chain;
    try (Scope ignored = request("r-10").makeCurrent()) {
      chain = CompletableFuture
          .supplyAsync(() -> {
            awaitQuietly(release);
            List<String> stages = new ArrayList<>();
            stages.add("supply " + request());
            return stages;
          }, wrapping)
          .thenApplyAsync(stages -> {
            stages.add("apply " + request());
            return stages;
          }, wrapping)
          .thenApplyAsync(stages -> {
            stages.add("apply again " + request());
            return stages;
          }, wrapping);
    }
    // The submitter has left its scope: later stages are handed to the executor by the worker
    // that completes the earlier one, which still runs inside the captured context.
    release.countDown();

    assertThat(chain.get(TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .containsExactly("supply r-10", "apply r-10", "apply again r-10");
  }

  @Test
  void completableFutureStages_addedAfterCompletion_captureTheCallersContext() throws Exception {
    Executor wrapping = Context.taskWrapping(track(Executors.newFixedThreadPool(2)));
    CompletableFuture<String> done = CompletableFuture.completedFuture("x");

    CompletableFuture<String> stage;
    try (Scope ignored = request("r-11").makeCurrent()) {
      stage = done.thenApplyAsync(x -> x + " " + request(), wrapping);
    }

    assertThat(stage.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo("x r-11");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test latch was never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
