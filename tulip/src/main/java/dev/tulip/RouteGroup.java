package dev.tulip;

import dev.tulip.internal.Router;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** A prefix and its middleware; every group of an app registers into the app's one router. */
final class RouteGroup implements Routes {
    private final String prefix;
    private final RouteGroup parent;
    private final Router router;
    private final Map<Router.Route, RouteGroup> owners;
    final List<Middleware> middleware = new ArrayList<>();

    private RouteGroup(String prefix, RouteGroup parent, Router router, Map<Router.Route, RouteGroup> owners) {
        this.prefix = prefix;
        this.parent = parent;
        this.router = router;
        this.owners = owners;
    }

    static RouteGroup root(Router router) {
        return new RouteGroup("", null, router, new IdentityHashMap<>());
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
        owners.put(router.add(method.toUpperCase(Locale.ROOT), full, handler), this);
        return this;
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
        routes.accept(new RouteGroup(this.prefix + prefix, this, router, owners));
        return this;
    }

    /**
     * The route's handler wrapped in the middleware of its groups, outermost (the app's) first.
     * Blocking routes await a {@link java.util.concurrent.CompletionStage} result right away, so
     * their middleware always sees a plain value.
     */
    Handler chain(Router.Route route) {
        Handler h = route.handler();
        if (!route.nonBlocking()) {
            Handler bare = h;
            h = req -> {
                Object r = bare.handle(req);
                return r instanceof java.util.concurrent.CompletionStage<?> cs
                        ? dev.tulip.internal.Dispatcher.await(cs)
                        : r;
            };
        }
        for (RouteGroup g = owners.get(route); g != null; g = g.parent) {
            for (int i = g.middleware.size() - 1; i >= 0; i--) {
                Middleware mw = g.middleware.get(i);
                Handler next = h;
                h = req -> mw.handle(req, next);
            }
        }
        return h;
    }
}
