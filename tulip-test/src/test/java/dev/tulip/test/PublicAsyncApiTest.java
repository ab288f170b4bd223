package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.async.AsyncQueue;
import dev.tulip.async.Background;
import dev.tulip.async.Bridge;
import dev.tulip.async.DeadlineExceededException;
import dev.tulip.async.Memo;
import dev.tulip.async.QueueClosedException;
import dev.tulip.async.TaskFailedException;
import dev.tulip.async.TaskScope;
import dev.tulip.async.Tasks;
import dev.tulip.async.Watchdog;
import dev.tulip.async.Workers;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public API of {@code dev.tulip.async} and the test tools built on it, used as an app would
 * use them and compiled against the core's module descriptor (like {@link PublicApiTest}).
 */
@ExtendWith(TulipAppsExtension.class)
class PublicAsyncApiTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void theAsyncApiCompilesAndRuns(TulipApps apps) throws Exception {
        assertThat(Tasks.all(SECOND, () -> 1, () -> 2)).containsExactly(1, 2);
        List<java.util.concurrent.Callable<String>> one = List.of(() -> "a");
        assertThat(Tasks.all(one, SECOND)).containsExactly("a");
        assertThat(Tasks.<String>first(SECOND, () -> "x")).isEqualTo("x");
        List<java.util.concurrent.Callable<String>> other = List.of(() -> "y");
        assertThat(Tasks.first(other, SECOND)).isEqualTo("y");
        assertThat(Tasks.withDeadline(SECOND, () -> "z")).isEqualTo("z");
        assertThat(Tasks.allOf(List.of(CompletableFuture.completedFuture(3))).get())
                .containsExactly(3);
        assertThat(Tasks.withDeadline(CompletableFuture.completedFuture(4), SECOND)
                        .get())
                .isEqualTo(4);
        try (TaskScope<Object> scope = TaskScope.open("profile", SECOND)) {
            TaskScope.Task<String> user = scope.fork("user", () -> "ada");
            TaskScope.Task<Integer> orders = scope.fork(() -> 2);
            assertThat(scope.joinAll()).hasSize(2);
            assertThat(user.join() + orders.join()).isEqualTo("ada2");
            assertThat(user.isDone()).isTrue();
            assertThat(user.name() + scope.name() + scope.deadline()).isNotEmpty();
        }
        try (TaskScope<String> race = TaskScope.race("mirrors", SECOND)) {
            race.fork(() -> "fast").cancel();
            race.fork(() -> "other");
            assertThat(race.joinFirst()).isIn("fast", "other");
        }

        Memo<Integer, String> memo =
                Memo.of(k -> "v" + k, o -> o.expireAfter(SECOND).maxSize(10).clock(InstantSource.system()));
        Memo<Integer, String> async = Memo.ofAsync(k -> CompletableFuture.completedFuture("a" + k));
        assertThat(memo.get(1) + memo.get(1, SECOND) + memo.getAsync(1).get() + async.get(2))
                .isEqualTo("v1v1v1a2");
        memo.invalidate(1);
        memo.invalidateAll();
        assertThat(memo.size()).isZero();

        try (AsyncQueue<String> queue = new AsyncQueue<>(2)) {
            queue.put("a");
            queue.put("b", SECOND);
            assertThat(queue.offer("c")).isFalse();
            assertThat(queue.take() + queue.take(SECOND)).isEqualTo("ab");
            CompletableFuture<String> next = queue.takeAsync();
            queue.putAsync("d").get();
            assertThat(next.get()).isEqualTo("d");
            Optional<String> none = queue.poll();
            assertThat(none).isEmpty();
            assertThat(queue.size() + queue.capacity()).isEqualTo(2);
            queue.close();
            assertThat(queue.isClosed()).isTrue();
        }

        try (Bridge bridge = Bridge.start("api-bridge")) {
            assertThat(bridge.submit(() -> 1).get()).isEqualTo(1);
            assertThat(bridge.call(() -> 2, SECOND)).isEqualTo(2);
            assertThat(bridge.callAsync(() -> CompletableFuture.completedFuture(3), SECOND))
                    .isEqualTo(3);
            assertThat(bridge.submitAsync(() -> CompletableFuture.completedFuture(4))
                            .get())
                    .isEqualTo(4);
        }
        assertThat(Bridge.await(CompletableFuture.completedFuture("done"), SECOND))
                .isEqualTo("done");

        Workers workers = Workers.create(
                s -> s.cpuThreads(1).cpuQueue(8).closeTimeout(SECOND).name("api"));
        Background background = Background.create(s -> s.stopTimeout(SECOND));
        background.every(Duration.ofMinutes(1), "tick", () -> {});
        background.run("loop", Background.Restart.never(), () -> {});
        Watchdog watchdog =
                Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(500)).noPinning());
        Tulip app = Tulip.create(cfg -> cfg.port(0)).install(workers).install(background);
        app.get("/cpu", req -> workers.cpu().call(() -> "cpu", SECOND));
        app.get("/io", req -> workers.blocking().submit(() -> "io"));
        TestServer server = apps.start(app);
        assertThat(server.client().get("/cpu").text()).isEqualTo("cpu");
        assertThat(server.client().get("/io").text()).isEqualTo("io");
        assertThat(apps.blocked()).isEmpty();
        assertThat(watchdog.blockedCount() + watchdog.pinnedCount()).isZero();
        assertThat(watchdog.threshold()).isEqualTo(Duration.ofMillis(500));

        assertThat(new DeadlineExceededException("x", SECOND).deadline()).isEqualTo(SECOND);
        assertThat(new TaskFailedException("t", new Exception("e")).task()).isEqualTo("t");
        assertThat(QueueClosedException.class).isAssignableTo(IllegalStateException.class);
    }
}
