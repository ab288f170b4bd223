package dev.tulip.internal;

import dev.tulip.Config;
import dev.tulip.Middleware;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.slf4j.MDC;

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
    private final Config.TrailingSlash trailingSlash;
    private final TrustedProxies proxies;
    /** Whether any route has a body limit of its own or streams its body: only then does a request's head need routing. */
    private final boolean routeBodyLimits;

    public Dispatcher(
            Router<Target> routes,
            List<Middleware> appMiddleware,
            Results results,
            Errors errors,
            Config.TrailingSlash trailingSlash,
            String trustedProxies) {
        this.routes = routes;
        this.trailingSlash = trailingSlash;
        this.proxies = TrustedProxies.parse(trustedProxies);
        this.routeBodyLimits = routes.routes().stream()
                .anyMatch(r -> r.value().maxBodySize() >= 0 || r.value().streamBody());
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
        req.trust(proxies);
        String path = req.path();
        Router.Found<Target> found;
        try {
            found = routes.find(req.method(), path);
        } catch (IllegalArgumentException e) {
            return fallbacks.badPath(e.getMessage());
        }
        if (found != null) return routed(found, req);
        Set<String> allowed = routes.allowed(path);
        if (!allowed.isEmpty()) return fallbacks.otherMethods(req.method(), allowed);
        String other = otherSlash(path);
        if (other != null) {
            Router.Found<Target> near = routes.find(req.method(), other);
            if (near != null) {
                return switch (trailingSlash) {
                    case STRICT -> fallbacks.notFoundBut(other);
                    case REDIRECT -> fallbacks.redirect(other + (req.rawQuery().isEmpty() ? "" : "?" + req.rawQuery()));
                    case IGNORE -> routed(near, req);
                };
            }
        }
        return fallbacks.none(req.method(), path);
    }

    private static Target routed(Router.Found<Target> found, ServerRequest req) {
        Target t = found.route().value();
        req.routed(t.route(), found.names(), found.values());
        return t;
    }

    /** {@code path} with a trailing slash added or removed; null for "/" and "*". */
    private static String otherSlash(String path) {
        if (path.length() < 2 || !path.startsWith("/")) return null;
        // "//x" would make a protocol-relative redirect to host x; "a//" is no slash-only difference
        if (path.startsWith("//") || path.endsWith("//")) return null;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    }

    /**
     * The route of a request with a body, asked once its head is read: its own body limit and
     * whether it streams the body; null when no route needs asking or none matches.
     */
    public Target bodyRoute(String method, String uri) {
        if (!routeBodyLimits) return null;
        int q = uri.indexOf('?');
        Router.Found<Target> found;
        try {
            found = routes.find(method, q < 0 ? uri : uri.substring(0, q));
        } catch (IllegalArgumentException badPath) {
            return null;
        }
        return found == null ? null : found.route().value();
    }

    /** Runs {@code target} on the calling (virtual) thread to completion, waiting for asynchronous results. */
    public Prepared invokeBlocking(Target target, ServerRequest req) {
        Object result;
        if (results.requestIds()) MDC.put("request_id", req.id());
        try {
            result = target.chain().handle(req);
            if (result instanceof CompletionStage<?> stage) result = Await.await(stage);
        } catch (Throwable t) {
            result = errors.handle(t, req);
        } finally {
            if (results.requestIds()) MDC.remove("request_id");
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
