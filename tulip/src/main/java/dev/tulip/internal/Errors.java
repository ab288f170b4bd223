package dev.tulip.internal;

import dev.tulip.ExceptionHandler;
import dev.tulip.HttpException;
import dev.tulip.Request;
import dev.tulip.RequestBodyException;
import dev.tulip.Response;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import tools.jackson.core.JacksonException;

/** Maps an exception from a handler or middleware to a result: a registered handler's, else a JSON error. */
public final class Errors {
    private final Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> handlers;
    private final boolean debug;

    public Errors(Map<Class<? extends Throwable>, ExceptionHandler<? extends Throwable>> handlers, boolean debug) {
        this.handlers = Map.copyOf(handlers);
        this.debug = debug;
    }

    /** A JSON error response. */
    public static Response error(int status, String message) {
        return Response.error(status, message);
    }

    /** The result for {@code t}, thrown while handling {@code req}: the most specific registered handler's, else a JSON error. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object handle(Throwable t, Request req) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
            t = t.getCause();
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            ExceptionHandler h = handlers.get(c);
            if (h != null) {
                try {
                    return h.handle(t, req);
                } catch (Throwable t2) {
                    Log.TULIP.error(
                            "{} {}: exception handler for {} failed", req.method(), req.path(), c.getName(), t2);
                    return error(500, "internal error");
                }
            }
        }
        RequestBodyException body = bodyFailure(t);
        if (body != null) return error(body.status(), body.getMessage());
        return switch (t) {
            case HttpException he -> error(he.status(), he.getMessage());
            case InterruptedException ie -> {
                // the handler's thread was interrupted: its request timed out or the server is cutting it
                Log.TULIP.debug("{} {} interrupted", req.method(), req.path());
                yield error(503, "the request was cancelled");
            }
            case JacksonException je -> error(400, JsonErrors.message(je));
            default -> {
                Log.TULIP.error("{} {} failed", req.method(), req.path(), t);
                yield debug ? DebugPage.of(t, req) : error(500, "internal error");
            }
        };
    }

    /** A streamed body's failure, thrown as it is or wrapped (an UncheckedIOException, a parser's I/O error). */
    private static RequestBodyException bodyFailure(Throwable t) {
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause())
            if (t instanceof RequestBodyException e) return e;
        return null;
    }
}
