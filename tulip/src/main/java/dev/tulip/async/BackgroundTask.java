package dev.tulip.async;

import dev.tulip.async.Background.Restart;
import dev.tulip.async.Background.Task;
import dev.tulip.internal.Durations;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One task of a {@link Background}: its virtual thread, its loop of runs and restarts. */
final class BackgroundTask {
    static final Logger LOG = LoggerFactory.getLogger("dev.tulip.background");

    private final String name;
    private final Task task;
    private final Duration period; // null: a long-running task
    private final Restart restart;
    private volatile boolean stopping;
    private Thread thread;

    BackgroundTask(String name, Task task, Duration period, Restart restart) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a background task needs a name");
        if (task == null) throw new IllegalArgumentException("background task '" + name + "' needs a task");
        this.name = name;
        this.task = task;
        this.period = period;
        this.restart = restart;
    }

    String name() {
        return name;
    }

    void start() {
        thread = Thread.ofVirtual().name("background-" + name).start(this::loop);
    }

    void interrupt() {
        stopping = true;
        if (thread != null) thread.interrupt();
    }

    /** Waits for the thread to end until {@code deadline} ({@link System#nanoTime}); false if it is still running. */
    boolean await(long deadline) {
        if (thread == null) return true;
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) thread.join(Duration.ofNanos(left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private void loop() {
        Duration delay = restart instanceof Restart.Backoff b ? b.first() : Duration.ZERO;
        while (!stopping) {
            long began = System.nanoTime();
            try {
                task.run();
                if (period == null) return; // a long-running task that returned is done
            } catch (Exception | Error e) {
                if (stopping) return; // the interrupt that stops the app, or what followed from it
                LOG.error("background task '{}' failed", name, e);
                if (period == null && !(restart instanceof Restart.Backoff)) return;
            }
            Duration pause = period;
            if (period == null) {
                Restart.Backoff b = (Restart.Backoff) restart;
                if (System.nanoTime() - began > b.max().toNanos()) delay = b.first(); // it ran well for a while
                pause = delay;
                LOG.info("background task '{}' restarts in {}", name, Durations.format(delay));
                delay = delay.multipliedBy(2).compareTo(b.max()) > 0 ? b.max() : delay.multipliedBy(2);
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pause.toNanos());
            } catch (InterruptedException e) {
                return; // stopping
            }
        }
    }
}
