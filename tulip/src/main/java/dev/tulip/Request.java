package dev.tulip;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Flow;
import tools.jackson.core.type.TypeReference;

/**
 * An HTTP request as the handler sees it: fully read, immutable except for its
 * {@linkplain #attribute(String, Object) attributes}. Typed accessors fail with a
 * {@code 400 Bad Request} that names the parameter when a value does not parse.
 */
public interface Request {

    /** The method, upper case ({@code GET}, {@code POST}, ...). */
    String method();

    /** The request target as sent: path and query, still percent-encoded. */
    String uri();

    /** The path as sent (percent-encoded), without the query. */
    String path();

    /** The protocol version, {@code HTTP/1.1} or {@code HTTP/1.0}. */
    String version();

    /**
     * The pattern of the route that took the request, as declared ({@code /users/{id:int}} with
     * group prefixes); empty when no route did (404, 405, automatic OPTIONS).
     */
    Optional<String> route();

    /**
     * This request's id: its {@code X-Request-Id} when that is a sane token (letters, digits,
     * {@code - _ . : / + = @}, at most 128), else 16 random hex digits made once. With the
     * {@code request-ids} setting it is also sent back as {@code X-Request-Id}, printed in the
     * access log and put in the logging MDC as {@code request_id} while the handler runs.
     */
    String id();

    // ---- path parameters ----------------------------------------------------------------------

    /** The decoded value of path parameter {@code name} (declared as {@code {name}} in the route). */
    String pathParam(String name);

    /** Path parameter {@code name} as an int (declare it {@code {name:int}} to match only integers). */
    int pathInt(String name);

    /** Path parameter {@code name} as a long. */
    long pathLong(String name);

    /** Path parameter {@code name} as a UUID. */
    UUID pathUuid(String name);

    /** All path parameters, decoded. */
    Map<String, String> pathParams();

    // ---- query ---------------------------------------------------------------------------------

    /** The raw query string after {@code ?} (percent-encoded), or "" if there is none. */
    String rawQuery();

    /** The first value of query parameter {@code name}, decoded. */
    Optional<String> query(String name);

    /** The first value of query parameter {@code name}, or {@code defaultValue}. */
    default String query(String name, String defaultValue) {
        return query(name).orElse(defaultValue);
    }

    /** The first value of query parameter {@code name}; 400 naming it if it is absent. */
    default String queryRequired(String name) {
        return query(name).orElseThrow(() -> HttpException.badRequest("query parameter '" + name + "' is required"));
    }

    /** Query parameter {@code name} as an int; 400 naming it if it is absent or not an integer. */
    default int queryInt(String name) {
        queryRequired(name);
        return queryInt(name, 0);
    }

    /** Query parameter {@code name} as a long; 400 naming it if it is absent or not an integer. */
    default long queryLong(String name) {
        queryRequired(name);
        return queryLong(name, 0);
    }

    /** Query parameter {@code name} as an int, or {@code defaultValue} if absent; 400 if not an integer. */
    int queryInt(String name, int defaultValue);

    /** Query parameter {@code name} as a long, or {@code defaultValue} if absent; 400 if not an integer. */
    long queryLong(String name, long defaultValue);

    /** Query parameter {@code name} as a boolean ({@code true/false/1/0/yes/no/on/off}), or {@code defaultValue}. */
    boolean queryBoolean(String name, boolean defaultValue);

    /** All values of query parameter {@code name}, decoded, in order. */
    List<String> queryAll(String name);

    /** All query parameters, decoded. */
    Map<String, List<String>> queryParams();

    // ---- headers and cookies -------------------------------------------------------------------

    /** The header fields (names compare case-insensitively). */
    Headers headers();

    /** The first value of header {@code name}. */
    default Optional<String> header(String name) {
        return headers().first(name);
    }

    /** The media type of the body, from {@code Content-Type}. */
    default Optional<String> contentType() {
        return header("Content-Type");
    }

    /** The first value of header {@code name}; 400 naming it if it is absent. */
    default String headerRequired(String name) {
        return header(name).orElseThrow(() -> HttpException.badRequest("header '" + name + "' is required"));
    }

    /** The value of cookie {@code name}. */
    Optional<String> cookie(String name);

    /** All cookies sent. */
    Map<String, String> cookies();

    // ---- body ----------------------------------------------------------------------------------

    /**
     * The body bytes (empty if there is none). On a route that {@linkplain Routes#streamBody()
     * streams its body}, the first call reads the rest of it (blocking; {@code 413} past the
     * limit).
     */
    byte[] body();

    /**
     * The body as a stream. On a route that {@linkplain Routes#streamBody() streams its body}, it
     * is read as it arrives: a read blocks until bytes come (a virtual thread's work), the socket
     * is read no faster than the handler takes, and a failure (past the limit, malformed
     * chunks, a stalled or vanished client) is a {@link RequestBodyException} that, left to
     * escape, answers with its status. Elsewhere a stream over the bytes already read.
     */
    InputStream bodyStream();

    /**
     * The body as a publisher of chunks, for a {@linkplain Handler#nonBlocking non-blocking}
     * handler: chunks come only as far as the subscriber requested them, on the event loop (so
     * its callbacks must not block), then {@code onComplete} or {@code onError} with a
     * {@link RequestBodyException}. One subscriber; cancelling drops the rest of the body.
     */
    Flow.Publisher<ByteBuffer> bodyPublisher();

    /** The body as text, in the charset of {@code Content-Type} (UTF-8 by default). */
    String text();

    /** The body parsed as JSON into {@code type}; 400 naming the problem if it is malformed or of the wrong shape. */
    <T> T json(Class<T> type);

    /** The body parsed as JSON into a generic type, e.g. {@code new TypeReference<List<Thing>>() {}}. */
    <T> T json(TypeReference<T> type);

    /** The URL-encoded form body ({@code application/x-www-form-urlencoded}); 415 for another content type. */
    Map<String, List<String>> form();

    /** The first value of form field {@code name}. */
    default Optional<String> formValue(String name) {
        List<String> v = form().get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** The first value of form field {@code name}; 400 naming it if it is absent. */
    default String formRequired(String name) {
        return formValue(name).orElseThrow(() -> HttpException.badRequest("form field '" + name + "' is required"));
    }

    // ---- connection and context ----------------------------------------------------------------

    /**
     * The address of the client: the peer of the TCP connection, or, when that peer is one of the
     * {@code trusted-proxies}, the client its {@code Forwarded}/{@code X-Forwarded-For} header names.
     */
    InetSocketAddress remoteAddress();

    /** {@code http}, or what a trusted proxy's {@code Forwarded: proto=}/{@code X-Forwarded-Proto} says. */
    String scheme();

    /** The {@code Host} the client asked for, or a trusted proxy's {@code Forwarded: host=}/{@code X-Forwarded-Host}; "" if none. */
    String host();

    /** The app's shared context (its resources; see {@link Tulip#resource}). */
    AppContext context();

    /** Stores a per-request value (for example, the user a middleware authenticated); the value must not be null. */
    void attribute(String name, Object value);

    /** Removes a per-request value stored by {@link #attribute(String, Object)}, if there is one. */
    void removeAttribute(String name);

    /** A per-request value stored by {@link #attribute(String, Object)}, if present and of {@code type}. */
    <T> Optional<T> attribute(String name, Class<T> type);
}
