package dev.tulip.async;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Remembers what a loader computed for each key, and shares a computation still running: callers
 * that ask for a key while it is being loaded wait for that one load instead of starting their
 * own, so a key is computed once however many callers arrive together.
 *
 * <p>A failed load is not remembered: its waiters get the failure and the next caller loads
 * again. With {@link Options#expireAfter} a value is loaded again once it is that old; with
 * {@link Options#maxSize} the least recently used keys are forgotten past that many. Expired
 * values are dropped when their key is asked for again or pushed out by the size bound.
 *
 * @param <K> the key; its {@code equals} and {@code hashCode} decide what is shared
 * @param <V> the value
 */
public final class Memo<K, V> {

    /**
     * Computes the value of a key, blocking; it runs on a virtual thread of its own.
     *
     * @param <K> the key
     * @param <V> the value
     */
    @FunctionalInterface
    public interface Loader<K, V> {
        /** The value of {@code key}; an exception is passed to the callers waiting for it. */
        V load(K key) throws Exception;
    }

    /** How long values last and how many are kept; set in {@link Memo#of(Loader, Consumer)}. */
    public static final class Options {
        private Duration expireAfter;
        private int maxSize = Integer.MAX_VALUE;
        private InstantSource clock = InstantSource.system();

        private Options() {}

        /** Loads a value again once it is {@code age} old (counted from the end of its load); default: never. */
        public Options expireAfter(Duration age) {
            if (age == null || age.isNegative() || age.isZero())
                throw new IllegalArgumentException("expireAfter must be positive, got " + age);
            this.expireAfter = age;
            return this;
        }

        /** Keeps at most {@code n} keys, forgetting the least recently used; default: no bound. */
        public Options maxSize(int n) {
            if (n < 1) throw new IllegalArgumentException("maxSize must be at least 1, got " + n);
            this.maxSize = n;
            return this;
        }

        /** The clock {@link #expireAfter} is measured on; for tests. Default: the system clock. */
        public Options clock(InstantSource clock) {
            if (clock == null) throw new IllegalArgumentException("clock must not be null");
            this.clock = clock;
            return this;
        }
    }

    private static final class Slot<V> {
        final CompletableFuture<V> value = new CompletableFuture<>();
        volatile long expiresAt = Long.MAX_VALUE; // epoch millis on the memo's clock, once loaded
    }

    private final Function<? super K, ? extends CompletionStage<? extends V>> loader;
    private final long expireMillis; // 0: never
    private final InstantSource clock;
    // without maxSize: a concurrent map, so that hits take no lock
    private final ConcurrentHashMap<K, Slot<V>> unbounded;
    // with maxSize: a map in access order, guarded by lock, that drops its eldest entry past the bound
    private final LinkedHashMap<K, Slot<V>> lru;
    private final ReentrantLock lock = new ReentrantLock();

    private Memo(Function<? super K, ? extends CompletionStage<? extends V>> loader, Consumer<Options> configure) {
        if (loader == null) throw new IllegalArgumentException("a memo needs a loader");
        var o = new Options();
        configure.accept(o);
        this.loader = loader;
        this.expireMillis = o.expireAfter == null ? 0 : Math.max(1, o.expireAfter.toMillis());
        this.clock = o.clock;
        int maxSize = o.maxSize;
        this.unbounded = maxSize == Integer.MAX_VALUE ? new ConcurrentHashMap<>() : null;
        this.lru = unbounded != null
                ? null
                : new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<K, Slot<V>> eldest) {
                        return size() > maxSize;
                    }
                };
    }

    /** A memo of a blocking loader, with no expiry and no size bound. */
    public static <K, V> Memo<K, V> of(Loader<? super K, ? extends V> loader) {
        return of(loader, o -> {});
    }

    /** A memo of a blocking loader: {@code Memo.of(users::find, o -> o.expireAfter(Duration.ofMinutes(5)))}. */
    public static <K, V> Memo<K, V> of(Loader<? super K, ? extends V> loader, Consumer<Options> options) {
        if (loader == null) throw new IllegalArgumentException("a memo needs a loader");
        return new Memo<>(key -> onVirtualThread(loader, key), options);
    }

    /** A memo of a loader for code that does not block: it returns a stage and must not block. */
    public static <K, V> Memo<K, V> ofAsync(Function<? super K, ? extends CompletionStage<? extends V>> loader) {
        return ofAsync(loader, o -> {});
    }

    /** {@link #ofAsync(Function)} with options. */
    public static <K, V> Memo<K, V> ofAsync(
            Function<? super K, ? extends CompletionStage<? extends V>> loader, Consumer<Options> options) {
        return new Memo<>(loader, options);
    }

    /**
     * The value of {@code key}, waiting for its load if it is not known yet. The wait has no
     * deadline of its own, because the load is shared and its own calls carry theirs; use
     * {@link #get(Object, Duration)} to bound this caller's wait.
     *
     * @throws TaskFailedException if the load threw a checked exception; unchecked ones come as they are
     * @throws CancellationException if the waiting thread is interrupted (the load goes on for the others)
     */
    public V get(K key) {
        try {
            return shared(key).get();
        } catch (InterruptedException e) {
            throw interrupted(key);
        } catch (ExecutionException e) {
            throw failure(key, e.getCause());
        }
    }

    /**
     * The value of {@code key}, waiting at most {@code deadline} for its load. A caller that
     * gives up does not stop the load: the others still get its value, and so does the next call.
     *
     * @throws DeadlineExceededException if the load has not finished within {@code deadline}
     * @throws TaskFailedException if the load threw a checked exception; unchecked ones come as they are
     * @throws CancellationException if the waiting thread is interrupted
     */
    public V get(K key, Duration deadline) {
        try {
            return shared(key).get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new DeadlineExceededException("the memo's load of " + key, deadline);
        } catch (InterruptedException e) {
            throw interrupted(key);
        } catch (ExecutionException e) {
            throw failure(key, e.getCause());
        }
    }

    /**
     * A future of the value of {@code key}, for code that does not block. Each caller gets its
     * own future: cancelling it, or bounding it with {@link Tasks#withDeadline(CompletionStage,
     * Duration)}, leaves the shared load running for the others.
     */
    public CompletableFuture<V> getAsync(K key) {
        return shared(key).copy();
    }

    /** Forgets {@code key}: the next call loads it again. A load still running finishes for its waiters only. */
    public void invalidate(K key) {
        if (unbounded != null) {
            unbounded.remove(key);
            return;
        }
        lock.lock();
        try {
            lru.remove(key);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every key. */
    public void invalidateAll() {
        if (unbounded != null) {
            unbounded.clear();
            return;
        }
        lock.lock();
        try {
            lru.clear();
        } finally {
            lock.unlock();
        }
    }

    /** How many keys are remembered or being loaded, expired ones not yet dropped included. */
    public int size() {
        if (unbounded != null) return unbounded.size();
        lock.lock();
        try {
            return lru.size();
        } finally {
            lock.unlock();
        }
    }

    private CompletableFuture<V> shared(K key) {
        if (key == null) throw new IllegalArgumentException("a memo's key must not be null");
        Slot<V> entry;
        if (unbounded != null) {
            entry = unbounded.get(key); // a hit takes no lock
            if (entry != null && fresh(entry)) return entry.value;
        }
        var created = new Slot<V>();
        if (unbounded != null) {
            entry = unbounded.compute(key, (k, old) -> old != null && fresh(old) ? old : created);
        } else {
            lock.lock();
            try {
                entry = lru.get(key);
                if (entry == null || !fresh(entry)) lru.put(key, entry = created);
            } finally {
                lock.unlock();
            }
        }
        if (entry == created) load(key, entry);
        return entry.value;
    }

    private boolean fresh(Slot<V> entry) {
        return expireMillis == 0 || entry.expiresAt > clock.millis();
    }

    private void load(K key, Slot<V> entry) {
        CompletionStage<? extends V> stage;
        try {
            stage = loader.apply(key);
        } catch (Throwable t) {
            stage = CompletableFuture.failedFuture(t);
        }
        stage.whenComplete((v, error) -> {
            if (error == null) {
                if (expireMillis != 0) entry.expiresAt = clock.millis() + expireMillis;
                entry.value.complete(v);
            } else {
                forget(key, entry); // before the waiters hear of it, so that a retry loads again
                entry.value.completeExceptionally(
                        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
    }

    private void forget(K key, Slot<V> entry) {
        if (unbounded != null) {
            unbounded.remove(key, entry);
            return;
        }
        lock.lock();
        try {
            lru.remove(key, entry);
        } finally {
            lock.unlock();
        }
    }

    private static <K, V> CompletableFuture<V> onVirtualThread(Loader<? super K, ? extends V> loader, K key) {
        CompletableFuture<V> f = new CompletableFuture<>();
        Thread.ofVirtual().name("memo-load").start(() -> {
            try {
                f.complete(loader.load(key));
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    private CancellationException interrupted(K key) {
        Thread.currentThread().interrupt();
        return new CancellationException("waiting for the memo's load of " + key
                + " was cancelled: the thread was interrupted (the load goes on for the other callers)");
    }

    private RuntimeException failure(K key, Throwable cause) {
        return TaskScope.rethrow(TaskScope.unwrap("the memo's load of " + key, cause));
    }
}
