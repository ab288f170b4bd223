package dev.tulip.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waiting for several tasks in one call: all of them, the first success, or one task with a
 * deadline. The blocking forms run each task on its own virtual thread in a {@link TaskScope}
 * and return when the scope has ended, so no task is left running; the {@link CompletionStage}
 * forms are for code that does not block.
 */
public final class Tasks {
    private Tasks() {}

    /**
     * Runs {@code tasks} at once and returns their results in the order given. The first failure
     * cancels the others and is thrown, the later ones suppressed in it.
     *
     * @throws DeadlineExceededException if they have not all finished within {@code deadline}
     * @throws TaskFailedException if a task threw a checked exception
     */
    @SafeVarargs
    public static <T> List<T> all(Duration deadline, Callable<? extends T>... tasks) {
        return all(List.of(tasks), deadline);
    }

    /** {@link #all(Duration, Callable[])} for a list of tasks. */
    public static <T> List<T> all(List<? extends Callable<? extends T>> tasks, Duration deadline) {
        try (var scope = TaskScope.<T>open("Tasks.all", deadline)) {
            for (Callable<? extends T> task : tasks) scope.fork(task);
            return scope.joinAll();
        }
    }

    /**
     * Runs {@code tasks} at once and returns the first result, cancelling the others: for hedged
     * requests to replicas. A failure is thrown only when every task has failed (the first
     * failure, the others suppressed in it).
     *
     * @throws DeadlineExceededException if none has succeeded within {@code deadline}
     * @throws IllegalArgumentException if there is no task
     */
    @SafeVarargs
    public static <T> T first(Duration deadline, Callable<? extends T>... tasks) {
        return first(List.of(tasks), deadline);
    }

    /** {@link #first(Duration, Callable[])} for a list of tasks. */
    public static <T> T first(List<? extends Callable<? extends T>> tasks, Duration deadline) {
        if (tasks.isEmpty()) throw new IllegalArgumentException("Tasks.first needs at least one task");
        try (var scope = TaskScope.<T>race("Tasks.first", deadline)) {
            for (Callable<? extends T> task : tasks) scope.fork(task);
            return scope.joinFirst();
        }
    }

    /**
     * Runs {@code task} on a virtual thread and returns its result, or interrupts it at the
     * deadline. Returns only once the task's thread has ended.
     *
     * @throws DeadlineExceededException if it has not finished within {@code deadline}
     * @throws TaskFailedException if it threw a checked exception; unchecked ones come as they are
     */
    public static <T> T withDeadline(Duration deadline, Callable<? extends T> task) {
        try (var scope = TaskScope.<T>open("Tasks.withDeadline", deadline)) {
            return scope.fork(task).join();
        }
    }

    /**
     * A future of every stage's result, in the order given. The first failure completes it with
     * that failure (not wrapped in a {@link CompletionException}) and cancels the other stages;
     * cancelling the returned future cancels them all. It has no deadline of its own, since it
     * does not wait: bound it with {@link #withDeadline(CompletionStage, Duration)}, whose
     * expiry cancels it and so every stage.
     */
    public static <T> CompletableFuture<List<T>> allOf(List<? extends CompletionStage<? extends T>> stages) {
        List<CompletableFuture<? extends T>> futures = new ArrayList<>(stages.size());
        for (CompletionStage<? extends T> s : stages) futures.add(s.toCompletableFuture());
        CompletableFuture<List<T>> all = new CompletableFuture<>();
        for (CompletableFuture<? extends T> f : futures) {
            f.whenComplete((v, e) -> {
                if (e != null && all.completeExceptionally(cause(e))) cancelAll(futures);
            });
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture<?>[]::new)).thenRun(() -> {
            List<T> results = new ArrayList<>(futures.size());
            for (CompletableFuture<? extends T> f : futures) results.add(f.join());
            all.complete(results);
        });
        all.whenComplete((v, e) -> {
            if (all.isCancelled()) cancelAll(futures);
        });
        return all;
    }

    /**
     * A future of {@code stage}'s result that fails with {@link DeadlineExceededException} if the
     * stage has not completed within {@code deadline}, and then cancels the stage
     * ({@code cancel(true)}). Cancelling the returned future cancels the stage too. A failure of
     * the stage comes through unwrapped from {@link CompletionException}.
     */
    public static <T> CompletableFuture<T> withDeadline(CompletionStage<T> stage, Duration deadline) {
        if (deadline == null || deadline.isNegative() || deadline.isZero())
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        CompletableFuture<T> source = stage.toCompletableFuture();
        CompletableFuture<T> result = new CompletableFuture<>();
        source.whenComplete((v, e) -> {
            if (e == null) result.complete(v);
            else result.completeExceptionally(cause(e));
        });
        // orTimeout schedules on the JDK's shared delayer thread and unschedules once completed
        CompletableFuture<Void> timer = new CompletableFuture<Void>().orTimeout(nanos(deadline), TimeUnit.NANOSECONDS);
        timer.whenComplete((v, e) -> {
            if (e instanceof TimeoutException
                    && result.completeExceptionally(new DeadlineExceededException("the stage", deadline)))
                source.cancel(true);
        });
        result.whenComplete((v, e) -> {
            timer.complete(null);
            if (result.isCancelled()) source.cancel(true);
        });
        return result;
    }

    private static void cancelAll(List<? extends CompletableFuture<?>> futures) {
        for (CompletableFuture<?> f : futures) f.cancel(true);
    }

    /** The failure a {@link CompletionException} (or another stage's wrapping) carries. */
    private static Throwable cause(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }
}
