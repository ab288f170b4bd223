package dev.tulip.async;

import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Notices an event loop that is kept busy longer than a threshold (a handler marked
 * non-blocking that sleeps, a lock, a slow JSON encode) and logs a warning with the loop thread's
 * stack, once per episode:
 *
 * <pre>{@code
 * var watchdog = Watchdog.create(cfg -> cfg.threshold(Duration.ofMillis(100)));
 * app.install(watchdog);
 * }</pre>
 *
 * <p>Every loop of the app runs a tiny heartbeat task four times per threshold; one daemon
 * thread checks the beats. A loop whose next beat is late by more than the threshold is blocked:
 * its thread's stack is taken at that moment and handed to the {@link #onBlocked} listeners. The
 * duration reported is how long the loop had been blocked when it was noticed (at least the
 * threshold). It watches from the moment the app's resources open until they close.
 */
public final class Watchdog implements Integration {
    private final InstallOnce once = new InstallOnce("Watchdog");
    private final Duration threshold;
    private final Duration pinnedThreshold;
    private final List<Consumer<? super Blocked>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<? super Pinned>> pinnedListeners = new CopyOnWriteArrayList<>();
    private final LongAdder count = new LongAdder();
    private final LongAdder pinnedCount = new LongAdder();

    private Watchdog(Duration threshold, Duration pinnedThreshold) {
        this.threshold = threshold;
        this.pinnedThreshold = pinnedThreshold;
    }

    /** A watchdog with a threshold of 100 ms. */
    public static Watchdog create() {
        return create(cfg -> {});
    }

    /** A watchdog configured by {@code configure} (e.g. {@code cfg -> cfg.threshold(...)}). */
    public static Watchdog create(Consumer<Settings> configure) {
        Settings s = new Settings();
        configure.accept(s);
        return new Watchdog(s.threshold, s.pinnedThreshold);
    }

    /** What a watchdog watches for. */
    public static final class Settings {
        private Duration threshold = Duration.ofMillis(100);
        private Duration pinnedThreshold = Duration.ofMillis(20);

        private Settings() {}

        /**
         * How long a virtual thread may stay pinned to its carrier (blocked with a native frame on
         * its stack) before it is reported (default 20 ms, JFR's own default).
         */
        public Settings pinnedThreshold(Duration threshold) {
            if (threshold == null || threshold.isNegative() || threshold.isZero())
                throw new IllegalArgumentException("the pinned threshold must be positive, got " + threshold);
            this.pinnedThreshold = threshold;
            return this;
        }

        /** Stops watching for pinned virtual threads (no JFR stream is opened). */
        public Settings noPinning() {
            this.pinnedThreshold = null;
            return this;
        }

        /** How long a loop may be busy without a break before it counts as blocked (default 100 ms, at least 4 ms). */
        public Settings threshold(Duration threshold) {
            if (threshold == null || threshold.toMillis() < 4)
                throw new IllegalArgumentException("the watchdog threshold must be at least 4ms, got " + threshold);
            this.threshold = threshold;
            return this;
        }
    }

    /**
     * One blocked episode of an event loop.
     *
     * @param thread the name of the loop's thread
     * @param duration how long it had been blocked when it was noticed
     * @param stack the loop thread's stack at that moment, innermost frame first; empty if the loop
     *     moved on while the stack was being taken
     */
    public record Blocked(String thread, Duration duration, List<StackTraceElement> stack) {
        /** Copies the stack. */
        public Blocked {
            stack = List.copyOf(stack);
        }

        /** A multi-line description: the thread, the duration and the stack, one frame a line. */
        public String describe() {
            return headline() + stackText();
        }

        String headline() {
            return "event loop " + thread + " blocked for " + duration.toMillis() + "ms";
        }

        String stackText() {
            if (stack.isEmpty()) return " (it moved on before its stack could be taken)";
            StringBuilder out = new StringBuilder();
            for (StackTraceElement e : stack) out.append("\n\tat ").append(e);
            return out.toString();
        }
    }

    /**
     * A virtual thread that blocked while pinned to its carrier, so the carrier could run nothing
     * else meanwhile (from JFR's {@code jdk.VirtualThreadPinned}).
     *
     * @param thread the virtual thread's name ("" if it has none)
     * @param duration how long it was pinned
     * @param stack its stack when it blocked, innermost frame first (Java frames only)
     */
    public record Pinned(String thread, Duration duration, List<StackTraceElement> stack) {
        /** Copies the stack. */
        public Pinned {
            stack = List.copyOf(stack);
        }

        /** A multi-line description: the thread, the duration and the stack, one frame a line. */
        public String describe() {
            StringBuilder out = new StringBuilder("virtual thread ")
                    .append(thread.isEmpty() ? "(unnamed)" : thread)
                    .append(" pinned its carrier for ")
                    .append(duration.toMillis())
                    .append("ms");
            for (StackTraceElement e : stack) out.append("\n\tat ").append(e);
            return out.toString();
        }
    }

    /** Adds a listener told about each pinned virtual thread, on JFR's stream thread; it must be quick. */
    public Watchdog onPinned(Consumer<? super Pinned> listener) {
        if (listener == null) throw new IllegalArgumentException("listener must not be null");
        pinnedListeners.add(listener);
        return this;
    }

    /** How many pinned virtual threads this watchdog has reported. */
    public long pinnedCount() {
        return pinnedCount.sum();
    }

    /** Adds a listener told about each blocked episode, on the watchdog's thread; it must be quick. */
    public Watchdog onBlocked(Consumer<? super Blocked> listener) {
        if (listener == null) throw new IllegalArgumentException("listener must not be null");
        listeners.add(listener);
        return this;
    }

    /** How many blocked episodes this watchdog has reported. */
    public long blockedCount() {
        return count.sum();
    }

    /** The threshold. */
    public Duration threshold() {
        return threshold;
    }

    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource(
                "watchdog",
                ctx -> WatchdogMonitor.start(setup.runtime().loops(), threshold, this::report),
                WatchdogMonitor::stop);
        if (pinnedThreshold != null) {
            setup.resource(
                    "watchdog pinning",
                    ctx -> WatchdogPinning.start(pinnedThreshold, this::report),
                    WatchdogPinning::stop);
        }
    }

    private void report(Pinned pinned) {
        pinnedCount.increment();
        WatchdogMonitor.LOG.warn("{} (threshold {}ms)", pinned.describe(), pinnedThreshold.toMillis());
        for (Consumer<? super Pinned> l : pinnedListeners) {
            try {
                l.accept(pinned);
            } catch (RuntimeException e) {
                WatchdogMonitor.LOG.error("a watchdog listener failed", e);
            }
        }
    }

    private void report(Blocked blocked) {
        count.increment();
        WatchdogMonitor.LOG.warn(
                "{} (threshold {}ms){}", blocked.headline(), threshold.toMillis(), blocked.stackText());
        for (Consumer<? super Blocked> l : listeners) {
            try {
                l.accept(blocked);
            } catch (RuntimeException e) {
                WatchdogMonitor.LOG.error("a watchdog listener failed", e);
            }
        }
    }
}
