package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Middleware: code that wraps every handler, before, after or instead of it. */
public final class MiddlewareExamples {
    private MiddlewareExamples() {}

    static final Logger log = LoggerFactory.getLogger(MiddlewareExamples.class);

    /** An app that times every request and answers {@code GET /hello}. */
    public static Tulip timed(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::guide-timing[]
        app.use((req, next) -> {
            long t0 = System.nanoTime();
            Object result = next.handle(req);
            log.info("{} {} took {} µs", req.method(), req.path(), (System.nanoTime() - t0) / 1000);
            return result;
        });
        // end::guide-timing[]
        app.get("/hello", req -> "hello");
        return app;
    }

    /**
     * An app that refuses requests without {@code X-Token}: what the {@link dev.tulip.Middleware}
     * javadoc means ({@code Response.status(401)} there does not compile; {@code Response.of(401)}
     * does).
     */
    public static Tulip token(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::middleware-javadoc[]
        app.use((req, next) -> {
            if (req.header("X-Token").isEmpty()) return Response.of(401);
            return next.handle(req);
        });
        // end::middleware-javadoc[]
        app.get("/hello", req -> "hello");
        return app;
    }

    /** An app whose middleware adds a header to whatever its handlers return. */
    public static Tulip servedBy(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::response-from[]
        app.use((req, next) -> Response.from(next.handle(req), req).header("X-Served-By", "tulip-1"));
        // end::response-from[]
        app.get("/hello", req -> "hello");
        app.get("/pet", req -> java.util.Map.of("name", "Rex"));
        app.get("/none", req -> null);
        return app;
    }
}
