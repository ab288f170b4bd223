package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Errors: exceptions that carry a status, handlers by exception type, and the 500 for the rest. */
public final class ErrorsExamples {
    private ErrorsExamples() {}

    /** Thrown when a name is not known. */
    public static final class NotFound extends RuntimeException {
        NotFound(String name) {
            super("no " + name);
        }
    }

    /** An app with a 409 from {@link HttpException}, a 404 from a handler of its own, and a 500. */
    public static Tulip create(Consumer<Config.Builder> config) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        var app = Tulip.create(config);
        // tag::http-exception[]
        app.put("/names/{name}", req -> {
            if (!names.add(req.pathParam("name"))) throw new HttpException(409, "already exists");
            return Response.noContent();
        });
        // end::http-exception[]
        // tag::exception-handler[]
        app.exception(NotFound.class, (e, req) -> Response.json(404, Map.of("missing", e.getMessage())));
        app.get("/names/{name}", req -> {
            String name = req.pathParam("name");
            if (!names.contains(name)) throw new NotFound(name);
            return name;
        });
        // end::exception-handler[]
        app.get("/boom", req -> {
            throw new IllegalStateException("a bug");
        });
        return app;
    }
}
