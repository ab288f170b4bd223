package dev.tulip.examples;

import dev.tulip.Key;
import dev.tulip.Tulip;
import dev.tulip.async.Background;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Graceful shutdown: what runs, in which order, when an app stops. */
public final class ShutdownExamples {
    private ShutdownExamples() {}

    /** A stand-in for a connection pool that records its close. */
    public record Pool(List<String> log) implements AutoCloseable {
        @Override
        public void close() {
            log.add("pool closed");
        }
    }

    /** The guide's app; {@code log} receives each step as it runs. */
    public static Tulip guide(int port, List<String> log) {
        // tag::guide-shutdown[]
        var app =
                Tulip.create(cfg -> cfg.port(port).drainTimeout(Duration.ofSeconds(10))); // in-flight requests get 10 s
        app.resource(Key.of("pool", Pool.class), ctx -> new Pool(log), Pool::close); // closes after the drain
        var bg = Background.create();
        bg.run("poller", () -> {
            try {
                Thread.sleep(Duration.ofDays(1));
            } finally {
                log.add("poller interrupted"); // at the start of the drain
            }
        });
        app.install(bg);
        app.onBeforeStop(ctx -> log.add("before stop")); // still serving in-flight requests
        app.onAfterStop(ctx -> log.add("after stop")); // drained; resources still open
        app.get("/slow", req -> {
            Thread.sleep(500);
            log.add("slow request finished");
            return "done";
        });
        // end::guide-shutdown[]
        return app;
    }

    /** The guide's main: serve until SIGTERM, drain, exit 0 (clean), 1 (cut or failed) or 2 (bad config). */
    // tag::guide-shutdown-main[]
    public static void main(String[] args) {
        guide(8080, new CopyOnWriteArrayList<>()).run(args); // --port 9000 or TULIP_PORT=9000 override it
    }
    // end::guide-shutdown-main[]
}
