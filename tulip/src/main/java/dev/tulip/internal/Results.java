package dev.tulip.internal;

import dev.tulip.Request;
import dev.tulip.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what a handler returned into a {@link Prepared} response with its body encoded (JSON by
 * the app's mapper). Runs on the handler's thread, so encoding never happens on the event loop
 * for blocking routes.
 */
public final class Results {
    private final JsonMapper mapper;
    private final Errors errors;
    private final boolean requestIds;

    public Results(JsonMapper mapper, Errors errors, boolean requestIds) {
        this.mapper = mapper;
        this.errors = errors;
        this.requestIds = requestIds;
    }

    /** Whether responses carry {@code X-Request-Id} (the {@code request-ids} setting). */
    public boolean requestIds() {
        return requestIds;
    }

    /** The response for {@code result} (not a CompletionStage); a failure to build it becomes an error response. */
    public Prepared prepare(Object result, Request req) {
        try {
            return encode(withId(toResponse(result, req), req));
        } catch (Throwable t) {
            try {
                return encode(withId(toResponse(errors.handle(t, req), req), req));
            } catch (Throwable t2) {
                Log.TULIP.error("{} {}: the error response could not be built", req.method(), req.path(), t2);
                return error(500, "internal error");
            }
        }
    }

    private Response withId(Response r, Request req) {
        if (requestIds && r.header(RequestIds.HEADER).isEmpty()) r.header(RequestIds.HEADER, req.id());
        return r;
    }

    /** A JSON error response that needs no request (the request could not be read, or was shed). */
    public Prepared error(int status, String message) {
        return encode(Errors.error(status, message));
    }

    /** {@link #error} with one header added (a shed request's {@code Retry-After}). */
    public Prepared error(int status, String message, String header, String value) {
        return encode(Errors.error(status, message).header(header, value));
    }

    /** The response Tulip makes of a handler's {@code result} (not a CompletionStage). */
    public static Response toResponse(Object result, Request req) {
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
        return Errors.error(404, req.method() + " " + req.path() + ": not found");
    }

    private Prepared encode(Response r) {
        return switch (r.body()) {
            case Response.Body.Empty e -> new Prepared(r, Prepared.EMPTY, null);
            case Response.Body.Bytes b -> new Prepared(r, b.bytes(), null);
            case Response.Body.Text t -> new Prepared(r, t.text().getBytes(StandardCharsets.UTF_8), null);
            case Response.Body.Json j -> new Prepared(r, toJson(j.value()), null);
            case Response.Body.Stream s -> new Prepared(r, null, s.writer());
            case Response.Body.File f -> new Prepared(r, Prepared.EMPTY, null);
            case Response.Body.Takeover t -> new Prepared(r, Prepared.EMPTY, null);
        };
    }

    /** Encodes a response body; a failure is the server's fault, not a bad request (JacksonException maps to 400). */
    private byte[] toJson(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (InvalidDefinitionException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("No serializer found")) {
                throw new IllegalStateException(
                        "the response body, a " + value.getClass().getName()
                                + ", has nothing to encode as JSON: make it a record, give it public accessors, or return a Map",
                        e);
            }
            throw new IllegalStateException("the response body could not be encoded as JSON", e);
        } catch (JacksonException e) {
            throw new IllegalStateException("the response body could not be encoded as JSON", e);
        }
    }
}
