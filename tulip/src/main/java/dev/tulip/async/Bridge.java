package dev.tulip.async;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lets plain synchronous code (a {@code main}, a batch job) use Tulip's asynchronous APIs. */
public final class Bridge {
    private Bridge() {}

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
