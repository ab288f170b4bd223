package dev.tulip.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Handler;
import dev.tulip.Tulip;
import dev.tulip.async.Watchdog.Blocked;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class WatchdogTest {
    private final List<Blocked> blocked = new CopyOnWriteArrayList<>();

    private static int get(Tulip app, String path) throws Exception {
        var c = (HttpURLConnection)
                URI.create("http://127.0.0.1:" + app.port() + path).toURL().openConnection();
        c.setReadTimeout(10_000);
        int status = c.getResponseCode();
        c.getInputStream().readAllBytes();
        return status;
    }

    private static Object sleepOnTheLoop() throws InterruptedException {
        Thread.sleep(300);
        return "slept";
    }

    /** Serves a first request and forgets what it reported: a cold first request may link code on the loop. */
    private void warmUp(Tulip app) throws Exception {
        for (int i = 0; i < 5; i++) get(app, "/fast");
        Thread.sleep(150);
        blocked.clear();
    }

    private Tulip app(Watchdog watchdog) {
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(2)).install(watchdog.onBlocked(blocked::add));
        app.get("/slow", Handler.nonBlocking(req -> sleepOnTheLoop()));
        app.get("/fast", Handler.nonBlocking(req -> "fast"));
        app.get("/virtual", req -> sleepOnTheLoop()); // on a virtual thread: blocking is fine there
        return app;
    }

    @Test
    void aNonBlockingHandlerThatSleepsIsReportedOnceWithItsStack() throws Exception {
        var watchdog = Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100)));
        Tulip app = app(watchdog).start();
        long before;
        try {
            warmUp(app);
            before = watchdog.blockedCount();
            assertThat(get(app, "/slow")).isEqualTo(200);
            Thread.sleep(100); // let the checker look once more after the loop woke up
        } finally {
            app.stop();
        }
        assertThat(blocked).hasSize(1);
        assertThat(watchdog.blockedCount()).isEqualTo(before + 1);
        Blocked b = blocked.getFirst();
        assertThat(b.duration()).isGreaterThan(Duration.ofMillis(100));
        assertThat(b.stack()).anyMatch(f -> f.getMethodName().equals("sleepOnTheLoop"));
        assertThat(b.describe()).contains("blocked for", "at " + WatchdogTest.class.getName() + ".sleepOnTheLoop");
    }

    @Test
    void fastAndVirtualThreadHandlersAreNotReported() throws Exception {
        Tulip app = app(Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100))))
                .start();
        try {
            warmUp(app);
            for (int i = 0; i < 50; i++) assertThat(get(app, "/fast")).isEqualTo(200);
            assertThat(get(app, "/virtual")).isEqualTo(200);
            Thread.sleep(150);
        } finally {
            app.stop();
        }
        assertThat(blocked).isEmpty();
    }

    @Test
    void eachEpisodeIsReportedSeparately() throws Exception {
        Tulip app = app(Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100))))
                .start();
        try {
            warmUp(app);
            get(app, "/slow");
            Thread.sleep(100);
            get(app, "/slow");
            Thread.sleep(100);
        } finally {
            app.stop();
        }
        assertThat(blocked).hasSize(2);
    }

    @Test
    void theWatchdogThreadEndsWhenTheAppStops() throws Exception {
        Tulip app = app(Watchdog.create()).start();
        assertThat(watchdogThreads()).isEqualTo(1);
        app.stop();
        assertThat(watchdogThreads()).isZero();
    }

    private static long watchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("tulip-watchdog") && t.isAlive())
                .count();
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        var watchdog = Watchdog.create().onBlocked(b -> {
            throw new IllegalStateException("listener bug");
        });
        Tulip app = app(watchdog).start();
        try {
            warmUp(app);
            get(app, "/slow");
            Thread.sleep(100);
        } finally {
            app.stop();
        }
        assertThat(blocked).hasSize(1);
    }

    @Test
    void aWatchdogBelongsToOneAppAndNeedsAUsableThreshold() {
        var watchdog = Watchdog.create();
        assertThat(watchdog.threshold()).isEqualTo(Duration.ofMillis(100));
        Tulip.create().install(watchdog);
        assertThatThrownBy(() -> Tulip.create().install(watchdog))
                .hasMessageContaining("Watchdog is already installed into another app");
        assertThatThrownBy(() -> Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4ms");
    }
}
