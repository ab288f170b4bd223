package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TasksTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void allReturnsTheResultsInTheOrderGiven() {
        var lastDone = new CountDownLatch(1);
        List<String> results = Tasks.all(
                LONG,
                () -> {
                    lastDone.await();
                    return "a";
                },
                () -> "b",
                () -> {
                    lastDone.countDown();
                    return "c";
                });
        assertThat(results).containsExactly("a", "b", "c");
    }

    @Test
    void allOfAListReturnsTheResultsInTheListsOrder() {
        List<Integer> results = Tasks.all(List.of(() -> 1, () -> 2, () -> 3), LONG);
        assertThat(results).containsExactly(1, 2, 3);
    }

    @Test
    void allThrowsTheFirstFailureAsIsAndInterruptsTheOthers() throws Exception {
        var interrupted = new CountDownLatch(1);
        var boom = new IllegalArgumentException("boom");
        assertThatThrownBy(() -> Tasks.all(LONG, () -> Blocking.untilInterrupted(interrupted), () -> {
                    throw boom;
                }))
                .isSameAs(boom);
        assertThat(interrupted.getCount())
                .as("the other task was interrupted and ended")
                .isZero();
    }

    @Test
    void allAtItsDeadlineThrowsDeadlineExceededAfterTheTasksEnded() {
        var interrupted = new CountDownLatch(1);
        assertThatThrownBy(() ->
                        Tasks.all(Duration.ofMillis(50), () -> "quick", () -> Blocking.untilInterrupted(interrupted)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageStartingWith("scope 'Tasks.all' (still running: ")
                .hasMessageContaining("#2")
                .hasMessageEndingWith(") did not finish within 50ms");
        assertThat(interrupted.getCount()).isZero();
    }

    @Test
    void firstReturnsTheFirstSuccessAndInterruptsTheOthers() {
        var interrupted = new CountDownLatch(1);
        String winner = Tasks.first(LONG, () -> Blocking.untilInterrupted(interrupted), () -> "fast");
        assertThat(winner).isEqualTo("fast");
        assertThat(interrupted.getCount()).isZero();
    }

    @Test
    void firstSkipsAFailureWhenAnotherTaskSucceeds() {
        var failed = new CountDownLatch(1);
        String winner = Tasks.first(
                LONG,
                () -> {
                    failed.countDown();
                    throw new IOException("replica down");
                },
                () -> {
                    failed.await();
                    return "replica 2";
                });
        assertThat(winner).isEqualTo("replica 2");
    }

    @Test
    void firstOfNoTaskIsRefused() {
        assertThatThrownBy(() -> Tasks.first(List.of(), LONG)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withDeadlineReturnsTheTasksResult() {
        assertThat(Tasks.withDeadline(LONG, () -> "ok")).isEqualTo("ok");
    }

    @Test
    void withDeadlineInterruptsTheTaskAtTheDeadlineAndReturnsOnceItEnded() {
        var interrupted = new CountDownLatch(1);
        assertThatThrownBy(
                        () -> Tasks.withDeadline(Duration.ofMillis(50), () -> Blocking.untilInterrupted(interrupted)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessageContaining("within 50ms")
                .satisfies(e ->
                        assertThat(((DeadlineExceededException) e).deadline()).isEqualTo(Duration.ofMillis(50)));
        assertThat(interrupted.getCount()).isZero();
    }

    @Test
    void withDeadlineWrapsACheckedExceptionAndNamesTheTask() {
        var io = new IOException("gone");
        assertThatThrownBy(() -> Tasks.withDeadline(LONG, () -> {
                    throw io;
                }))
                .isInstanceOf(TaskFailedException.class)
                .hasCause(io)
                .hasMessageStartingWith("task #1 of scope 'Tasks.withDeadline' failed");
    }

    @Test
    void allOfCompletesWithTheResultsInTheOrderGiven() throws Exception {
        var a = new CompletableFuture<String>();
        var b = new CompletableFuture<String>();
        CompletableFuture<List<String>> all = Tasks.allOf(List.of(a, b));
        b.complete("b");
        assertThat(all).isNotDone();
        a.complete("a");
        assertThat(all.get(10, TimeUnit.SECONDS)).containsExactly("a", "b");
    }

    @Test
    void allOfFailsWithTheFirstFailureUnwrappedAndCancelsTheOthers() {
        var slow = new CompletableFuture<String>();
        var boom = new IllegalStateException("boom");
        CompletableFuture<List<String>> all = Tasks.allOf(List.of(slow, CompletableFuture.<String>supplyAsync(() -> {
            throw boom;
        })));
        assertThatThrownBy(() -> all.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCause(boom);
        assertThat(slow).isCancelled();
    }

    @Test
    void cancellingAllOfCancelsEveryStage() {
        var a = new CompletableFuture<String>();
        var b = new CompletableFuture<String>();
        Tasks.allOf(List.of(a, b)).cancel(true);
        assertThat(a).isCancelled();
        assertThat(b).isCancelled();
    }

    @Test
    void aStageWithADeadlinePassesItsResultThrough() throws Exception {
        var stage = new CompletableFuture<String>();
        var bounded = Tasks.withDeadline(stage, LONG);
        stage.complete("ok");
        assertThat(bounded.get(10, TimeUnit.SECONDS)).isEqualTo("ok");
    }

    @Test
    void aStageAtItsDeadlineFailsWithDeadlineExceededAndIsCancelled() {
        var stage = new CompletableFuture<String>();
        var bounded = Tasks.withDeadline(stage, Duration.ofMillis(50));
        assertThatThrownBy(() -> bounded.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessage("the stage did not finish within 50ms");
        assertThat(stage).isCancelled();
    }

    @Test
    void aStageWithADeadlineFailsWithTheStagesOwnException() {
        var boom = new IllegalStateException("boom");
        var bounded = Tasks.withDeadline(CompletableFuture.<String>failedFuture(boom), LONG);
        assertThatThrownBy(bounded::join).hasCause(boom);
    }

    @Test
    void cancellingTheBoundedFutureCancelsTheStage() {
        var stage = new CompletableFuture<String>();
        Tasks.withDeadline(stage, LONG).cancel(true);
        assertThat(stage).isCancelled();
        assertThatThrownBy(stage::join).isInstanceOf(CancellationException.class);
    }
}
