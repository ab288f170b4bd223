package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BridgeTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void awaitReturnsTheValueOfTheStage() {
        assertThat(Bridge.await(CompletableFuture.supplyAsync(() -> "done"), WAIT))
                .isEqualTo("done");
    }

    @Test
    void awaitThatRunsOutOfTimeCancelsTheStageAndThrowsDeadlineExceeded() {
        var never = new CompletableFuture<String>();

        assertThatThrownBy(() -> Bridge.await(never, Duration.ofMillis(20)))
                .isInstanceOf(DeadlineExceededException.class)
                .hasMessage("the awaited stage did not finish within 20ms");
        assertThat(never).isCancelled();
    }

    @Test
    void awaitRethrowsAnUncheckedFailureAsIsAndWrapsACheckedOne() {
        assertThatThrownBy(() -> Bridge.await(CompletableFuture.failedFuture(new IllegalStateException("x")), WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("x");
        assertThatThrownBy(() -> Bridge.await(CompletableFuture.failedFuture(new IOException("y")), WAIT))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void anInterruptedAwaitCancelsTheStageAndKeepsTheInterrupt() throws Exception {
        var never = new CompletableFuture<String>();
        var outcome = new CompletableFuture<Boolean>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                Bridge.await(never, WAIT);
            } catch (CompletionException e) {
                outcome.complete(Thread.currentThread().isInterrupted());
            }
        });
        t.interrupt();

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(never).isCancelled();
    }

    @Test
    void awaitOnAnEventLoopIsRefused() throws Exception {
        var loop = new DefaultEventLoop();
        try {
            var refused = loop.submit(() -> {
                        try {
                            Bridge.await(CompletableFuture.completedFuture(1), WAIT);
                            return null;
                        } catch (IllegalStateException e) {
                            return e;
                        }
                    })
                    .get(10, TimeUnit.SECONDS);

            assertThat(refused).hasMessageContaining("Bridge.await would block the event loop");
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void submitRunsTheTaskOnTheBridgesOwnThread() throws Exception {
        try (var bridge = Bridge.start()) {
            Thread t = bridge.submit(Thread::currentThread).get(10, TimeUnit.SECONDS);

            assertThat(t).isNotSameAs(Thread.currentThread());
            assertThat(t.getName()).isEqualTo("tulip-bridge");
            assertThat(t.isDaemon()).isTrue();
        }
    }

    @Test
    void submitAsyncCompletesAsTheStageTheTaskStarted() throws Exception {
        var later = new CompletableFuture<String>();
        try (var bridge = Bridge.start()) {
            var result = bridge.submitAsync(() -> later.thenApply(String::toUpperCase));
            assertThat(result).isNotDone();

            later.complete("done");

            assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("DONE");
        }
    }

    @Test
    void submitAsyncPassesTheStagesFailureOnUnwrapped() {
        try (var bridge = Bridge.start()) {
            var result = bridge.submitAsync(() -> CompletableFuture.<String>failedFuture(new IOException("gone"))
                    .thenApply(s -> s));

            assertThatThrownBy(() -> result.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(IOException.class);
        }
    }

    @Test
    void callReturnsTheTasksValueAndCallAsyncTheStages() {
        try (var bridge = Bridge.start()) {
            assertThat(bridge.call(() -> 1 + 1, WAIT)).isEqualTo(2);
            assertThat(bridge.callAsync(() -> CompletableFuture.supplyAsync(() -> 3), WAIT))
                    .isEqualTo(3);
        }
    }

    @Test
    void aCallAsyncThatRunsOutOfTimeCancelsTheStageAndThrowsDeadlineExceeded() throws Exception {
        var never = new CompletableFuture<String>();
        try (var bridge = Bridge.start()) {
            assertThatThrownBy(() -> bridge.callAsync(() -> never, Duration.ofMillis(20)))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessage("a bridge task did not finish within 20ms");

            assertThat(never).isCancelled();
        }
    }

    @Test
    void blockingOnTheBridgesThreadIsRefused() {
        try (var bridge = Bridge.start()) {
            assertThatThrownBy(() -> bridge.call(() -> Bridge.await(new CompletableFuture<>(), WAIT), WAIT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Bridge.await would block the event loop tulip-bridge");
        }
    }

    @Test
    void closeFailsPendingWorkWithAClearExceptionAndCancelsItsStage() throws Exception {
        var never = new CompletableFuture<String>();
        var bridge = Bridge.start();
        var pending = bridge.submitAsync(() -> never);
        bridge.call(() -> null, WAIT); // the stage has started

        bridge.close();

        assertThat(pending.handle((v, failure) -> failure).get(10, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class)
                .hasMessage("the bridge was closed before this task finished");
        assertThat(never).isCancelled();
    }

    @Test
    void closeEndsTheThreadAndLeavesNoneBehind() throws Exception {
        var bridge = Bridge.start("bridge-close-test");
        Thread t = bridge.call(Thread::currentThread, WAIT);

        bridge.close();

        assertThat(t.isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("bridge-close-test"));
    }

    @Test
    void aTaskMayCloseItsOwnBridge() throws Exception {
        var bridge = Bridge.start("bridge-self-close");
        Thread t = bridge.call(Thread::currentThread, WAIT);

        bridge.submit(() -> {
                    bridge.close();
                    return null;
                })
                .handle((v, failure) -> failure)
                .get(10, TimeUnit.SECONDS); // the closing task was pending too, so it is cancelled

        t.join(Duration.ofSeconds(10));
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void workAfterCloseIsRefused() {
        var bridge = Bridge.start();
        bridge.close();

        assertThatThrownBy(() -> bridge.submit(() -> 1).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessage("the bridge is closed");
        assertThatThrownBy(() -> bridge.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aBridgeIsAnExecutorForCompletableFutures() {
        try (var bridge = Bridge.start()) {
            var name =
                    CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), bridge);

            assertThat(Bridge.await(name, WAIT)).isEqualTo("tulip-bridge");
        }
    }
}
