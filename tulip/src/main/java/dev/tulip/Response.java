package dev.tulip;

import dev.tulip.internal.HeaderList;
import dev.tulip.internal.Status;
import dev.tulip.spi.Upgrade;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP response: status, headers, cookies and a body. Built fluently and returned from a
 * handler; middleware may change it on the way out. It is a mutable value for one request: make
 * a new one per request rather than sharing one.
 *
 * <pre>{@code
 * return Response.json(201, saved).header("Location", "/things/" + saved.id());
 * }</pre>
 *
 * <p>{@code Server}, {@code Date}, {@code Content-Length}, {@code Transfer-Encoding} and
 * {@code Connection} are set by the server.
 */
public final class Response {

    /** Writes a streamed body; runs on a virtual thread, so it may block. Chunks go out as written. */
    @FunctionalInterface
    public interface BodyWriter {
        /** Writes the body to {@code out}; flushing sends what was written so far as a chunk. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A response's body, as given to the factory that made it. */
    public sealed interface Body {
        /** No body. */
        Body EMPTY = new Empty();

        /** No body. */
        record Empty() implements Body {}

        /** Raw bytes. */
        record Bytes(byte[] bytes) implements Body {}

        /** Text, sent as UTF-8. */
        record Text(String text) implements Body {}

        /** A value the app's JSON mapper encodes. */
        record Json(Object value) implements Body {}

        /** A body written while it is sent. */
        record Stream(BodyWriter writer) implements Body {}

        /**
         * {@code length} bytes of the file at {@code path} from {@code offset}, sent from the file
         * system: zero-copy ({@code sendfile}) where the transport allows, else copied as it is sent.
         */
        record File(Path path, long offset, long length) implements Body {
            public File {
                if (path == null) throw new IllegalArgumentException("path must not be null");
                if (offset < 0 || length < 0)
                    throw new IllegalArgumentException(
                            "offset and length must not be negative, were " + offset + " and " + length);
            }
        }

        /** No body: after this {@code 101} another protocol takes the connection over. */
        record Takeover(Upgrade upgrade) implements Body {}
    }

    private int status;
    private final HeaderList headers = new HeaderList();
    private List<Cookie> cookies = List.of();
    private Body body = Body.EMPTY;

    private Response(int status) {
        status(status);
    }

    /** An empty response with {@code status}. */
    public static Response of(int status) {
        return new Response(status);
    }

    /** {@code 204 No Content}. */
    public static Response noContent() {
        return new Response(204);
    }

    /**
     * The response Tulip would send for a handler's {@code result}: a {@code Response} as it is,
     * {@code null} or an empty {@code Optional} a 404, text as text, bytes as bytes, anything else
     * as JSON; a {@code CompletionStage} is awaited first ({@link Tulip#await}). For middleware that
     * adds to whatever the handler returned:
     *
     * <pre>{@code
     * app.use((req, next) -> Response.from(next.handle(req), req).header("X-Served-By", "tulip-1"));
     * }</pre>
     */
    public static Response from(Object result, Request req) {
        Object r = result instanceof java.util.concurrent.CompletionStage<?> stage ? Tulip.await(stage) : result;
        return dev.tulip.internal.Results.toResponse(r, req);
    }

    /** The JSON body of every error Tulip sends: {@code {"status":404,"error":"Not Found","message":"..."}}. */
    public record ErrorBody(int status, String error, String message) {}

    /**
     * An error in Tulip's one JSON shape ({@link ErrorBody}), the shape of the errors Tulip sends
     * itself (404, 405, 400s, 500), so clients parse one format.
     */
    public static Response error(int status, String message) {
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("an error status is 4xx or 5xx: " + status);
        return json(status, new ErrorBody(status, Status.reason(status), message == null ? "" : message));
    }

    /** {@code 404 Not Found} with Tulip's JSON error body, like a 404 from the router. */
    public static Response notFound() {
        return error(404, "not found");
    }

    /** {@code 404 Not Found} with Tulip's JSON error body and {@code message}. */
    public static Response notFound(String message) {
        return error(404, message);
    }

    /**
     * {@code 101 Switching Protocols} to {@code protocol}, after which {@code upgrade} takes the
     * connection over. For protocol integrations (see {@link Upgrade}); the request must have
     * asked for the upgrade, with {@code Upgrade} and {@code Connection: upgrade}.
     */
    public static Response upgrade(String protocol, Upgrade upgrade) {
        if (upgrade == null) throw new IllegalArgumentException("upgrade must not be null");
        Response r = new Response(101).header("Upgrade", protocol).header("Connection", "Upgrade");
        r.body = new Body.Takeover(upgrade);
        return r;
    }

