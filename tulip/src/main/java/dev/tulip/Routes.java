package dev.tulip;

import java.util.function.Consumer;

/**
 * Where routes are declared: the app itself, or a group with a path prefix and its own middleware
 * (like Sanic's blueprints).
 *
 * <p>Path patterns are literal segments and parameters, each a whole segment: {@code {name}}
 * (any non-empty segment), {@code {id:int}}, {@code {id:long}}, {@code {id:uuid}},
 * {@code {rest:path}} (the rest of the path, last only) or {@code {slug:[a-z-]+}} (a regular
 * expression). A segment that does not fit a typed parameter does not match, so
 * {@code /users/abc} is a 404 for {@code /users/{id:int}}.
 */
public interface Routes {

    /** Adds a route for {@code method} (any token, e.g. {@code GET} or {@code PROPFIND}). */
    Routes route(String method, String path, Handler handler);

    /** Adds middleware for every route of this group (and of groups inside it), wherever it is declared. */
    Routes use(Middleware middleware);

    /**
     * Names the route added last through this {@code Routes}, for reverse routing:
     * {@code req.context().path("user", 42)} gives {@code /users/42}. Names are unique per app.
     */
    Routes name(String name);

    /**
     * The largest request body of the route added last, above or below the app's
     * {@code max-body-size}: beyond it a {@code 413}, refused from {@code Content-Length} before
     * the body is read. An upload route: {@code app.post("/upload", h).maxBodySize(100L << 20)}.
     */
    Routes maxBodySize(long bytes);

    /** The handler timeout of the route added last, instead of the app's {@code handler-timeout}. */
    Routes handlerTimeout(java.time.Duration timeout);

    /**
     * The route added last reads its body as it arrives: its handler runs once the head is read,
     * and {@link Request#bodyStream()} (blocking, on a virtual thread) or
     * {@link Request#bodyPublisher()} (non-blocking) deliver the body while the client sends it,
     * with reading from the socket paused while the handler has not taken what came. The body
     * limit still holds ({@code 413}); a route may raise it past 2 GiB. {@code 100 Continue} is
     * sent when the handler first reads, so a handler that refuses early spares the upload. A
     * handler that answers without reading the whole body gets its connection closed after the
     * response.
     */
    Routes streamBody();

    /** Declares a group of routes under {@code prefix}, with middleware of its own. */
    Routes group(String prefix, Consumer<Routes> routes);

    /** Adds a {@code GET} route (also answers {@code HEAD}). */
    default Routes get(String path, Handler handler) {
        return route("GET", path, handler);
    }

    /** Adds a {@code POST} route. */
    default Routes post(String path, Handler handler) {
        return route("POST", path, handler);
    }

    /** Adds a {@code PUT} route. */
    default Routes put(String path, Handler handler) {
        return route("PUT", path, handler);
    }

    /** Adds a {@code PATCH} route. */
    default Routes patch(String path, Handler handler) {
        return route("PATCH", path, handler);
    }

    /** Adds a {@code DELETE} route. */
    default Routes delete(String path, Handler handler) {
        return route("DELETE", path, handler);
    }

    /** Adds a {@code HEAD} route (otherwise {@code HEAD} is answered by the {@code GET} route without a body). */
    default Routes head(String path, Handler handler) {
        return route("HEAD", path, handler);
    }

    /** Adds an {@code OPTIONS} route (otherwise {@code OPTIONS} is answered with {@code 204} and {@code Allow}). */
    default Routes options(String path, Handler handler) {
        return route("OPTIONS", path, handler);
    }
}
