package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.async.Bridge;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A loop in its own thread: synchronous code using asynchronous APIs (docs/guide/loop-in-a-thread.md). */
public final class BridgeExamples {
    private BridgeExamples() {}

    /** A stand-in for an asynchronous client: a price arrives later, on another thread. */
    public static final class Prices {
        private final long delayMillis;

        /** Prices that take {@code delayMillis} to arrive. */
        public Prices(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        /** The price of {@code symbol}, later. */
        public CompletionStage<Double> quote(String symbol) {
            return CompletableFuture.supplyAsync(
                    () -> symbol.length() * 10.0,
                    CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
        }
    }

    /** The guide's first example: a batch job waiting for one asynchronous result. */
    public static double oneQuote(Prices prices) {
        // tag::bridge-await[]
        // In a main or a batch job: wait for the stage, at most two seconds. When the time runs out
        // the stage is cancelled and DeadlineExceededException is thrown.
        double acme = Bridge.await(prices.quote("ACME"), Duration.ofSeconds(2));
        // end::bridge-await[]
        return acme;
    }

    /** The guide's second example: a loop of its own that owns some state, fed by plain code. */
    public static Map<String, Double> portfolio(Prices prices, String... symbols) {
        // tag::bridge-loop[]
        try (var bridge = Bridge.start()) { // one event-loop thread, ended by close
            Map<String, Double> book = new HashMap<>(); // touched only on the bridge's thread: no lock
            for (String symbol : symbols) {
                // Each task runs on the loop and returns a stage; callAsync waits for it with a deadline.
                bridge.callAsync(
                        () -> prices.quote(symbol).thenAccept(price -> book.put(symbol, price)), Duration.ofSeconds(2));
            }
            return bridge.call(() -> Map.copyOf(book), Duration.ofSeconds(1));
        }
        // end::bridge-loop[]
    }

    /** The guide's handler: a blocking handler waiting for an asynchronous call with a deadline. */
    public static Tulip app(Consumer<Config.Builder> config, Prices prices) {
        var app = Tulip.create(config);
        // tag::bridge-handler[]
        // A plain handler runs on a virtual thread, so it may wait; on an event loop await refuses.
        app.get("/quote/{symbol}", req -> Bridge.await(prices.quote(req.pathParam("symbol")), Duration.ofMillis(500)));
        // end::bridge-handler[]
        return app;
    }
}
