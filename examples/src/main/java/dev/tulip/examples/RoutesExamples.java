package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Middleware;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.Map;
import java.util.function.Consumer;

/** Routes: groups that share a prefix and middleware, and handlers that run on the event loop. */
public final class RoutesExamples {
    private RoutesExamples() {}

    /** The body of {@code GET /json}. */
    public record Message(String message) {}

    /** Lets a request through only with {@code X-Admin: yes}, else answers 403. */
    static final Middleware requireAdmin = (req, next) ->
            req.header("X-Admin").filter("yes"::equals).isPresent() ? next.handle(req) : Response.of(403);

    static Map<String, Integer> stats() {
        return Map.of("requests", 42);
    }

    /** An app with this page's routes. */
    public static Tulip create(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        group(app);
        nonBlocking(app);
        return app;
    }

    static void group(Tulip app) {
        // tag::group[]
        app.group("/admin", admin -> {
            admin.use(requireAdmin); // only for /admin/...
            admin.get("/stats", req -> stats());
        });
        // end::group[]
    }

    static void nonBlocking(Tulip app) {
        // tag::non-blocking[]
        app.get("/json", Handler.nonBlocking(req -> new Message("Hello, World!")));
        // end::non-blocking[]
    }
}
