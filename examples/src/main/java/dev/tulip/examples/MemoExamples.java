package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.async.Memo;
import dev.tulip.async.Tasks;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Memoising: one shared load per key, expiry, a size bound, invalidation. */
public final class MemoExamples {
    private MemoExamples() {}

    /** A stand-in for a slow exchange-rate service; counts its calls. */
    public static final class Fx {
        private final AtomicInteger calls = new AtomicInteger();
        private volatile BigDecimal eur = new BigDecimal("1.08");

        /** The rate of {@code currency} to the dollar. */
        public BigDecimal rate(String currency) {
            calls.incrementAndGet();
            return switch (currency) {
                case "EUR" -> eur;
                case "GBP" -> new BigDecimal("1.27");
                default -> throw new IllegalArgumentException("unknown currency " + currency);
            };
        }

        /** {@link #rate} for code that does not block. */
        public CompletableFuture<BigDecimal> rateAsync(String currency) {
            return CompletableFuture.completedFuture(rate(currency));
        }

        /** Changes the euro's rate. */
        public void updateEur(BigDecimal rate) {
            eur = rate;
        }

        /** How many times a rate was asked for. */
        public int calls() {
            return calls.get();
        }
    }

    /** The guide's app: rates memoised for the whole app, on a virtual thread and on the event loop. */
    public static Tulip app(Consumer<Config.Builder> config, Fx fx) {
        var app = Tulip.create(config);
        // tag::memo-handler[]
        Memo<String, BigDecimal> rates =
                Memo.of(fx::rate, o -> o.expireAfter(Duration.ofMinutes(5)).maxSize(1_000));
        app.get("/rates/{currency}", req -> rates.get(req.pathParam("currency"))); // one fx call per currency
        // end::memo-handler[]
        // tag::memo-invalidate[]
        app.put("/rates/EUR", req -> {
            fx.updateEur(new BigDecimal(req.text()));
            rates.invalidate("EUR"); // the next GET loads the new rate
            return Response.noContent();
        });
        // end::memo-invalidate[]
        // tag::memo-async[]
        Memo<String, BigDecimal> asyncRates = Memo.ofAsync(fx::rateAsync, o -> o.expireAfter(Duration.ofMinutes(5)));
        app.get("/async-rates/{currency}", Handler.nonBlocking(req -> {
            var rate = asyncRates.getAsync(req.pathParam("currency")); // this caller's own future
            return Tasks.withDeadline(rate, Duration.ofSeconds(1)).thenApply(r -> Map.of("rate", r));
        }));
        // end::memo-async[]
        return app;
    }

    /** A memo in plain code: returns the euro's rate, asked twice and loaded once. */
    public static BigDecimal plain(Fx fx) {
        // tag::memo-plain[]
        Memo<String, BigDecimal> rates = Memo.of(fx::rate);
        BigDecimal first = rates.get("EUR"); // loads
        BigDecimal again = rates.get("EUR"); // remembered: no second call
        BigDecimal bounded = rates.get("GBP", Duration.ofSeconds(1)); // this caller waits at most 1s
        // end::memo-plain[]
        return first.equals(again) && bounded.signum() > 0 ? again : null;
    }
}
