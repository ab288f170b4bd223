package dev.tulip.internal;

import dev.tulip.Middleware;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The app side of a request: finds what runs it (its route, or a fallback) and runs it. Knows
 * nothing about sockets; the HTTP server and the in-process client both call it. Results become
 * responses in {@link Results}, exceptions become results in {@link Errors}.
 */
public final class Dispatcher {
    private final Router<Target> routes;
    private final Fallbacks fallbacks;
    private final Results results;
    private final Errors errors;

    public Dispatcher(Router<Target> routes, List<Middleware> appMiddleware, Results results, Errors errors) {
        this.routes = routes;
        this.fallbacks = new Fallbacks(appMiddleware);
        this.results = results;
        this.errors = errors;
    }

    public Results results() {
        return results;
    }

    public Errors errors() {
        return errors;
    }

    /** Finds what runs {@code req} and gives the request its path parameters and route. */
    public Target resolve(ServerRequest req) {
        String path = req.path();
        Router.Found<Target> found;
        try {
            found = routes.find(req.method(), path);
        } catch (IllegalArgumentException e) {
            return fallbacks.badPath(e.getMessage());
        }
        if (found != null) {
            Target t = found.route().value();
            req.routed(t.route(), found.names(), found.values());
            return t;
        }
        Set<String> allowed = routes.allowed(path);
        return allowed.isEmpty() ? fallbacks.none(req.method(), path) : fallbacks.otherMethods(req.method(), allowed);
    }

    /** Runs {@code target} on the calling (virtual) thread to completion, waiting for asynchronous results. */
    public Prepared invokeBlocking(Target target, ServerRequest req) {
        Object result;
        try {
            result = target.chain().handle(req);
            if (result instanceof CompletionStage<?> stage) result = Await.await(stage);
        } catch (Throwable t) {
            result = errors.handle(t, req);
        }
        if (result instanceof CompletionStage<?> stage) { // from an exception handler
            try {
                result = Await.await(stage);
            } catch (Throwable t) {
                result = errors.handle(t, req);
            }
        }
        return results.prepare(result, req);
    }

    /** Runs {@code target} on the event loop: its result, possibly a CompletionStage, or the error result. */
    public Object invokeInline(Target target, ServerRequest req) {
        try {
            return target.chain().handle(req);
        } catch (Throwable t) {
            return errors.handle(t, req);
        }
    }
}
