package dev.tulip.test;

import dev.tulip.Tulip;
import dev.tulip.async.Watchdog;
import dev.tulip.async.Watchdog.Blocked;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The apps one test starts, each watched by a {@link Watchdog}: closing stops them and fails with
 * every episode in which one of them blocked an event loop, stacks included. {@link
 * TulipAppsExtension} hands one to each test and closes it after the test; it can also be used on
 * its own, in a try-with-resources block.
 *
 * <p>The default threshold is 200 ms, above the 100 ms of a production {@link Watchdog}: the first
 * requests of a fresh test JVM load and link classes on the loop, and a busy build machine can
 * stretch that past 100 ms.
 */
public final class TulipApps implements AutoCloseable {
    static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(200);

    private final Duration threshold;
    private final List<Blocked> blocked = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> started = new ArrayList<>();

    private TulipApps(Duration threshold) {
        this.threshold = threshold;
    }

    /** Apps whose loops may not be blocked for more than 200 ms. */
    public static TulipApps create() {
        return create(DEFAULT_THRESHOLD);
    }

    /** Apps whose loops may not be blocked for more than {@code threshold}. */
    public static TulipApps create(Duration threshold) {
        Watchdog.create(cfg -> cfg.threshold(threshold)); // validates it now
        return new TulipApps(threshold);
    }

    /** Installs a watchdog into {@code app} (not yet started) and starts it with a {@link TestServer}. */
    public synchronized TestServer start(Tulip app) {
        watch(app);
        TestServer server = TestServer.start(app);
        started.add(server);
        return server;
    }

    /** Installs a watchdog into {@code app} (not yet started) and returns a {@link DirectClient} for it. */
    public synchronized DirectClient direct(Tulip app) {
        watch(app);
        DirectClient client = DirectClient.of(app);
        started.add(client);
        return client;
    }

    private void watch(Tulip app) {
        app.install(Watchdog.create(cfg -> cfg.threshold(threshold)).onBlocked(blocked::add));
    }

    /** The blocked episodes so far, in the order they were noticed. */
    public List<Blocked> blocked() {
        return List.copyOf(blocked);
    }

    /**
     * Stops the apps, newest first, then throws an {@link AssertionError} listing the blocked
     * episodes, if there were any.
     */
    @Override
    public synchronized void close() {
        RuntimeException failure = null;
        for (AutoCloseable c : started.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) failure = new IllegalStateException("an app failed to stop: " + e.getMessage(), e);
                else failure.addSuppressed(e);
            }
        }
        started.clear();
        if (!blocked.isEmpty()) {
            StringBuilder message = new StringBuilder()
                    .append(blocked.size())
                    .append(blocked.size() == 1 ? " time" : " times")
                    .append(" an event loop was blocked for more than ")
                    .append(threshold.toMillis())
                    .append(
                            "ms (move the blocking call off the loop: drop Handler.nonBlocking, or run it on a virtual thread)");
            for (Blocked b : blocked) message.append("\n").append(b.describe());
            blocked.clear();
            AssertionError error = new AssertionError(message.toString());
            if (failure != null) error.addSuppressed(failure);
            throw error;
        }
        if (failure != null) throw failure;
    }
}
