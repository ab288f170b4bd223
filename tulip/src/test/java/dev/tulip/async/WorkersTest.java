package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import io.netty.channel.DefaultEventLoop;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void blockingTasksRunOnNamedVirtualThreads() {
        try (var workers = Workers.create()) {
            Thread t = workers.blocking().call(Thread::currentThread, WAIT);

            assertThat(t.isVirtual()).isTrue();
            assertThat(t.getName()).startsWith("tulip-blocking-");
        }
    }

    @Test
    void cpuTasksRunOnNamedDaemonPlatformThreads() {
        try (var workers = Workers.create(s -> s.name("app"))) {
            Thread t = workers.cpu().call(Thread::currentThread, WAIT);

            assertThat(t.isVirtual()).isFalse();
            assertThat(t.isDaemon()).isTrue();
            assertThat(t.getName()).startsWith("app-cpu-");
        }
    }

    @Test
    void submitCompletesWithTheTasksValue() throws Exception {
        try (var workers = Workers.create()) {
            assertThat(workers.cpu().submit(() -> 6 * 7).get(30, TimeUnit.SECONDS))
                    .isEqualTo(42);
        }
    }

    @Test
    void aPoolIsAnExecutorForCompletableFutures() throws Exception {
        try (var workers = Workers.create()) {
            assertThat(CompletableFuture.supplyAsync(() -> "ok", workers.blocking())
                            .get(30, TimeUnit.SECONDS))
                    .isEqualTo("ok");
        }
    }

    @Test
    void callRethrowsAnUncheckedFailureAsIsAndWrapsACheckedOne() {
        try (var workers = Workers.create()) {
            assertThatThrownBy(() -> workers.blocking()
                            .call(
                                    () -> {
                                        throw new IllegalArgumentException("bad");
                                    },
                                    WAIT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("bad");
            assertThatThrownBy(() -> workers.blocking()
                            .call(
                                    () -> {
                                        throw new IOException("disk");
                                    },
                                    WAIT))
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(IOException.class);
        }
    }

    @Test
    void aCallThatRunsOutOfTimeInterruptsTheTaskAndThrowsDeadlineExceeded() throws Exception {
        var interrupted = new CountDownLatch(1);
        try (var workers = Workers.create()) {
            assertThatThrownBy(() -> workers.blocking()
                            .call(
                                    () -> {
                                        try {
                                            new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                                        } catch (InterruptedException e) {
                                            interrupted.countDown();
                                        }
                                        return null;
                                    },
                                    Duration.ofMillis(50)))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessage("a blocking task did not finish within 50ms");

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void callIsFineOnAVirtualThread() throws Exception {
        try (var workers = Workers.create()) {
            var result = new CompletableFuture<Integer>();
            Thread.ofVirtual().start(() -> result.complete(workers.cpu().call(() -> 1, WAIT)));

            assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void callOnAnEventLoopIsRefusedButSubmitIsNot() throws Exception {
        var loop = new DefaultEventLoop();
        try (var workers = Workers.create()) {
            var refused = loop.submit(() -> {
                        try {
                            workers.blocking().call(() -> 1, WAIT);
                            return null;
                        } catch (IllegalStateException e) {
                            return e;
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertThat(refused)
                    .hasMessageContaining("Workers.blocking().call would block the event loop")
                    .hasMessageContaining("use submit");

            var submitted =
                    loop.submit(() -> workers.blocking().submit(() -> 2)).get(30, TimeUnit.SECONDS);
            assertThat(submitted.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theCpuPoolRunsNoMoreTasksAtOnceThanItHasThreads() throws Exception {
        var release = new CountDownLatch(1);
        var twoRunning = new CountDownLatch(2);
        var running = new AtomicInteger();
        var most = new AtomicInteger();
        try (var workers = Workers.create(s -> s.cpuThreads(2))) {
            var tasks = new ArrayList<CompletableFuture<Boolean>>();
            for (int i = 0; i < 4; i++) {
                tasks.add(workers.cpu().submit(() -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    twoRunning.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } finally {
                        running.decrementAndGet();
                    }
                }));
            }
            assertThat(twoRunning.await(10, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (var t : tasks) assertThat(t.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(most).hasValue(2);
    }

    @Test
    void aFullCpuPoolRefusesMoreWorkAtOnceWithAClearMessage() throws Exception {
        var release = new CountDownLatch(1);
        try (var workers = Workers.create(s -> s.cpuThreads(1).cpuQueue(1))) {
            var running = new CountDownLatch(1);
            var first = workers.cpu().submit(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            var queued = workers.cpu().submit(() -> "queued");

            var refused = workers.cpu().submit(() -> "refused");

            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS))
                    .cause()
                    .isInstanceOf(RejectedExecutionException.class)
                    .hasMessageContaining("Workers.cpu() is full: 1 threads busy and 1 tasks queued");
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(queued.get(30, TimeUnit.SECONDS)).isEqualTo("queued");
        }
    }

    @Test
    void cancellingAQueuedCpuTaskFreesItsPlaceInTheQueue() throws Exception {
        var release = new CountDownLatch(1);
        try (var workers = Workers.create(s -> s.cpuThreads(1).cpuQueue(1))) {
            var running = new CountDownLatch(1);
            workers.cpu().submit(() -> {
                running.countDown();
                return release.await(30, TimeUnit.SECONDS);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            var queued = workers.cpu().submit(() -> "never");

            assertThat(queued.cancel(true)).isTrue();
            var next = workers.cpu().submit(() -> "next");

            release.countDown();
            assertThat(next.get(30, TimeUnit.SECONDS)).isEqualTo("next");
        }
    }

    @Test
    void cancellingARunningTaskInterruptsIt() throws Exception {
        var running = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        try (var workers = Workers.create()) {
            var task = workers.cpu().submit(() -> {
                running.countDown();
                try {
                    new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
                return null;
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

            task.cancel(true);

            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void closeCancelsQueuedTasksAndEndsTheThreads() throws Exception {
        var workers = Workers.create(s -> s.cpuThreads(1).name("closing"));
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var first = workers.cpu().submit(() -> {
            running.countDown();
            release.await(30, TimeUnit.SECONDS);
            return Thread.currentThread();
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        var queued = workers.cpu().submit(() -> "never");

        var closing = CompletableFuture.runAsync(workers::close);
        assertThat(queued.handle((value, failure) -> failure).get(10, TimeUnit.SECONDS))
                .isInstanceOf(CancellationException.class)
                .hasMessageContaining("Workers closed before this cpu task ran");
        release.countDown();
        closing.get(30, TimeUnit.SECONDS);

        Thread cpuThread = first.get(10, TimeUnit.SECONDS);
        cpuThread.join(Duration.ofSeconds(10));
        assertThat(cpuThread.isAlive()).isFalse();
    }

    @Test
    void closeInterruptsWhatStillRunsAfterTheCloseTimeout() throws Exception {
        var workers = Workers.create(s -> s.closeTimeout(Duration.ofMillis(50)));
        var running = new CountDownLatch(1);
        var task = workers.blocking().submit(() -> {
            running.countDown();
            return new CountDownLatch(1).await(30, TimeUnit.SECONDS);
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        workers.close();

        assertThatThrownBy(() -> task.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedException.class);
    }

    @Test
    void workAfterCloseIsRefusedSayingTheWorkersAreClosed() {
        var workers = Workers.create();
        workers.close();

        assertThatThrownBy(() -> workers.blocking().submit(() -> 1).get(10, TimeUnit.SECONDS))
                .cause()
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("Workers are closed");
        assertThatThrownBy(() -> workers.cpu().execute(() -> {}))
                .isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("Workers are closed");
    }

    @Test
    void installedWorkersCloseWhenTheAppStops() {
        var workers = Workers.create();
        var app = Tulip.create(cfg -> cfg.port(0)).install(workers);
        app.start();
        assertThat(workers.blocking().call(() -> "up", WAIT)).isEqualTo("up");

        app.stop();

        assertThat(workers.cpu().submit(() -> 1)).isCompletedExceptionally();
    }

    @Test
    void oneWorkersValueInstallsIntoOneApp() {
        try (var workers = Workers.create()) {
            Tulip.create().install(workers);

            assertThatThrownBy(() -> Tulip.create().install(workers)).hasMessageContaining("another app");
        }
    }

    @Test
    void settingsRefuseAnEmptyPool() {
        assertThatThrownBy(() -> Workers.create(s -> s.cpuThreads(0)))
                .hasMessageContaining("cpuThreads must be at least 1");
        assertThatThrownBy(() -> Workers.create(s -> s.cpuQueue(0)))
                .hasMessageContaining("cpuQueue must be at least 1");
    }
}
