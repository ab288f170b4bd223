package dev.tulip.async;

import dev.tulip.internal.Durations;
import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tasks an app owns for as long as it runs: a loop that consumes a queue, a cache refreshed every
 * minute. Declare them, then install the value into one app:
 *
 * <pre>{@code
 * var bg = Background.create();
 * bg.every(Duration.ofMinutes(1), "refresh rates", rates::refresh);
 * bg.run("mailer", Restart.withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), mailer::sendForever);
 * app.install(bg);
 * }</pre>
 *
 * <p>Each task runs on its own virtual thread, named after it. Tasks start once the app serves
 * (after its {@code onAfterStart} listeners registered before the install), and when the app
 * stops they are interrupted at the start of the drain and awaited up to {@link
 * Settings#stopTimeout}; a task still running then is logged by name and left behind. A task that
 * throws is logged with its name; a periodic task runs again at its next period, a long-running
 * one follows its {@link Restart} policy. An app started in process (tulip-test's {@code
 * DirectClient}) runs no after-start listeners, so its background tasks do not start.
 */
public final class Background implements Integration {
    private final InstallOnce once = new InstallOnce("Background");
    private final Duration stopTimeout;
    private final List<BackgroundTask> tasks = new ArrayList<>();
    private boolean started;
    private boolean stopped;

    private Background(Duration stopTimeout) {
        this.stopTimeout = stopTimeout;
    }

    /** Background tasks that are given 5 s to stop. */
    public static Background create() {
        return create(s -> {});
    }

    /** Background tasks configured by {@code configure} (e.g. {@code s -> s.stopTimeout(...)}). */
    public static Background create(Consumer<Settings> configure) {
        Settings s = new Settings();
        configure.accept(s);
        return new Background(s.stopTimeout);
    }

    /** Work a background task does; an exception is logged with the task's name. */
    @FunctionalInterface
    public interface Task {
        /** Does the work; it should return (or throw) soon after its thread is interrupted. */
        void run() throws Exception;
    }

    /**
     * What a long-running task does after it throws: {@link #never()} (the default) leaves it
     * stopped; {@link #withBackoff} runs it again after a delay that doubles on each failure, up to
     * a maximum, and starts from the first delay again once a run lasted longer than the maximum.
     */
    public sealed interface Restart {
        /** Leave a task that failed stopped. */
        static Restart never() {
            return Never.NEVER;
        }

        /** Run a failed task again after {@code first}, doubling the delay on each failure up to {@code max}. */
        static Restart withBackoff(Duration first, Duration max) {
            return new Backoff(first, max);
        }

        /** The policy {@link #never()} returns. */
        enum Never implements Restart {
            /** The only value. */
            NEVER
        }

        /**
         * The policy {@link #withBackoff} returns.
         *
         * @param first the delay after the first failure
         * @param max the longest delay
         */
        record Backoff(Duration first, Duration max) implements Restart {
            /** Validates the delays. */
            public Backoff {
                if (first == null || max == null || first.isNegative() || first.isZero() || max.compareTo(first) < 0)
                    throw new IllegalArgumentException(
                            "a backoff needs a positive first delay and a maximum at least as long, got " + first
                                    + " and " + max);
            }
        }
    }

    /** How background tasks stop. */
    public static final class Settings {
        private Duration stopTimeout = Duration.ofSeconds(5);

        private Settings() {}

        /** How long a stopping app waits for its interrupted tasks to finish, in all (default 5 s). */
        public Settings stopTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative())
                throw new IllegalArgumentException("stopTimeout must be zero or positive, got " + timeout);
            this.stopTimeout = timeout;
            return this;
        }
    }

    /**
     * Runs {@code task} when the app has started, then again {@code period} after each run ends
     * (runs never overlap). A run that throws is logged; the next one still comes.
     */
    public synchronized Background every(Duration period, String name, Task task) {
        if (period == null || period.isNegative() || period.isZero())
            throw new IllegalArgumentException("the period of background task '" + name + "' must be positive");
        return add(new BackgroundTask(name, task, period, Restart.never()));
    }

    /** Runs {@code task} once when the app has started; if it throws, it is logged and not restarted. */
    public Background run(String name, Task task) {
        return run(name, Restart.never(), task);
    }

    /** Runs {@code task} once when the app has started; if it throws, {@code restart} says what follows. */
    public synchronized Background run(String name, Restart restart, Task task) {
        if (restart == null) throw new IllegalArgumentException("restart must not be null; use Restart.never()");
        return add(new BackgroundTask(name, task, null, restart));
    }

    private Background add(BackgroundTask t) {
        if (started) throw new IllegalStateException("background task '" + t.name() + "' added after the app started");
        tasks.add(t);
        return this;
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.app().onAfterStart(ctx -> start());
        setup.app().onBeforeStop(ctx -> stop());
        // also closed as a resource: a start that fails after the tasks began must not leave them running
        setup.resource("background tasks", ctx -> this, Background::stop);
    }

    private synchronized void start() {
        started = true;
        for (BackgroundTask t : tasks) t.start();
    }

    private synchronized void stop() {
        if (!started || stopped) return;
        stopped = true;
        for (BackgroundTask t : tasks) t.interrupt();
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        for (BackgroundTask t : tasks) {
            if (!t.await(deadline))
                BackgroundTask.LOG.warn(
                        "background task '{}' did not stop within {} of its interrupt; it is left running",
                        t.name(),
                        Durations.format(stopTimeout));
        }
    }

    @Override
    public String toString() {
        return "Background" + tasks.stream().map(BackgroundTask::name).toList();
    }
}
