package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
}
