package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.async.Background;
import dev.tulip.async.Background.Restart;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Background tasks: a cache refreshed on a period and a queue consumer, both owned by the app. */
public final class BackgroundExamples {
    private BackgroundExamples() {}

    /** A stand-in for exchange rates fetched from elsewhere. */
    public static final class Rates {
        private final AtomicInteger refreshes = new AtomicInteger();
        private volatile Map<String, Double> current = Map.of();

        /** Fetches the rates again. */
        public void refresh() {
            current = Map.of("EUR", 1.0, "USD", 1.08);
            refreshes.incrementAndGet();
        }

        /** The rates of the last refresh. */
        public Map<String, Double> current() {
            return current;
        }

        /** How many times {@link #refresh} ran. */
        public int refreshes() {
            return refreshes.get();
        }
    }

    /** A stand-in for a mailer that sends what is queued, until it is interrupted. */
    public static final class Mailer {
        private final BlockingQueue<String> outbox = new LinkedBlockingQueue<>();
        private final AtomicInteger sent = new AtomicInteger();
        private volatile boolean stopped;

        /** Queues a mail. */
        public void queue(String to) {
            outbox.add(to);
        }

        /** Sends queued mail forever; returns by throwing {@link InterruptedException} when interrupted. */
        public void sendForever() throws InterruptedException {
            try {
                while (true) {
                    outbox.take();
                    sent.incrementAndGet();
                }
            } finally {
                stopped = true;
            }
        }

        /** How many mails were sent. */
        public int sent() {
            return sent.get();
        }

        /** Whether {@link #sendForever} has returned. */
        public boolean stopped() {
            return stopped;
        }
    }

    /** The {@link Background} javadoc's example. */
    public static Tulip javadoc(Consumer<Config.Builder> config, Rates rates, Mailer mailer) {
        var app = Tulip.create(config);
        // tag::background-javadoc[]
        var bg = Background.create();
        bg.every(Duration.ofMinutes(1), "refresh rates", rates::refresh);
        bg.run("mailer", Restart.withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), mailer::sendForever);
        app.install(bg);
        // end::background-javadoc[]
        return app;
    }

    /** The guide's example. */
    public static Tulip guide(Consumer<Config.Builder> config, Rates rates, Mailer mailer) {
        var app = Tulip.create(config);
        // tag::guide-background[]
        var bg = Background.create(s -> s.stopTimeout(Duration.ofSeconds(2)));
        bg.every(Duration.ofSeconds(30), "refresh rates", rates::refresh); // at start, then 30 s after each run
        bg.run("mailer", Restart.withBackoff(Duration.ofSeconds(1), Duration.ofMinutes(1)), mailer::sendForever);
        app.install(bg);

        app.get("/rates", req -> rates.current());
        app.post("/invite/{email}", req -> {
            mailer.queue(req.pathParam("email"));
            return "queued";
        });
        // end::guide-background[]
        return app;
    }
}