    /** {@code 200} with a {@code text/plain; charset=utf-8} body. */
    public static Response text(String text) {
        return text(200, text);
    }

    /** {@code status} with a {@code text/plain; charset=utf-8} body. */
    public static Response text(int status, String text) {
        return new Response(status).trustedBody(new Body.Text(text), "text/plain; charset=utf-8");
    }

    /** {@code 200} with a {@code text/html; charset=utf-8} body. */
    public static Response html(String html) {
        return new Response(200).trustedBody(new Body.Text(html), "text/html; charset=utf-8");
    }

    /** {@code 200} with {@code value} encoded as JSON. */
    public static Response json(Object value) {
        return json(200, value);
    }

    /** {@code status} with {@code value} encoded as JSON. */
    public static Response json(int status, Object value) {
        return new Response(status).trustedBody(new Body.Json(value), "application/json");
    }

    /** {@code 200} with raw bytes of {@code contentType}. */
    public static Response bytes(byte[] body, String contentType) {
        if (body == null) throw new IllegalArgumentException("body must not be null");
        return new Response(200).body(new Body.Bytes(body), contentType);
    }

    /** {@code 302 Found} to {@code location}. */
    public static Response redirect(String location) {
        return redirect(302, location);
    }

    /** A redirect ({@code 301, 302, 303, 307, 308}) to {@code location}. */
    public static Response redirect(int status, String location) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            throw new IllegalArgumentException("redirect status must be 301, 302, 303, 307 or 308, was " + status);
        }
        return new Response(status).header("Location", location);
    }

    /**
     * {@code 200} with a body streamed by {@code writer} using chunked transfer encoding. The writer
     * runs on a virtual thread after the head is sent; it blocks while the client reads slowly.
     */
    public static Response stream(String contentType, BodyWriter writer) {
        if (writer == null) throw new IllegalArgumentException("writer must not be null");
        return new Response(200).body(new Body.Stream(writer), contentType);
    }

    /**
     * {@code 200} with {@code length} bytes of the file at {@code path} from {@code offset} as its
     * body, sent from the file system (see {@link Body.File}); the file must not shrink before it is
     * sent. {@code dev.tulip.web.StaticFiles} builds on it, with validators, ranges and types.
     */
    public static Response file(Path path, long offset, long length, String contentType) {
        return new Response(200).body(new Body.File(path, offset, length), contentType);
    }

    private Response body(Body body, String contentType) {
        this.body = body;
        if (contentType != null) headers.set("Content-Type", contentType);
        return this;
    }

    /** For the factories: a fresh response and a constant content type need no checks. */
    private Response trustedBody(Body body, String contentType) {
        this.body = body;
        headers.addTrusted("Content-Type", contentType);
        return this;
    }

    /** Sets the status code (100-599). */
    public Response status(int status) {
        if (status < 100 || status > 599) throw new IllegalArgumentException("status must be 100-599, was " + status);
        this.status = status;
        return this;
    }

    /** Sets header {@code name} to {@code value}, replacing earlier values. */
    public Response header(String name, String value) {
        headers.set(name, value);
        return this;
    }

    /** Adds a value to header {@code name}, keeping earlier values. */
    public Response addHeader(String name, String value) {
        headers.add(name, value);
        return this;
    }

    /** Removes header {@code name}. */
    public Response removeHeader(String name) {
        headers.remove(name);
        return this;
    }

    /** Sets {@code Content-Type}. */
    public Response contentType(String contentType) {
        return header("Content-Type", contentType);
    }

    /** Adds a {@code Set-Cookie}. */
    public Response cookie(Cookie cookie) {
        if (cookies.isEmpty()) cookies = new ArrayList<>(2);
        cookies.add(cookie);
        return this;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The headers set so far (the server adds its own when sending). */
    public Headers headers() {
        return headers;
    }

    /** The first value of header {@code name}, if set. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The cookies to set. */
    public List<Cookie> cookies() {
        return Collections.unmodifiableList(cookies);
    }

    /** The body as given to the factory. */
    public Body body() {
        return body;
    }

    @Override
    public String toString() {
        return "Response[" + status + " " + headers + "]";
    }
}
