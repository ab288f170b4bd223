package dev.tulip.internal;

import dev.tulip.AppContext;
import dev.tulip.ExceptionHandler;
import dev.tulip.Handler;
import dev.tulip.HttpException;
import dev.tulip.Middleware;
import dev.tulip.Request;
import dev.tulip.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app side of a request: finds the route, runs middleware and handler, maps exceptions, and
 * turns the result into a {@link Prepared} response. Knows nothing about sockets; the HTTP layer
 * and the socket-free test client both call it.
 */
public final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip");

    /**
     * What to run for a request: the composed chain, whether it may run on the event loop, and
     * whether its route is all literal segments (so the same path always resolves to it).
     */
    public record Target(Handler chain, boolean nonBlocking, boolean literal) {}

    /** The JSON shape of every error Tulip sends. */
    public record ErrorBody(int status, String error, String message) {}

    private final Router router;
    private final List<Middleware> appMiddleware;
    private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptionHandlers;
    private final AppContext app;
    private final JsonMapper mapper;
    private final boolean fallbackOnLoop;

    public Dispatcher(
            Router router,
            List<Middleware> appMiddleware,
            Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> exceptionHandlers,
            AppContext app,
            JsonMapper mapper) {
        this.router = router;
        this.appMiddleware = List.copyOf(appMiddleware);
        this.exceptionHandlers = Map.copyOf(exceptionHandlers);
        this.app = app;
        this.mapper = mapper;
        this.fallbackOnLoop = appMiddleware.isEmpty();
    }

    public AppContext app() {
        return app;
    }

    public JsonMapper mapper() {
        return mapper;
    }

    /** Finds what runs {@code req}: its route, or a 404/405/OPTIONS answer wrapped in the app's middleware. */
    public Target resolve(ServerRequest req) {
        String path = req.path();
        Router.Found found;
        try {
            found = router.find(req.method(), path);
        } catch (IllegalArgumentException e) {
            return fallback(r -> {
                throw new HttpException(400, "malformed path: " + e.getMessage());
            });
        }
        if (found != null) {
            req.params(found.names(), found.values());
            return found.route().target;
        }
        Set<String> allowed = router.allowed(path);
        if (allowed.isEmpty()) {
            if (req.method().equals("OPTIONS") && path.equals("*")) {
                return fallback(
                        r -> Response.noContent().header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
            }
            return fallback(r -> {
                throw new HttpException(404, r.method() + " " + r.path() + " not found");
            });
        }
        String allow = String.join(", ", allowed);
        if (req.method().equals("OPTIONS"))
            return fallback(r -> Response.noContent().header("Allow", allow));
        return fallback(r -> Response.json(
                        405,
                        new ErrorBody(
                                405,
                                "Method Not Allowed",
                                r.method() + " is not allowed on " + r.path() + "; allowed: " + allow))
                .header("Allow", allow));
    }

    private Target fallback(Handler h) {
        Handler chain = h;
        for (int i = appMiddleware.size() - 1; i >= 0; i--) chain = wrap(appMiddleware.get(i), chain);
        return new Target(chain, fallbackOnLoop, false);
    }

    static Handler wrap(Middleware mw, Handler next) {
        return req -> mw.handle(req, next);
    }

    /** Runs {@code target} on the calling (virtual) thread to completion, waiting for asynchronous results. */
    public Prepared invokeBlocking(Target target, ServerRequest req) {
        Object result;
        try {
            result = target.chain().handle(req);
            if (result instanceof CompletionStage<?> stage) result = await(stage);
        } catch (Throwable t) {
            result = handleError(t, req);
        }
        if (result instanceof CompletionStage<?> stage) { // from an exception handler
            try {
                result = await(stage);
            } catch (Throwable t) {
                result = handleError(t, req);
            }
        }
        return prepare(result, req);
    }

    /** Waits for {@code stage} on the current thread, rethrowing its failure unwrapped. */
    public static Object await(CompletionStage<?> stage) throws Exception {
        try {
            return stage.toCompletableFuture().get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static Exception rethrowable(Throwable t) {
        if (t instanceof Exception e) return e;
        if (t instanceof Error err) throw err;
        return new CompletionException(t);
    }

    /** Turns a handler's result (not a CompletionStage) into a response with its body encoded. */
    public Prepared prepare(Object result, ServerRequest req) {
        try {
            return encode(toResponse(result, req));
        } catch (Throwable t) {
            try {
                return encode(toResponse(handleError(t, req), req));
            } catch (Throwable t2) {
                LOG.error("{} {}: the error response could not be built", req.method(), req.path(), t2);
                return encode(error(500, "internal error"));
            }
        }
    }

    private Response toResponse(Object result, Request req) {
        return switch (result) {
            case Response r -> r;
            case null -> notFound(req);
            case String s -> Response.text(s);
            case byte[] b -> Response.bytes(b, "application/octet-stream");
            case Optional<?> o -> o.isPresent() ? toResponse(o.get(), req) : notFound(req);
            case CharSequence cs -> Response.text(cs.toString());
            case CompletionStage<?> cs ->
                throw new IllegalStateException("a CompletionStage must be awaited before it is sent");
            default -> Response.json(result);
        };
    }

    private static Response notFound(Request req) {
        return error(404, req.method() + " " + req.path() + ": no such resource");
    }

    /** A JSON error response. */
    public static Response error(int status, String message) {
        return Response.json(status, new ErrorBody(status, Status.reason(status), message));
    }

    private Prepared encode(Response r) {
        Object body = r.body();
        return switch (body) {
            case null -> new Prepared(r, Prepared.EMPTY, null);
            case byte[] b -> new Prepared(r, b, null);
            case String s -> new Prepared(r, s.getBytes(StandardCharsets.UTF_8), null);
            case Response.Json j -> new Prepared(r, toJson(j.value()), null);
            case Response.BodyWriter w -> new Prepared(r, null, w);
            default ->
                throw new IllegalStateException(
                        "unsupported body type " + body.getClass().getName());
        };
    }

    /** Encodes a response body; a failure is the server's fault, not a bad request (JacksonException maps to 400). */
    private byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JacksonException e) {
            throw new IllegalStateException("the response body could not be encoded as JSON", e);
        }
    }

    /** The result for an exception: a registered handler's (most specific type first), else a JSON error. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handleError(Throwable t, Request req) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
            t = t.getCause();
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            ExceptionHandler h = exceptionHandlers.get(c);
            if (h != null) {
                try {
                    return h.handle(t, req);
                } catch (Throwable t2) {
                    LOG.error("{} {}: exception handler for {} failed", req.method(), req.path(), c.getName(), t2);
                    return error(500, "internal error");
                }
            }
        }
        return switch (t) {
            case HttpException he -> error(he.status(), he.getMessage());
            case InterruptedException ie -> {
                // the handler's thread was interrupted: its request timed out or the server is cutting it
                LOG.debug("{} {} interrupted", req.method(), req.path());
                yield error(503, "the request was cancelled");
            }
            case JacksonException je ->
                error(400, Json.badRequest(je, "the expected type").getMessage());
            default -> {
                LOG.error("{} {} failed", req.method(), req.path(), t);
                yield error(500, "internal error");
            }
        };
    }
}
