package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Key;
import dev.tulip.StdErr;
import dev.tulip.Tulip;
import dev.tulip.async.Background.Restart;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundTest {
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void tasksStartOnlyOnceTheAppServes() throws Exception {
        var ran = new CountDownLatch(1);
        var bg = Background.create();
        bg.run("recorder", () -> {
            events.add("task");
            ran.countDown();
        });
        Tulip app = Tulip.create(c -> c.port(0)).install(bg);
        app.onBeforeStart(ctx -> {
            Thread.sleep(50); // a task started too early would run now
            events.add("before start");
        });
        app.start();
        try {
            assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("before start", "task");
        } finally {
            app.stop();
        }
    }

    @Test
    void aStoppingAppInterruptsAndAwaitsItsTasksBeforeResourcesClose() throws Exception {
        var running = new CountDownLatch(1);
        var bg = Background.create();
        bg.run("loop", () -> {
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } finally {
                events.add("task ended");
            }
        });
        Tulip app = Tulip.create(c -> c.port(0));
        app.resource(Key.of("db", String.class), ctx -> "db", db -> events.add("db closed"));
        app.install(bg).start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        long began = System.nanoTime();
        assertThat(app.stop()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(4));
        assertThat(events).containsExactly("task ended", "db closed");
    }

    @Test
    void aPeriodicTaskRunsAgainAfterEachPeriod() throws Exception {
        var runs = new CountDownLatch(3);
        var bg = Background.create();
        bg.every(Duration.ofMillis(10), "tick", runs::countDown);
        Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
        try {
            assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.stop();
        }
    }

    @Test
    void aPeriodicTaskThatFailsRunsAgainAtItsNextPeriod() throws Exception {
        var runs = new CountDownLatch(3);
        var bg = Background.create();
        bg.every(Duration.ofMillis(10), "failing tick", () -> {
            runs.countDown();
            throw new IllegalStateException("tick failed");
        });
        String log = captureErr(() -> {
            Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
            try {
                assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                app.stop();
            }
        });
        assertThat(log).contains("background task 'failing tick' failed");
    }

    @Test
    void tasksCannotBeAddedOnceTheAppStarted() {
        var bg = Background.create();
        Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
        try {
            assertThatThrownBy(() -> bg.run("late", () -> {})).hasMessageContaining("added after the app started");
        } finally {
            app.stop();
        }
    }

    @Test
    void aFailingTaskIsLoggedWithItsNameAndRestartedWithBackoff() throws Exception {
        var attempts = new AtomicInteger();
        var thirdRun = new CountDownLatch(1);
        var bg = Background.create();
        bg.run("flaky consumer", Restart.withBackoff(Duration.ofMillis(10), Duration.ofMillis(40)), () -> {
            if (attempts.incrementAndGet() == 3) {
                thirdRun.countDown();
                Thread.sleep(Duration.ofMinutes(1));
            }
            throw new IllegalStateException("broker gone");
        });
        String log = captureErr(() -> {
            Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
            try {
                assertThat(thirdRun.await(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                app.stop();
            }
        });
        assertThat(attempts).hasValue(3);
        assertThat(log).contains("background task 'flaky consumer' failed", "broker gone");
        assertThat(log).contains("background task 'flaky consumer' restarts in 10ms");
        assertThat(log).contains("background task 'flaky consumer' restarts in 20ms");
    }

    @Test
    void aFailingTaskWithoutARestartPolicyStaysStopped() throws Exception {
        var attempts = new AtomicInteger();
        var bg = Background.create();
        bg.run("once", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("boom");
        });
        String log = captureErr(() -> {
            Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
            try {
                Thread.sleep(200);
            } finally {
                app.stop();
            }
        });
        assertThat(attempts).hasValue(1);
        assertThat(log).contains("background task 'once' failed").doesNotContain("restarts in");
    }

    @Test
    void aTaskThatIgnoresItsInterruptIsReportedAndDoesNotHoldTheStopPastItsTimeout() throws Exception {
        var running = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var bg = Background.create(s -> s.stopTimeout(Duration.ofMillis(100)));
        bg.run("stubborn", () -> {
            running.countDown();
            while (true) {
                try {
                    if (release.await(10, TimeUnit.SECONDS)) return;
                } catch (InterruptedException ignored) {
                    // swallows the interrupt
                }
            }
        });
        Tulip app = Tulip.create(c -> c.port(0)).install(bg).start();
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
        String log = captureErr(app::stop);
        release.countDown();
        assertThat(log).contains("background task 'stubborn' did not stop within 100ms");
    }

    @Test
    void aBackgroundValueBelongsToOneApp() {
        var bg = Background.create();
        Tulip.create(c -> c.port(0)).install(bg);
        assertThatThrownBy(() -> Tulip.create(c -> c.port(0)).install(bg))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Background is already installed into another app");
    }

    @Test
    void aStartThatFailsAfterTheTasksBeganStillStopsThem() throws Exception {
        var running = new CountDownLatch(1);
        var ended = new CountDownLatch(1);
        var bg = Background.create();
        bg.run("loop", () -> {
            running.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } finally {
                ended.countDown();
            }
        });
        Tulip app = Tulip.create(c -> c.port(0)).install(bg);
        app.onAfterStart(ctx -> {
            running.await(5, TimeUnit.SECONDS);
            throw new IllegalStateException("late failure");
        });
        assertThatThrownBy(app::start).hasMessageContaining("late failure");
        assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void badArgumentsAreRefusedWithTheTaskName() {
        var bg = Background.create();
        assertThatThrownBy(() -> bg.every(Duration.ZERO, "tick", () -> {})).hasMessageContaining("'tick'");
        assertThatThrownBy(() -> Restart.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bg.run(" ", () -> {})).hasMessageContaining("needs a name");
    }

    static String captureErr(StdErr.Action action) throws Exception {
        return StdErr.capture(action);
    }
}
