package dev.tulip.async;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** A task of a {@link Workers.Pool} and its future; cancelling the future interrupts the task if it runs. */
final class WorkersTask<T> implements Runnable {
    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Callable<T> body;
    /** The thread running the task, while it does; guarded by {@code this}. */
    private Thread runner;

    WorkersTask(Callable<T> body) {
        this.body = body;
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) interruptRunner();
        });
    }

    @Override
    public void run() {
        synchronized (this) {
            if (future.isDone()) return; // cancelled while queued
            runner = Thread.currentThread();
        }
        try {
            future.complete(body.call());
        } catch (Throwable t) {
            future.completeExceptionally(t);
        } finally {
            synchronized (this) {
                runner = null;
            }
            // An interrupt meant for this task must not reach the pool thread's next one.
            Thread.interrupted();
        }
    }

    private synchronized void interruptRunner() {
        if (runner != null) runner.interrupt();
    }
}
