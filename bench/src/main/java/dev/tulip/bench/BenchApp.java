package dev.tulip.bench;

import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.async.Watchdog;
import dev.tulip.pg.PgConfig;

/**
 * The TechEmpower test types on Tulip, for {@code bench/server.sh}. {@code BENCH_MODE} (set by
 * {@code server.sh} from the harness's {@code TULIP_BENCH_MODE}) chooses where handlers run:
 * {@code virtual} (the default a user gets: each request on a virtual thread) or {@code loop}
 * (inline on the event loop, {@link Handler#nonBlocking}). {@code HOST} and {@code PORT} come from
 * the harness.
 */
public final class BenchApp {
    /** The {@code /json} message, serialised per request as the rules require. */
    public record Message(String message) {}

    /** TechEmpower's database, as {@code ../shared/bench/pg-setup.sh} creates it. */
    static final String DEFAULT_DB = "postgres://benchmarkdbuser:benchmarkdbpass@127.0.0.1:5432/hello_world";

    private BenchApp() {}

    public static Tulip create(String host, int port, boolean onLoop) {
        Tulip app = Tulip.create(cfg -> cfg.host(host).port(port));
        // BENCH_WATCHDOG=on measures what the watchdog costs
        if (env("BENCH_WATCHDOG", "off").equals("on")) app.install(Watchdog.create());
        app.get("/plaintext", mode(onLoop, req -> Response.text("Hello, World!")));
        app.get("/json", mode(onLoop, req -> new Message("Hello, World!")));
        // the database test types; PG_LOOPS=separate puts the client on Vert.x's own loops (a hop per query)
        DbTests.install(
                app,
                onLoop,
                env("DATABASE_URL", DEFAULT_DB),
                Integer.parseInt(env("DB_POOL", "4")),
                PgConfig.LoopMode.valueOf(env("PG_LOOPS", "shared").toUpperCase(java.util.Locale.ROOT)));
        return app;
    }

    static Handler mode(boolean onLoop, Handler h) {
        return onLoop ? Handler.nonBlocking(h) : h;
    }

    public static void main(String[] args) {
        String mode = env("BENCH_MODE", "virtual");
        if (!mode.equals("virtual") && !mode.equals("loop")) {
            System.err.println("BENCH_MODE must be 'virtual' or 'loop', was '" + mode + "'");
            System.exit(2);
        }
        create(env("HOST", "127.0.0.1"), Integer.parseInt(env("PORT", "8080")), mode.equals("loop"))
                .run(args);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
