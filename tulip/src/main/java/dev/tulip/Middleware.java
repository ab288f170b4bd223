package dev.tulip;

/**
 * Wraps the handling of a request: code before {@code next.handle(request)} runs before the
 * handler, code after it sees (and may replace) the result, and returning without calling
 * {@code next} short-circuits the chain.
 *
 * <pre>{@code
 * app.use((req, next) -> {
 *     if (req.header("X-Token").isEmpty()) return Response.of(401);
 *     return next.handle(req);
 * });
 * }</pre>
 *
 * <p>Middleware runs on the same thread as the route's handler: a virtual thread by default, the
 * event loop for {@link Handler#nonBlocking} routes.
 */
@FunctionalInterface
public interface Middleware {

    /** Handles {@code request}, usually by calling {@code next.handle(request)}. */
    Object handle(Request request, Handler next) throws Exception;
}
