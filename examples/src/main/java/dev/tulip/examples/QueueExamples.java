package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Key;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.async.AsyncQueue;
import dev.tulip.async.QueueClosedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One queue for blocking and asynchronous code (docs/guide/janus-queue.md). */
public final class QueueExamples {
    /** The worker thread, a resource of the app. */
    public static final Key<Thread> WORKER = Key.of("job worker", Thread.class);

    private QueueExamples() {}

    /** The guide's app: a non-blocking handler queues jobs that a plain thread works through. */
    public static Tulip app(Consumer<Config.Builder> config, List<String> done) {
        var app = Tulip.create(config);
        // tag::queue-app[]
        var jobs = new AsyncQueue<String>(100);

        // The event loop side: putAsync holds no thread; the response waits while the queue is full.
        app.post("/jobs", Handler.nonBlocking(req -> jobs.putAsync(req.text()).thenApply(queued -> Response.of(202))));

        // The blocking side: a plain thread takes jobs until the queue is closed and empty.
        app.resource(
                WORKER,
                ctx -> Thread.ofPlatform().name("job-worker").start(() -> {
                    try {
                        while (true) done.add(jobs.take().toUpperCase());
                    } catch (QueueClosedException | InterruptedException end) {
                        // closed: every job queued before was done
                    }
                }),
                worker -> {
                    jobs.close(); // no more puts; the worker finishes what is queued
                    worker.join();
                });
        // end::queue-app[]
        return app;
    }

    /** The guide's plain-code example: a plain thread produces, asynchronous code consumes. */
    public static List<Integer> squares(int n) throws Exception {
        // tag::queue-plain[]
        var numbers = new AsyncQueue<Integer>(8); // the producer waits when 8 are not yet taken
        var squares = new CopyOnWriteArrayList<Integer>();

        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 1; i <= n; i++) numbers.put(i, Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                numbers.close();
            }
        });

        var consumed = new CompletableFuture<Void>();
        consume(numbers, squares, consumed); // takes with futures, holding no thread while it waits
        consumed.get(10, TimeUnit.SECONDS);
        producer.join();
        // end::queue-plain[]
        return List.copyOf(squares);
    }

    // tag::queue-consume[]
    static void consume(AsyncQueue<Integer> numbers, List<Integer> squares, CompletableFuture<Void> done) {
        numbers.takeAsync().whenCompleteAsync((i, failure) -> {
            if (failure instanceof QueueClosedException) done.complete(null); // closed and empty
            else if (failure != null) done.completeExceptionally(failure);
            else {
                squares.add(i * i);
                consume(numbers, squares, done); // the next take, once this one is handled
            }
        });
    }
    // end::queue-consume[]
}
