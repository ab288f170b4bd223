package dev.tulip.async;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
 * What running three trivial tasks together costs: {@link Tasks#all} (a scope, a virtual thread
 * per task, the joins) against the same with plain {@link CompletableFuture}s on a
 * virtual-thread-per-task executor, which has no deadline and leaves a failed sibling running.
 * The tasks do nothing, so this is the overhead alone. Run with bench/jmh.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
public class TasksBenchmark {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private ExecutorService virtualThreads;

    @Setup
    public void setup() {
        virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    }

    @TearDown
    public void tearDown() {
        virtualThreads.close();
    }

    /** Three tasks through Tasks.all, results in order. */
    @Benchmark
    public List<Integer> tasksAll() {
        return Tasks.all(DEADLINE, () -> 1, () -> 2, () -> 3);
    }

    /** The same three tasks as CompletableFutures on virtual threads, joined in order. */
    @Benchmark
    public List<Integer> completableFutureAll() {
        var a = CompletableFuture.supplyAsync(() -> 1, virtualThreads);
        var b = CompletableFuture.supplyAsync(() -> 2, virtualThreads);
        var c = CompletableFuture.supplyAsync(() -> 3, virtualThreads);
        CompletableFuture.allOf(a, b, c).join();
        return List.of(a.join(), b.join(), c.join());
    }

    /** Tasks.allOf over three completed stages: the bookkeeping of the asynchronous form alone. */
    @Benchmark
    public List<Integer> tasksAllOfCompletedStages() {
        return Tasks.allOf(List.of(
                        CompletableFuture.completedFuture(1),
                        CompletableFuture.completedFuture(2),
                        CompletableFuture.completedFuture(3)))
                .join();
    }

    /** CompletableFuture.allOf over the same three completed stages. */
    @Benchmark
    public List<Integer> completableFutureAllOfCompletedStages() {
        var a = CompletableFuture.completedFuture(1);
        var b = CompletableFuture.completedFuture(2);
        var c = CompletableFuture.completedFuture(3);
        return CompletableFuture.allOf(a, b, c)
                .thenApply(v -> List.of(a.join(), b.join(), c.join()))
                .join();
    }
}
