package dev.tulip.async;

import dev.tulip.spi.InstallOnce;
import dev.tulip.spi.Integration;
import dev.tulip.spi.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Threads to run what must not run on an event loop: {@link #blocking()} for blocking calls (a
 * virtual thread per task) and {@link #cpu()} for CPU-bound work (a bounded pool of platform
 * threads, one per core by default, with a bounded queue), so neither stalls the loops that
 * serve connections.
 *
 * <p>A {@code Workers} is a value you create and close, not a process-wide default: its threads
 * end when it closes, several apps in one JVM (as in tests) do not share a queue, and each is
 * sized by its own settings. Install it into an app ({@code app.install(workers)}) to have it
 * close with the app, after the drain; in plain code, close it yourself (it is
 * {@link AutoCloseable}). It can be used as soon as it is created.
 */
public final class Workers implements Integration, AutoCloseable {
    private final InstallOnce once = new InstallOnce("Workers");
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Duration closeTimeout;
    private final Pool blocking;
    private final Pool cpu;

    private Workers(Settings s) {
        this.closeTimeout = s.closeTimeout;
        this.blocking = new Pool(
                "blocking",
                Executors.newThreadPerTaskExecutor(
                        Thread.ofVirtual().name(s.name + "-blocking-", 1).factory()));
        this.cpu = new Pool(
                "cpu",
                new ThreadPoolExecutor(
                        s.cpuThreads,
                        s.cpuThreads,
                        0,
                        TimeUnit.MILLISECONDS,
                        new ArrayBlockingQueue<>(s.cpuQueue),
                        Thread.ofPlatform()
                                .name(s.name + "-cpu-", 1)
                                .daemon(true)
                                .factory()));
    }

    /** Workers with the default {@link Settings}. */
    public static Workers create() {
        return create(s -> {});
    }

    /** Workers configured by {@code settings}. */
    public static Workers create(Consumer<Settings> settings) {
        var s = new Settings();
        settings.accept(s);
        return new Workers(s);
    }

    /** Runs blocking calls (JDBC, files, a blocking client): a new virtual thread per task. */
    public Pool blocking() {
        return blocking;
    }

    /**
     * Runs CPU-bound work (hashing, compression, rendering) on {@link Settings#cpuThreads} platform
     * threads; when they are busy and {@link Settings#cpuQueue} tasks wait, more work is refused
     * at once rather than queued without bound.
     */
    public Pool cpu() {
        return cpu;
    }

    /** Closes these workers when {@code setup}'s app stops, after its drain. */
    @Override
    public void install(Setup setup) {
        once.claim(setup);
        setup.resource("workers", ctx -> this, Workers::close);
    }

    /**
     * Refuses new work, cancels the tasks still queued, waits up to {@link Settings#closeTimeout}
     * for the running ones, then interrupts those left and waits as long again. Closing again does
     * nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        cpu.shutdown(closeTimeout);
        blocking.shutdown(closeTimeout);
    }

    /** Where tasks run; also an {@link Executor} for {@code CompletableFuture.supplyAsync(..., pool)}. */
    public static final class Pool implements Executor {
        private final String name;
        private final ExecutorService executor;

        Pool(String name, ExecutorService executor) {
            this.name = name;
            this.executor = executor;
        }

        /**
         * Runs {@code task} and returns its future at once: it completes with the task's value or
         * failure; cancelling it interrupts the task (or drops it, if it has not started). Fails at
         * once with {@link RejectedExecutionException} when the pool is full or closed. Fine to call
         * from an event loop.
         */
        public <T> CompletableFuture<T> submit(Callable<T> task) {
            Objects.requireNonNull(task, "task");
            var t = new WorkersTask<>(task);
            try {
                executor.execute(t);
            } catch (RejectedExecutionException e) {
                return CompletableFuture.failedFuture(refusal());
            }
            if (executor instanceof ThreadPoolExecutor pool) {
                t.future.whenComplete((v, e) -> {
                    if (t.future.isCancelled()) pool.remove(t); // frees its place in the queue
                });
            }
            return t.future;
        }

        /**
         * Runs {@code task} and waits at most {@code deadline} for its value; then cancels it
         * (interrupting it) and throws {@link DeadlineExceededException}. Its failure is rethrown as
         * is if unchecked, else wrapped in {@link java.util.concurrent.CompletionException}. For
         * virtual and plain threads; on an event loop it throws, as it would block the loop. A
         * {@link Workers#cpu()} task should not {@code call} the CPU pool itself: with every thread
         * waiting so, nothing is left to run what they wait for.
         */
        public <T> T call(Callable<T> task, Duration deadline) {
            WorkersGuard.refuseOnEventLoop("Workers." + name + "().call", "use submit and return its future");
            return Bridge.await(submit(task), deadline, "a " + name + " task");
        }

        /** Runs {@code command}; throws {@link RejectedExecutionException} when the pool is full or closed. */
        @Override
        public void execute(Runnable command) {
            Objects.requireNonNull(command, "command");
            var t = new WorkersTask<>(Executors.callable(command));
            try {
                executor.execute(t);
            } catch (RejectedExecutionException e) {
                throw refusal();
            }
        }

        @Override
        public String toString() {
            return "Workers." + name + "()";
        }

        private RejectedExecutionException refusal() {
            if (executor.isShutdown())
                return new RejectedExecutionException("Workers are closed: " + this + " takes no more tasks");
            var pool = (ThreadPoolExecutor) executor;
            return new RejectedExecutionException(this + " is full: " + pool.getMaximumPoolSize() + " threads busy and "
                    + pool.getQueue().size() + " tasks queued; shed load, or raise cpuThreads or cpuQueue");
        }

        void shutdown(Duration timeout) {
            executor.shutdown();
            if (executor instanceof ThreadPoolExecutor pool) {
                List<Runnable> queued = new ArrayList<>();
                pool.getQueue().drainTo(queued);
                for (Runnable r : queued) {
                    ((WorkersTask<?>) r)
                            .future.completeExceptionally(
                                    new CancellationException("Workers closed before this " + name + " task ran"));
                }
            }
            try {
                if (!executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    executor.shutdownNow();
                    executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How {@link Workers} are sized and named. */
    public static final class Settings {
        private int cpuThreads = Runtime.getRuntime().availableProcessors();
        private int cpuQueue = 1024;
        private Duration closeTimeout = Duration.ofSeconds(10);
        private String name = "tulip";

        Settings() {}

        /** Threads of {@link Workers#cpu()}; by default one per core. */
        public Settings cpuThreads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("cpuThreads must be at least 1, not " + threads);
            this.cpuThreads = threads;
            return this;
        }

        /** Tasks that may wait for a {@link Workers#cpu()} thread before more are refused; 1024 by default. */
        public Settings cpuQueue(int tasks) {
            if (tasks < 1) throw new IllegalArgumentException("cpuQueue must be at least 1, not " + tasks);
            this.cpuQueue = tasks;
            return this;
        }

        /** How long {@link Workers#close()} waits for running tasks before interrupting them; 10s by default. */
        public Settings closeTimeout(Duration timeout) {
            if (timeout.isNegative()) throw new IllegalArgumentException("closeTimeout must not be negative");
            this.closeTimeout = timeout;
            return this;
        }

        /** The prefix of thread names ({@code tulip-cpu-1}, {@code tulip-blocking-1}); {@code tulip} by default. */
        public Settings name(String prefix) {
            this.name = Objects.requireNonNull(prefix, "prefix");
            return this;
        }
    }
}
