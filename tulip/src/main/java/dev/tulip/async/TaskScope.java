package dev.tulip.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tasks that run together, each on its own virtual thread, and end together: no task outlives
 * the scope. Open it in a try-with-resources block, fork the tasks, join them:
 *
 * <pre>{@code
 * try (var scope = TaskScope.open("profile", Duration.ofSeconds(2))) {
 *     var user = scope.fork("user", () -> users.find(id));
 *     var orders = scope.fork("orders", () -> shop.ordersOf(id));
 *     scope.joinAll();
 *     return new Profile(user.join(), orders.join());
 * }
 * }</pre>
 *
 * <p>A scope made by {@link #open} needs every task: the first failure cancels the others and
 * is thrown by the join. A scope made by {@link #race} needs one success: the first cancels the
 * others and {@link #joinFirst()} returns it; it fails only when every task has failed.
 *
 * <p>The scope has one deadline, counted from its opening. A join that reaches it cancels every
 * task and throws {@link DeadlineExceededException} naming the scope and the tasks still running.
 * Cancelling a task interrupts its thread, so blocking calls in it (sockets, sleeps, queues, an
 * inner scope's join) end with an {@link InterruptedException} or a {@link CancellationException};
 * the task's own outcome is then the cancellation. When the joining thread is interrupted, the
 * scope is cancelled and the join throws {@link CancellationException}, so scopes nest.
 *
 * <p>Exceptions come out as the task threw them when unchecked; a checked one is wrapped in a
 * {@link TaskFailedException} naming the task. Failures after the first are added to it as
 * {@linkplain Throwable#getSuppressed() suppressed}.
 *
 * @param <T> what the tasks return; {@code Object} for tasks of different types, read from
 *     their handles
 */
public final class TaskScope<T> implements AutoCloseable {
    private enum Policy {
        ALL,
        FIRST
    }

    private final String name;
    private final Duration deadline;
    private final long openedAt = System.nanoTime();
    private final long deadlineNanos;
    private final Policy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Task<? extends T>> tasks = new ArrayList<>();
    // guarded by lock
    private Throwable failure; // in a scope made by open: the first failure, the later ones suppressed in it
    private final List<Throwable> failures = new ArrayList<>();
    private boolean raceLost; // in a race: every task failed, and the failures were gathered under the first
    private Task<? extends T> winner; // the first success
    private String cancelled; // why the scope was cancelled, or null
    private boolean closed;

    private TaskScope(String name, Duration deadline, Policy policy) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a task scope needs a name");
        if (deadline == null || deadline.isNegative() || deadline.isZero())
            throw new IllegalArgumentException("scope '" + name + "': the deadline must be positive, got " + deadline);
        this.name = name;
        this.deadline = deadline;
        this.deadlineNanos = saturatedNanos(deadline);
        this.policy = policy;
    }

    /**
     * A scope whose tasks must all succeed: the first failure cancels the others. Join it with
     * {@link #joinAll()} or a task's {@link Task#join()}.
     *
     * @param name names the scope in exceptions and its threads
     * @param deadline how long the scope may run, from now
     */
    public static <T> TaskScope<T> open(String name, Duration deadline) {
        return new TaskScope<>(name, deadline, Policy.ALL);
    }

    /**
     * A scope that needs one success: the first cancels the others; a failure cancels nothing
     * until every task has failed. Join it with {@link #joinFirst()}.
     *
     * @param name names the scope in exceptions and its threads
     * @param deadline how long the scope may run, from now
     */
    public static <T> TaskScope<T> race(String name, Duration deadline) {
        return new TaskScope<>(name, deadline, Policy.FIRST);
    }

    /** The scope's name. */
    public String name() {
        return name;
    }

    /** The scope's deadline, counted from its opening. */
    public Duration deadline() {
        return deadline;
    }

    /** Starts {@code task} on a new virtual thread; it is named {@code #1}, {@code #2}... by fork order. */
    public <U extends T> Task<U> fork(Callable<? extends U> task) {
        return fork(null, task);
    }

    /**
     * Starts {@code task} on a new virtual thread named after the scope and {@code taskName}. A
     * task forked into a scope that was already cancelled or failed starts cancelled.
     *
     * @throws IllegalStateException if the scope is closed
     */
    public <U extends T> Task<U> fork(String taskName, Callable<? extends U> task) {
        if (task == null) throw new IllegalArgumentException("scope '" + name + "': the task must not be null");
        Task<U> t;
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("scope '" + name + "' is closed: fork before closing it");
            String label = taskName == null ? "#" + (tasks.size() + 1) : "'" + taskName + "'";
            t = new Task<>(this, label, task);
            tasks.add(t);
            if (cancelled != null) {
                t.cancelLocked(cancelled);
                return t;
            }
            t.thread = Thread.ofVirtual()
                    .name(name + "/" + (taskName == null ? label : taskName))
                    .unstarted(t::run);
        } finally {
            lock.unlock();
        }
        t.thread.start();
        return t;
    }

    /**
     * Waits for every task and returns their results in fork order. The wait ends early at the
     * first failure, which is thrown after the other tasks were cancelled, and at the deadline.
     *
     * @throws DeadlineExceededException at the scope's deadline
     * @throws CancellationException if a task was cancelled, or the waiting thread interrupted
     * @throws TaskFailedException if a task threw a checked exception
     * @throws IllegalStateException on a scope made by {@link #race}
     */
    public List<T> joinAll() {
        if (policy == Policy.FIRST)
            throw new IllegalStateException(
                    "scope '" + name + "' is a race: join it with joinFirst(), or open it with TaskScope.open");
        lock.lock();
        try {
            while (failure == null && running() > 0) awaitChange();
            if (failure != null) throw rethrow(failure);
            List<T> results = new ArrayList<>(tasks.size());
            for (Task<? extends T> t : tasks) results.add(t.outcomeLocked());
            return results;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the first task to succeed, cancels the others and returns its result. In a scope
     * made by {@link #open}, a failure before that is thrown; in one made by {@link #race}, only
     * when every task has failed: the first failure, the others suppressed in it.
     *
     * @throws DeadlineExceededException at the scope's deadline
     * @throws CancellationException if the tasks were cancelled, or the waiting thread interrupted
     * @throws TaskFailedException if the failure thrown is a checked exception
     * @throws IllegalStateException if no task was forked
     */
    public T joinFirst() {
        T result;
        lock.lock();
        try {
            if (tasks.isEmpty()) throw new IllegalStateException("scope '" + name + "': fork a task before joining");
            while (winner == null && failure == null && running() > 0) awaitChange();
            if (winner == null) {
                if (failure != null) throw rethrow(failure);
                if (failures.isEmpty()) throw tasks.getFirst().cancellation(); // every task was cancelled
                Throwable first = failures.getFirst();
                if (!raceLost) {
                    raceLost = true;
                    for (Throwable other : failures.subList(1, failures.size()))
                        if (other != first) first.addSuppressed(other);
                }
                throw rethrow(first);
            }
            result = winner.valueLocked();
        } finally {
            lock.unlock();
        }
        cancel("another task finished first");
        return result;
    }

    /** Cancels every task still running, interrupting its thread; joins then throw. */
    public void cancel() {
        cancel("the scope was cancelled");
    }

    /**
     * Cancels every task still running and waits until each task's thread has ended, so that no
     * task outlives the scope. This wait has no deadline, because ending the scope before its
     * tasks would break that promise: a task that ignores interrupts holds up {@code close}. An
     * interrupt of the closing thread does not cut the wait short; it is kept for after.
     */
    @Override
    public void close() {
        List<Thread> threads = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            for (Task<? extends T> t : tasks) if (t.thread != null) threads.add(t.thread);
        } finally {
            lock.unlock();
        }
        cancel("the scope was closed");
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    @Override
    public String toString() {
        return "scope '" + name + "'";
    }

    private void cancel(String why) {
        List<Thread> interrupt = new ArrayList<>();
        lock.lock();
        try {
            if (cancelled == null) cancelled = why;
            for (Task<? extends T> t : tasks) if (t.cancelLocked(why) && t.thread != null) interrupt.add(t.thread);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        for (Thread thread : interrupt) if (thread != Thread.currentThread()) thread.interrupt();
    }

    /** Waits for a change until the deadline; at the deadline or an interrupt, cancels the scope and throws. */
    private void awaitChange() {
        long left = deadlineNanos - (System.nanoTime() - openedAt);
        if (left <= 0) {
            var e = new DeadlineExceededException(describeRunning(), deadline);
            cancel("the scope's deadline passed");
            throw e;
        }
        try {
            changed.awaitNanos(left);
        } catch (InterruptedException ie) {
            cancel("the joining thread was interrupted");
            Thread.currentThread().interrupt();
            throw new CancellationException("scope '" + name + "' was cancelled: the joining thread was interrupted");
        }
    }

    private int running() {
        int n = 0;
        for (Task<? extends T> t : tasks) if (t.state == State.RUNNING) n++;
        return n;
    }

    private String describeRunning() {
        List<String> names = new ArrayList<>();
        for (Task<? extends T> t : tasks) if (t.state == State.RUNNING) names.add(t.label);
        return "scope '" + name + "' (still running: " + String.join(", ", names) + ")";
    }

    /** A task ended on its own thread: records the outcome unless the task was cancelled first. */
    private void finished(Task<? extends T> task, Object value, Throwable error) {
        boolean cancelOthers = false;
        String why = null;
        lock.lock();
        try {
            if (task.state != State.RUNNING) return; // cancelled: that is its outcome
            if (error == null) {
                task.state = State.SUCCEEDED;
                task.outcome = value;
                if (winner == null) winner = task;
                if (policy == Policy.FIRST && winner == task) {
                    cancelOthers = true;
                    why = "task " + task.label + " finished first";
                }
            } else {
                Throwable e = unwrap(task.describe(), error);
                task.state = State.FAILED;
                task.outcome = e;
                failures.add(e);
                if (policy == Policy.ALL) {
                    if (failure == null) {
                        failure = e;
                        cancelOthers = true;
                        why = "task " + task.label + " failed";
                    } else if (failure != e) failure.addSuppressed(e);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (cancelOthers) cancel(why);
    }

    /** What a join throws for a task's exception: unchecked ones and errors as they are, checked ones wrapped. */
    static Throwable unwrap(String what, Throwable t) {
        return t instanceof RuntimeException || t instanceof Error ? t : new TaskFailedException(what, t);
    }

    /** Throws {@code t} if it is an error; otherwise returns it, for the caller to throw. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) throw e;
        return (RuntimeException) t;
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private enum State {
        RUNNING,
        SUCCEEDED,
        FAILED,
        CANCELLED
    }

    /**
     * A forked task: its result once it has ended, or a way to cancel it.
     *
     * @param <U> what the task returns
     */
    public static final class Task<U> {
        private final TaskScope<?> scope;
        private final String label;
        private final Callable<? extends U> body;
        private Thread thread; // null if forked into a cancelled scope
        // guarded by scope.lock
        private State state = State.RUNNING;
        private Object outcome; // the value, the exception, or the CancellationException

        private Task(TaskScope<?> scope, String label, Callable<? extends U> body) {
            this.scope = scope;
            this.label = label;
            this.body = body;
        }

        /** The task's name, or {@code #n} for the n-th unnamed fork. */
        public String name() {
            return label.startsWith("'") ? label.substring(1, label.length() - 1) : label;
        }

        /**
         * Waits for this task until the scope's deadline and returns its result.
         *
         * @throws DeadlineExceededException at the scope's deadline (the whole scope is cancelled)
         * @throws CancellationException if the task was cancelled; naming it, and with the
         *     sibling's failure as cause when that was why
         * @throws TaskFailedException if the task threw a checked exception
         */
        public U join() {
            scope.lock.lock();
            try {
                while (state == State.RUNNING) scope.awaitChange();
                return outcomeLocked();
            } finally {
                scope.lock.unlock();
            }
        }

        /** Whether the task has ended: succeeded, failed or cancelled. */
        public boolean isDone() {
            scope.lock.lock();
            try {
                return state != State.RUNNING;
            } finally {
                scope.lock.unlock();
            }
        }

        /** Cancels the task if it is still running, interrupting its thread; its join then throws. */
        public void cancel() {
            boolean now;
            scope.lock.lock();
            try {
                now = cancelLocked("it was cancelled");
                scope.changed.signalAll();
            } finally {
                scope.lock.unlock();
            }
            if (now && thread != null && thread != Thread.currentThread()) thread.interrupt();
        }

        @Override
        public String toString() {
            return describe();
        }

        private String describe() {
            return "task " + label + " of scope '" + scope.name + "'";
        }

        private void run() {
            Object value = null;
            Throwable error = null;
            try {
                value = body.call();
            } catch (Throwable t) {
                error = t;
            }
            finishedIn(scope, value, error);
        }

        @SuppressWarnings("unchecked")
        private <T> void finishedIn(TaskScope<T> s, Object value, Throwable error) {
            s.finished((Task<? extends T>) this, value, error);
        }

        private boolean cancelLocked(String why) {
            if (state != State.RUNNING) return false;
            var e = new CancellationException(describe() + " was cancelled: " + why);
            if (scope.failure != null && scope.failure != outcome) e.initCause(scope.failure);
            state = State.CANCELLED;
            outcome = e;
            return true;
        }

        private CancellationException cancellation() {
            return (CancellationException) outcome;
        }

        @SuppressWarnings("unchecked")
        private U valueLocked() {
            return (U) outcome;
        }

        private U outcomeLocked() {
            return switch (state) {
                case SUCCEEDED -> valueLocked();
                case FAILED, CANCELLED -> throw rethrow((Throwable) outcome);
                case RUNNING -> throw new IllegalStateException(describe() + " is still running");
            };
        }
    }
}
