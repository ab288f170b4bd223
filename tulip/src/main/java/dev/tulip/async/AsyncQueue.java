package dev.tulip.async;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded first-in first-out queue shared by plain threads and asynchronous code at once: a
 * batch thread can {@link #put} what a non-blocking handler {@link #takeAsync takes}, and the
 * reverse.
 *
 * <p>The blocking forms ({@link #put}, {@link #take}) wait on the calling thread and are for
 * virtual threads and plain threads; on an event loop they throw instead of stalling it. The
 * asynchronous forms ({@link #putAsync}, {@link #takeAsync}) hold no thread: the future completes
 * when there is room or an item. A full queue makes producers wait (back-pressure), an empty one
 * consumers; waiters of either kind are served in the order they came, blocking and asynchronous
 * alike.
 *
 * <p>{@link #close()} stops the puts: a put after it, and every put still waiting, fails with
 * {@link QueueClosedException}. Takers still get the items already queued, then the same
 * exception. Cancelling (or completing) a pending {@link #putAsync} or {@link #takeAsync} future
 * withdraws its waiter: a cancelled put adds nothing, a cancelled take takes nothing. A future
 * whose waiter was already served cannot be cancelled, so an item is never lost between them.
 *
 * <p>Items may not be {@code null}. All methods are thread-safe.
 *
 * @param <T> the items
 */
public final class AsyncQueue<T> implements AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private final int capacity;
    private final ArrayDeque<T> items;
    /** Takers waiting, oldest first; there are some only while {@link #items} is empty. */
    private final ArrayDeque<Waiter> takers = new ArrayDeque<>();
    /** Putters waiting, oldest first; there are some only while {@link #items} is full. */
    private final ArrayDeque<Waiter> putters = new ArrayDeque<>();

    private boolean closed;

    /** A queue that holds at most {@code capacity} items (at least one). */
    public AsyncQueue(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    // ---- plain threads -------------------------------------------------------------------------

    /**
     * Adds {@code item}, waiting while the queue is full, for as long as it takes: until there is
     * room or the queue is closed ({@link QueueClosedException}).
     */
    public void put(T item) throws InterruptedException {
        putBlocking(item, null);
    }

    /**
     * Adds {@code item}, waiting at most {@code timeout} for room; then throws {@link
     * DeadlineExceededException} and the item is not added.
     */
    public void put(T item, Duration timeout) throws InterruptedException {
        putBlocking(item, Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * Removes the oldest item, waiting while the queue is empty, for as long as it takes: until an
     * item comes or the queue is closed and empty ({@link QueueClosedException}).
     */
    public T take() throws InterruptedException {
        return takeBlocking(null);
    }

    /**
     * Removes the oldest item, waiting at most {@code timeout} for one; then throws {@link
     * DeadlineExceededException}.
     */
    public T take(Duration timeout) throws InterruptedException {
        return takeBlocking(Objects.requireNonNull(timeout, "timeout"));
    }

    // ---- asynchronous code ---------------------------------------------------------------------

    /**
     * Adds {@code item} when there is room: the future completes once it is queued, or fails with
     * {@link QueueClosedException}. Cancel it to give up; the item is then not added.
     */
    public CompletableFuture<Void> putAsync(T item) {
        Objects.requireNonNull(item, "item");
        Waiter taker;
        lock.lock();
        try {
            if (closed) return CompletableFuture.failedFuture(new QueueClosedException("put"));
            taker = takers.poll();
            if (taker == null) {
                if (items.size() < capacity) {
                    items.add(item);
                    return CompletableFuture.completedFuture(null);
                }
                var putter = new Waiter(false, item, null);
                putters.add(putter);
                return new Pending<Void>(putter);
            }
            taker.settle(item);
        } finally {
            lock.unlock();
        }
        deliver(taker);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Removes the oldest item when there is one: the future completes with it, or fails with
     * {@link QueueClosedException} once the queue is closed and empty. Cancel it to give up; no
     * item is then taken.
     */
    public CompletableFuture<T> takeAsync() {
        T item;
        Waiter putter;
        lock.lock();
        try {
            item = items.poll();
            if (item == null) {
                if (closed) return CompletableFuture.failedFuture(new QueueClosedException("take"));
                var taker = new Waiter(true, null, null);
                takers.add(taker);
                return new Pending<T>(taker);
            }
            putter = admitPutter();
        } finally {
            lock.unlock();
        }
        deliver(putter);
        return CompletableFuture.completedFuture(item);
    }

    // ---- without waiting -----------------------------------------------------------------------

    /**
     * Adds {@code item} if there is room now, and says whether it did; throws {@link
     * QueueClosedException} once closed.
     */
    public boolean offer(T item) {
        Objects.requireNonNull(item, "item");
        Waiter taker;
        lock.lock();
        try {
            if (closed) throw new QueueClosedException("put");
            taker = takers.poll();
            if (taker == null) {
                if (items.size() == capacity) return false;
                items.add(item);
                return true;
            }
            taker.settle(item);
        } finally {
            lock.unlock();
        }
        deliver(taker);
        return true;
    }

    /** Removes the oldest item if there is one now (also after close, until the queue is empty). */
    public Optional<T> poll() {
        T item;
        Waiter putter;
        lock.lock();
        try {
            item = items.poll();
            if (item == null) return Optional.empty();
            putter = admitPutter();
        } finally {
            lock.unlock();
        }
        deliver(putter);
        return Optional.of(item);
    }

    // ---- state ---------------------------------------------------------------------------------

    /** How many items are queued now. */
    public int size() {
        lock.lock();
        try {
            return items.size();
        } finally {
            lock.unlock();
        }
    }

    /** How many items the queue holds at most. */
    public int capacity() {
        return capacity;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Closes the queue: no more puts, and every waiting putter and taker fails with {@link
     * QueueClosedException} (takers are waiting only when nothing is queued). What is queued can
     * still be taken. Closing again does nothing.
     */
    @Override
    public void close() {
        ArrayDeque<Waiter> refused = new ArrayDeque<>();
        lock.lock();
        try {
            if (closed) return;
            closed = true;
            for (Waiter w; (w = putters.poll()) != null; refused.add(w)) w.refuse();
            for (Waiter w; (w = takers.poll()) != null; refused.add(w)) w.refuse();
        } finally {
            lock.unlock();
        }
        refused.forEach(this::deliver);
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "AsyncQueue[" + items.size() + "/" + capacity + (closed ? ", closed]" : "]");
        } finally {
            lock.unlock();
        }
    }

    // ---- machinery -----------------------------------------------------------------------------

    private void putBlocking(T item, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(item, "item");
        WorkersGuard.refuseOnEventLoop("AsyncQueue.put", "use putAsync or offer");
        Waiter taker;
        lock.lockInterruptibly();
        try {
            if (closed) throw new QueueClosedException("put");
            taker = takers.poll();
            if (taker == null) {
                if (items.size() < capacity) {
                    items.add(item);
                    return;
                }
                var putter = new Waiter(false, item, lock.newCondition());
                putters.add(putter);
                await(putter, timeout, "put");
                return;
            }
            taker.settle(item);
        } finally {
            lock.unlock();
        }
        deliver(taker);
    }

    private T takeBlocking(Duration timeout) throws InterruptedException {
        WorkersGuard.refuseOnEventLoop("AsyncQueue.take", "use takeAsync or poll");
        T item;
        Waiter putter;
        lock.lockInterruptibly();
        try {
            item = items.poll();
            if (item == null) {
                if (closed) throw new QueueClosedException("take");
                var taker = new Waiter(true, null, lock.newCondition());
                takers.add(taker);
                await(taker, timeout, "take");
                return taker.item;
            }
            putter = admitPutter();
        } finally {
            lock.unlock();
        }
        deliver(putter);
        return item;
    }

    /** Under the lock: waits until {@code w} is settled, withdrawing it on timeout or interrupt. */
    private void await(Waiter w, Duration timeout, String what) throws InterruptedException {
        long nanos = timeout == null ? 0 : timeout.toNanos();
        try {
            while (!w.settled) {
                if (timeout == null) {
                    w.wakeUp.await();
                } else if (nanos <= 0) {
                    withdrawLocked(w);
                    throw new DeadlineExceededException("AsyncQueue." + what, timeout);
                } else {
                    nanos = w.wakeUp.awaitNanos(nanos);
                }
            }
        } catch (InterruptedException e) {
            if (!w.settled) {
                withdrawLocked(w);
                throw e;
            }
            Thread.currentThread().interrupt(); // served meanwhile: keep the outcome and the interrupt
        }
        if (w.refused) throw new QueueClosedException(what);
    }

    /** Under the lock, after an item was taken: the oldest waiting putter's item takes its place. */
    private Waiter admitPutter() {
        Waiter putter = putters.poll();
        if (putter != null) {
            items.add(putter.item);
            putter.settle(null);
        }
        return putter;
    }

    /** Completes an asynchronous waiter that was settled under the lock; outside it, so no callback runs under it. */
    @SuppressWarnings("unchecked")
    private void deliver(Waiter w) {
        if (w == null || w.future == null) return;
        if (w.refused) w.future.fail(new QueueClosedException(w.taker ? "take" : "put"));
        else ((Pending<Object>) w.future).succeed(w.taker ? w.item : null);
    }

    private boolean withdraw(Waiter w) {
        lock.lock();
        try {
            return withdrawLocked(w);
        } finally {
            lock.unlock();
        }
    }

    /** Removes {@code w} from its line unless it was served; says whether it was removed. */
    private boolean withdrawLocked(Waiter w) {
        if (w.settled) return false;
        w.settled = true;
        (w.taker ? takers : putters).remove(w);
        return true;
    }

    /** One waiting put or take; its fields change under the lock. */
    private final class Waiter {
        final boolean taker;
        /** The item a putter brings, or the one a taker was given. */
        T item;
        /** The blocking waiter's own condition, so a hand-off wakes exactly it; {@code null} if asynchronous. */
        final Condition wakeUp;
        /** The asynchronous waiter's future; {@code null} if blocking. */
        Pending<?> future;

        boolean settled;
        boolean refused;

        Waiter(boolean taker, T item, Condition wakeUp) {
            this.taker = taker;
            this.item = item;
            this.wakeUp = wakeUp;
        }

        void settle(T given) {
            if (taker) item = given;
            settled = true;
            if (wakeUp != null) wakeUp.signal();
        }

        void refuse() {
            refused = true;
            settle(null);
        }
    }

    /**
     * The future of an asynchronous waiter. Completing it from outside (cancel, complete,
     * completeExceptionally, orTimeout) first withdraws the waiter, and fails if it was served, so
     * an item is never handed to a future that was cancelled.
     */
    private final class Pending<R> extends CompletableFuture<R> {
        private final Waiter waiter;

        Pending(Waiter waiter) {
            this.waiter = waiter;
            waiter.future = this;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return withdraw(waiter) && super.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean complete(R value) {
            return withdraw(waiter) && super.complete(value);
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return withdraw(waiter) && super.completeExceptionally(failure);
        }

        void succeed(R value) {
            super.complete(value);
        }

        void fail(Throwable failure) {
            super.completeExceptionally(failure);
        }
    }
}
