package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskScopeTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void joinAllReturnsTheResultsInForkOrderWhateverOrderTheyFinishIn() {
        var secondDone = new CountDownLatch(1);
        try (var scope = TaskScope.<String>open("order", LONG)) {
            scope.fork(() -> {
                secondDone.await();
                return "first";
            });
            scope.fork(() -> {
                secondDone.countDown();
                return "second";
            });
            assertThat(scope.joinAll()).containsExactly("first", "second");
        }
    }

    @Test
    void eachTaskRunsOnItsOwnVirtualThreadNamedAfterTheScopeAndTheTask() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        try (var scope = TaskScope.<String>open("names", LONG)) {
            for (String n : List.of("a", "b", "c"))
                scope.fork(n, () -> {
                    threads.add(Thread.currentThread());
                    return Thread.currentThread().getName();
                });
            assertThat(scope.joinAll()).containsExactly("names/a", "names/b", "names/c");
        }
        assertThat(threads).hasSize(3).allMatch(Thread::isVirtual);
    }

    @Test
    void aTaskHandleJoinsToItsOwnResult() {
        try (var scope = TaskScope.open("handles", LONG)) {
            var number = scope.fork("number", () -> 42);
            var text = scope.fork("text", () -> "forty-two");
            assertThat(number.join()).isEqualTo(42);
            assertThat(text.join()).isEqualTo("forty-two");
            assertThat(number.name()).isEqualTo("number");
            assertThat(number.isDone()).isTrue();
        }
    }

    @Test
    void aFailureInterruptsTheSiblingsAndIsThrownFromJoinAllAsIs() throws Exception {
        var interrupted = new CountDownLatch(1);
        var boom = new IllegalStateException("boom");
        try (var scope = TaskScope.<String>open("fail", LONG)) {
            scope.fork("slow", () -> Blocking.untilInterrupted(interrupted));
            scope.fork("broken", () -> {
                throw boom;
            });
            assertThatThrownBy(scope::joinAll).isSameAs(boom);
            assertThat(interrupted.await(10, TimeUnit.SECONDS))
                    .as("sibling interrupted")
                    .isTrue();
        }
    }

    @Test
    void aSiblingCancelledByAFailureSaysWhichTaskFailed() {
        var boom = new IllegalStateException("boom");
        try (var scope = TaskScope.<String>open("fail", LONG)) {
            var slow = scope.fork("slow", () -> Blocking.untilInterrupted(new CountDownLatch(1)));
            scope.fork("broken", () -> {
                throw boom;
            });
            assertThatThrownBy(slow::join)
                    .isInstanceOf(CancellationException.class)
                    .hasMessage("task 'slow' of scope 'fail' was cancelled: task 'broken' failed")
                    .hasCause(boom);
        }
    }

    @Test
    void aCheckedExceptionIsWrappedInTaskFailedExceptionNamingTheTask() {
        var io = new IOException("disk gone");
        try (var scope = TaskScope.<String>open("files", LONG)) {
            scope.fork("read", () -> {
                throw io;
            });
            assertThatThrownBy(scope::joinAll)
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessage("task 'read' of scope 'files' failed: java.io.IOException: disk gone")
                    .hasCause(io);
        }
    }

    @Test
    void anErrorIsRethrownAsIs() {
        var error = new AssertionError("bad");
        try (var scope = TaskScope.<String>open("errors", LONG)) {
            scope.fork(() -> {
                throw error;
            });
            assertThatThrownBy(scope::joinAll).isSameAs(error);
        }
    }

    @Test
    void theDeadlineCancelsEveryTaskAndTheExceptionNamesTheScopeAndWhatWasRunning() throws Exception {
        var interrupted = new CountDownLatch(1);
        try (var scope = TaskScope.<String>open("slow", Duration.ofMillis(100))) {
            var quick = scope.fork("quick", () -> "done");
            scope.fork("stuck", () -> Blocking.untilInterrupted(interrupted));
            assertThat(quick.join()).isEqualTo("done");
            assertThatThrownBy(scope::joinAll)
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessage("scope 'slow' (still running: 'stuck') did not finish within 100ms");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aTaskJoinAtTheDeadlineThrowsDeadlineExceeded() {
        try (var scope = TaskScope.<String>open("slow", Duration.ofMillis(50))) {
            var stuck = scope.fork(() -> Blocking.untilInterrupted(new CountDownLatch(1)));
            assertThatThrownBy(stuck::join)
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("scope 'slow' (still running: #1)");
        }
    }

    @Test
    void closeInterruptsAndWaitsForEveryTaskSoNoThreadOutlivesTheScope() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        var started = new CountDownLatch(3);
        var cleanedUp = new CountDownLatch(3);
        var scope = TaskScope.<String>open("owner", LONG);
        for (int i = 0; i < 3; i++)
            scope.fork(() -> {
                threads.add(Thread.currentThread());
                started.countDown();
                try {
                    return Blocking.untilInterrupted(new CountDownLatch(1));
                } finally {
                    long spin = System.nanoTime();
                    while (System.nanoTime() - spin < 20_000_000) Thread.onSpinWait(); // slow clean-up
                    cleanedUp.countDown();
                }
            });
        try {
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            scope.close();
        }
        assertThat(cleanedUp.getCount()).as("clean-ups still to run").isZero();
        assertThat(threads).hasSize(3).noneMatch(Thread::isAlive);
    }

    @Test
    void cancellingATaskInterruptsItAndItsJoinThrowsCancellationNamingIt() throws Exception {
        var interrupted = new CountDownLatch(1);
        try (var scope = TaskScope.<String>open("cancel", LONG)) {
            var task = scope.fork("victim", () -> Blocking.untilInterrupted(interrupted));
            task.cancel();
            assertThatThrownBy(task::join)
                    .isInstanceOf(CancellationException.class)
                    .hasMessage("task 'victim' of scope 'cancel' was cancelled: it was cancelled");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void interruptingTheJoiningThreadCancelsTheScope() throws Exception {
        var interrupted = new CountDownLatch(1);
        var thrown = new AtomicReference<Throwable>();
        var forked = new CountDownLatch(1);
        Thread joiner = Thread.ofVirtual().start(() -> {
            try (var scope = TaskScope.<String>open("outer", LONG)) {
                scope.fork(() -> Blocking.untilInterrupted(interrupted));
                forked.countDown();
                scope.joinAll();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        assertThat(forked.await(10, TimeUnit.SECONDS)).isTrue();
        joiner.interrupt();
        joiner.join();
        assertThat(thrown.get())
                .isInstanceOf(CancellationException.class)
                .hasMessage("scope 'outer' was cancelled: the joining thread was interrupted");
        assertThat(interrupted.getCount()).as("task interrupted").isZero();
    }

    @Test
    void cancellingAnOuterTaskReachesTheTasksOfAScopeInsideIt() throws Exception {
        var innerInterrupted = new CountDownLatch(1);
        var innerForked = new CountDownLatch(1);
        try (var outer = TaskScope.<String>open("outer", LONG)) {
            var task = outer.fork("outer-task", () -> {
                try (var inner = TaskScope.<String>open("inner", LONG)) {
                    inner.fork(() -> Blocking.untilInterrupted(innerInterrupted));
                    innerForked.countDown();
                    return inner.joinAll().getFirst();
                }
            });
            assertThat(innerForked.await(10, TimeUnit.SECONDS)).isTrue();
            task.cancel();
            assertThat(innerInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void joinFirstOfARaceReturnsTheFirstSuccessAndInterruptsTheRest() throws Exception {
        var interrupted = new CountDownLatch(1);
        try (var scope = TaskScope.<String>race("hedge", LONG)) {
            scope.fork("slow", () -> Blocking.untilInterrupted(interrupted));
            scope.fork("fast", () -> "fast");
            assertThat(scope.joinFirst()).isEqualTo("fast");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRaceOutlivesAFailureWhileAnotherTaskMaySucceed() {
        var failed = new CountDownLatch(1);
        try (var scope = TaskScope.<String>race("hedge", LONG)) {
            scope.fork("broken", () -> {
                failed.countDown();
                throw new IllegalStateException("replica down");
            });
            scope.fork("healthy", () -> {
                failed.await();
                return "healthy";
            });
            assertThat(scope.joinFirst()).isEqualTo("healthy");
        }
    }

    @Test
    void aRaceWhoseTasksAllFailThrowsTheFirstFailureWithTheOthersSuppressed() {
        var a = new IllegalStateException("a");
        var b = new IllegalStateException("b");
        try (var scope = TaskScope.<String>race("hedge", LONG)) {
            scope.fork(() -> {
                throw a;
            });
            scope.fork(() -> {
                throw b;
            });
            assertThatThrownBy(scope::joinFirst).satisfies(t -> {
                assertThat(t).isIn(a, b);
                assertThat(t.getSuppressed()).containsExactly(t == a ? b : a);
            });
        }
    }

    @Test
    void joinAllOfARaceIsRefused() {
        try (var scope = TaskScope.<String>race("hedge", LONG)) {
            assertThatThrownBy(scope::joinAll)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("joinFirst()");
        }
    }

    @Test
    void forkingIntoAClosedScopeIsRefused() {
        var scope = TaskScope.<String>open("done", LONG);
        scope.close();
        assertThatThrownBy(() -> scope.fork(() -> "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("scope 'done' is closed: fork before closing it");
    }

    @Test
    void aDeadlineMustBePositive() {
        assertThatThrownBy(() -> TaskScope.open("zero", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }
}
