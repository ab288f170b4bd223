package dev.tulip;

import dev.tulip.internal.Await;
import dev.tulip.internal.Router;
import dev.tulip.internal.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A prefix and its middleware; every group of an app registers into the app's one router. */
final class RouteGroup implements Routes {
    /** A route as declared: its handler and the group that declared it. */
    record Declared(Handler handler, RouteGroup group, Limits limits) {}

    /** A route's own limits, set after it is added ({@link #maxBodySize}, {@link #handlerTimeout}); -1 for the app's. */
    static final class Limits {
        long maxBodySize = -1;
        long timeoutNanos = -1;
        boolean streamBody;
    }

    private final String prefix;
    private final RouteGroup parent;
    private final Router<Declared> router;
    final List<Middleware> middleware = new ArrayList<>();
    /** Route names → full patterns, shared by every group of the app. */
    final Map<String, String> names;
    /** The full pattern of the route this group added last, for {@link #name}. */
    private String last;

    private Limits lastLimits;

    private RouteGroup(String prefix, RouteGroup parent, Router<Declared> router, Map<String, String> names) {
        this.prefix = prefix;
        this.parent = parent;
        this.router = router;
        this.names = names;
    }

    static RouteGroup root(Router<Declared> router) {
        return new RouteGroup("", null, router, new LinkedHashMap<>());
    }

    @Override
    public Routes name(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a route name must not be blank");
        if (last == null)
            throw new IllegalStateException("name(\"" + name + "\") names the route added last; add one first");
        String taken = names.putIfAbsent(name, last);
        if (taken != null) throw new IllegalArgumentException("route name '" + name + "' is already used for " + taken);
        return this;
    }

    @Override
    public Routes route(String method, String path, Handler handler) {
        if (method == null
                || method.isEmpty()
                || !method.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("bad method: " + method);
        }
        if (handler == null) throw new IllegalArgumentException("handler must not be null");
        String full = prefix + (path.equals("/") && !prefix.isEmpty() ? "" : path);
        Limits limits = new Limits();
        router.add(method.toUpperCase(Locale.ROOT), full, new Declared(handler, this, limits));
        last = full;
        lastLimits = limits;
        return this;
    }

    @Override
    public Routes maxBodySize(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("a route's max body size must be >= 0, was " + bytes);
        lastLimits("maxBodySize").maxBodySize = bytes;
        return this;
    }

    @Override
    public Routes handlerTimeout(java.time.Duration timeout) {
        if (timeout == null || !timeout.isPositive())
            throw new IllegalArgumentException("a route's handler timeout must be positive, was " + timeout);
        lastLimits("handlerTimeout").timeoutNanos = timeout.toNanos();
        return this;
    }

    @Override
    public Routes streamBody() {
        lastLimits("streamBody").streamBody = true;
        return this;
    }

    private Limits lastLimits(String what) {
        if (lastLimits == null)
            throw new IllegalStateException(what + "(...) sets a limit of the route added last; add one first (the"
                    + " app's own limits are settings: cfg." + what + "(...))");
        return lastLimits;
    }

    @Override
    public Routes use(Middleware mw) {
        if (mw == null) throw new IllegalArgumentException("middleware must not be null");
        middleware.add(mw);
        return this;
    }

    @Override
    public Routes group(String prefix, Consumer<Routes> routes) {
        if (prefix == null || !prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("group prefix must start with '/' and not end with '/': " + prefix);
        }
        routes.accept(new RouteGroup(this.prefix + prefix, this, router, names));
        return this;
    }

    /** The router the server runs: each declared route composed into its {@link Target}. */
    static Router<Target> compose(Router<Declared> declared) {
        return declared.map(r -> {
            Handler h = r.value().handler();
            boolean nonBlocking = h instanceof Handler.NonBlocking;
            Limits limits = r.value().limits();
            return new Target(
                    chain(h, nonBlocking, r.value().group()),
                    nonBlocking,
                    r.literal(),
                    r.path(),
                    limits.maxBodySize,
                    limits.timeoutNanos,
                    limits.streamBody);
        });
    }

    /**
     * The handler wrapped in the middleware of its groups, outermost (the app's) first. Blocking
     * routes await a {@link CompletionStage} result right away, so their middleware always sees a
     * plain value.
     */
    private static Handler chain(Handler handler, boolean nonBlocking, RouteGroup group) {
        Handler h = handler;
        if (!nonBlocking) {
            h = req -> {
                Object result = handler.handle(req);
                return result instanceof CompletionStage<?> cs ? Await.await(cs) : result;
            };
        }
        for (RouteGroup g = group; g != null; g = g.parent) {
            for (int i = g.middleware.size() - 1; i >= 0; i--) {
                Middleware mw = g.middleware.get(i);
                Handler next = h;
                h = req -> mw.handle(req, next);
            }
        }
        return h;
    }
}
