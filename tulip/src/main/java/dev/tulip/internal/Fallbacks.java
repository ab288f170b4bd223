package dev.tulip.internal;

import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Middleware;
import dev.tulip.Response;
import java.util.List;
import java.util.Set;

/**
 * The answers for requests no route takes: 400 for a broken path, 404, 405 with {@code Allow},
 * and the automatic {@code OPTIONS}; each wrapped in the app's middleware, like a route.
 */
final class Fallbacks {
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

    private final List<Middleware> appMiddleware;
    private final boolean onLoop;
    private final Target notFound;
    private final Target optionsStar;

    Fallbacks(List<Middleware> appMiddleware) {
        this.appMiddleware = List.copyOf(appMiddleware);
        this.onLoop = appMiddleware.isEmpty(); // middleware may block: run it on a virtual thread
        this.notFound = wrap(r -> {
            throw new HttpException(404, r.method() + " " + r.path() + ": not found");
        });
        this.optionsStar = wrap(r -> Response.noContent().header("Allow", ALL_METHODS));
    }

    Target badPath(String problem) {
        return wrap(r -> {
            throw new HttpException(400, "malformed path: " + problem);
        });
    }

    /** For a path that no route matches with any method. */
    Target none(String method, String path) {
        return method.equals("OPTIONS") && path.equals("*") ? optionsStar : notFound;
    }

    /** For a path that has no route while the same path with or without a trailing slash has one. */
    Target notFoundBut(String other) {
        return wrap(r -> {
            throw new HttpException(
                    404,
                    r.method() + " " + r.path() + ": not found; " + other
                            + " has a route (a trailing slash matters; the trailing-slash setting can redirect or ignore it)");
        });
    }

    /** A 308 to {@code location}: method and body are kept. */
    Target redirect(String location) {
        return wrap(r -> Response.redirect(308, location));
    }

    /** For a path that routes match, but not with {@code method}. */
    Target otherMethods(String method, Set<String> allowed) {
        String allow = String.join(", ", allowed);
        if (method.equals("OPTIONS")) return wrap(r -> Response.noContent().header("Allow", allow));
        return wrap(r -> Response.error(405, r.method() + " is not allowed on " + r.path() + "; allowed: " + allow)
                .header("Allow", allow));
    }

    private Target wrap(Handler h) {
        Handler chain = h;
        for (int i = appMiddleware.size() - 1; i >= 0; i--) {
            Middleware mw = appMiddleware.get(i);
            Handler next = chain;
            chain = req -> mw.handle(req, next);
        }
        return new Target(chain, onLoop, false, null);
    }
}
