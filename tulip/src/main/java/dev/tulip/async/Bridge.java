package dev.tulip.async;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Lets plain synchronous code (a {@code main}, a batch job) use Tulip's asynchronous APIs, in two
 * ways: {@link #await} waits for a stage with a deadline, and {@link #start()} starts an event loop
 * on a thread of its own, to which the synchronous code hands work and whose results it waits
 * for, while the loop runs the asynchronous code without ever blocking.
 *
 * <p>A started bridge is a value that owns its thread: {@link #close()} cancels what is still
 * pending, ends the thread and waits for it. The thread is a daemon, so a bridge left open does not
 * keep the JVM alive; a task must not block it ({@link #await}, {@link AsyncQueue#take} and
 * {@link Workers.Pool#call} refuse to, there).
 */
public final class Bridge implements Executor, AutoCloseable {
    private static final Duration THREAD_END = Duration.ofSeconds(10);

    private final DefaultEventLoop loop;
    private final Thread thread;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private boolean closed; // guarded by this

    private Bridge(String threadName) {
        this.loop = new DefaultEventLoop(task -> {
            var t = new FastThreadLocalThread(task, threadName); // so the loop is recognised as one
            t.setDaemon(true);
            return t;
        });
        try {
            this.thread = loop.submit(Thread::currentThread).get();
        } catch (InterruptedException | ExecutionException e) {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IllegalStateException("the bridge thread did not start", e);
        }
    }

    /** Starts a bridge whose loop runs on a new thread named {@code tulip-bridge}. */
    public static Bridge start() {
        return start("tulip-bridge");
    }

    /** Starts a bridge whose loop runs on a new thread named {@code threadName}. */
    public static Bridge start(String threadName) {
        return new Bridge(Objects.requireNonNull(threadName, "threadName"));
    }

    /**
     * Runs {@code task} on the bridge's thread; the future completes with its value or failure.
     * The task must not block. Fails with {@link RejectedExecutionException} once closed.
     */
    public <T> CompletableFuture<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        var result = new CompletableFuture<T>();
        hand(result, () -> {
            try {
                result.complete(task.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /**
     * Starts {@code task} on the bridge's thread, where it returns a stage of asynchronous work;
     * the future completes as that stage does. Cancelling the future cancels the stage.
     */
    public <T> CompletableFuture<T> submitAsync(Supplier<? extends CompletionStage<T>> task) {
        Objects.requireNonNull(task, "task");
        var result = new CompletableFuture<T>();
        hand(result, () -> {
            try {
                CompletableFuture<T> stage = task.get().toCompletableFuture();
                result.whenComplete((v, e) -> {
                    if (e != null) stage.cancel(true);
                });
                stage.whenComplete((v, e) -> {
                    if (e == null) result.complete(v);
                    else
                        result.completeExceptionally(
                                e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                });
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** {@link #submit} and {@link #await} in one: the task's value within {@code deadline}. */
    public <T> T call(Callable<T> task, Duration deadline) {
        return await(submit(task), deadline, "a bridge task");
    }

    /** {@link #submitAsync} and {@link #await} in one: the stage's value within {@code deadline}. */
    public <T> T callAsync(Supplier<? extends CompletionStage<T>> task, Duration deadline) {
        return await(submitAsync(task), deadline, "a bridge task");
    }

    /** Runs {@code command} on the bridge's thread; throws {@link RejectedExecutionException} once closed. */
    @Override
    public void execute(Runnable command) {
        synchronized (this) {
            if (closed) throw new RejectedExecutionException("the bridge is closed");
        }
        submit(Executors.callable(command));
    }

    /**
     * Closes the bridge: refuses new work, fails every pending future with a {@link
     * CancellationException} saying the bridge was closed (cancelling the stages behind them), then
     * ends the thread and waits for it (a task that is running finishes first). Closing again does
     * nothing.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) return;
            closed = true;
        }
        for (CompletableFuture<?> f : pending) {
            f.completeExceptionally(new CancellationException("the bridge was closed before this task finished"));
        }
        loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
        if (Thread.currentThread() == thread) return; // closed by one of its tasks: the thread ends after it
        try {
            if (!thread.join(THREAD_END))
                throw new IllegalStateException("the bridge thread " + thread.getName() + " still runs a task "
                        + THREAD_END.toSeconds() + "s after close; a bridge task must not block");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "Bridge[" + thread.getName() + "]";
    }

    private void hand(CompletableFuture<?> result, Runnable run) {
        synchronized (this) {
            if (closed) {
                result.completeExceptionally(new RejectedExecutionException("the bridge is closed"));
                return;
            }
            pending.add(result);
        }
        result.whenComplete((v, e) -> pending.remove(result));
        try {
            loop.execute(() -> {
                if (!result.isDone()) run.run();
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new RejectedExecutionException("the bridge is closed"));
        }
    }

    /**
     * Waits at most {@code deadline} for {@code stage} and returns its value. When the time runs
     * out, the stage is cancelled (through {@code toCompletableFuture()}) and {@link
     * DeadlineExceededException} is thrown. A failure of the stage is rethrown as is if unchecked,
     * else wrapped in {@link CompletionException}; an interrupt cancels the stage too, keeps the
     * thread's interrupt flag and throws {@link CompletionException}. On an event loop it throws,
     * as it would block the loop: return the stage instead.
     */
    public static <T> T await(CompletionStage<T> stage, Duration deadline) {
        WorkersGuard.refuseOnEventLoop("Bridge.await", "return the CompletionStage instead");
        return await(stage, deadline, "the awaited stage");
    }

    static <T> T await(CompletionStage<T> stage, Duration deadline, String what) {
        Objects.requireNonNull(deadline, "deadline");
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DeadlineExceededException(what, deadline);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new CompletionException(cause);
        } catch (CancellationException e) {
            throw e;
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
