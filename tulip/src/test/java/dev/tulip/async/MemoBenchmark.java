package dev.tulip.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link Memo#get} on a hit and on a miss, against the plain code that shares loads the same
 * way: a {@link ConcurrentHashMap} of {@link CompletableFuture}s filled with
 * {@code computeIfAbsent} (no expiry, no size bound, failures kept unless removed by hand). A
 * miss runs the loader on a virtual thread in both; the memo keeps at most {@link #KEYS} keys,
 * and the map drops its oldest key on each miss so it stays that size too. Run with bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class MemoBenchmark {
    static final int KEYS = 1024;
    private ExecutorService virtualThreads;
    private Memo<Integer, Integer> memo;
    private Memo<Integer, Integer> bounded;
    private Memo<Integer, Integer> asyncMemo;
    private ConcurrentHashMap<Integer, CompletableFuture<Integer>> map;
    private ConcurrentHashMap<Integer, CompletableFuture<Integer>> missMap;
    private int next;

    @Setup
    public void setup() {
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
        memo = Memo.of(k -> k * 2);
        bounded = Memo.of(k -> k * 2, o -> o.maxSize(KEYS));
        asyncMemo = Memo.ofAsync(k -> CompletableFuture.completedFuture(k * 2), o -> o.maxSize(KEYS));
        map = new ConcurrentHashMap<>();
        missMap = new ConcurrentHashMap<>();
        for (int k = 0; k < KEYS; k++) {
            memo.get(k);
            bounded.get(k);
            int key = k;
            map.computeIfAbsent(k, x -> CompletableFuture.supplyAsync(() -> key * 2, virtualThreads))
                    .join();
        }
    }

    @TearDown
    public void tearDown() {
        virtualThreads.close();
    }

    private int key() {
        return next++ & (KEYS - 1);
    }

    /** A key already loaded. */
    @Benchmark
    public Integer memoHit() {
        return memo.get(key());
    }

    /** A key already loaded, in a memo with a size bound (a lock and an LRU update per call). */
    @Benchmark
    public Integer memoHitBounded() {
        return bounded.get(key());
    }

    /** A key already loaded, from the map of futures. */
    @Benchmark
    public Integer completableFutureMapHit() {
        return map.get(key()).join();
    }

    /** A key never seen: a load on a new virtual thread, and the least recently used key dropped. */
    @Benchmark
    public Integer memoMiss() {
        return bounded.get(KEYS + next++);
    }

    /** A key never seen, through the map: a load on a new virtual thread, and the oldest key dropped. */
    @Benchmark
    public Integer completableFutureMapMiss() {
        int k = next++;
        Integer v = missMap.computeIfAbsent(k, x -> CompletableFuture.supplyAsync(() -> k * 2, virtualThreads))
                .join();
        missMap.remove(k - KEYS); // the oldest key: keys only grow
        return v;
    }

    /** A miss with a loader that returns a completed stage: the memo's bookkeeping alone. */
    @Benchmark
    public Integer memoMissCompletedStage() {
        return asyncMemo.getAsync(KEYS + next++).join();
    }

    /** The same miss through the map of futures. */
    @Benchmark
    public Integer completableFutureMapMissCompletedStage() {
        int k = next++;
        Integer v = missMap.computeIfAbsent(k, x -> CompletableFuture.completedFuture(k * 2))
                .join();
        missMap.remove(k - KEYS); // the oldest key: keys only grow
        return v;
    }
}
