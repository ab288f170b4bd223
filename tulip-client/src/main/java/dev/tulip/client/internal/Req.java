package dev.tulip.client.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One request as the transport sends it: the method, the absolute URL (query included), the
 * headers (defaults already merged in), the body, and the call's total timeout.
 */
public record Req(String method, URI url, List<Map.Entry<String, String>> headers, Body body, Duration total) {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE");

    /** A request's body. */
    public sealed interface Body {
        /** Whether it can be sent again (for a retry or a 307/308 redirect). */
        default boolean replayable() {
            return true;
        }
    }

    /** No body. */
    public record Empty() implements Body {}

    /** A body in memory. */
    public record Bytes(byte[] data, String contentType) implements Body {}

    /** A body read from {@code in} as it is sent, in chunks. */
    public record Stream(InputStream in, String contentType) implements Body {
        @Override
        public boolean replayable() {
            return false;
        }
    }

    /** Whether sending it twice has the effect of sending it once (RFC 9110 §9.2.2) and its body can be resent. */
    boolean retryable() {
        return IDEMPOTENT.contains(method) && body.replayable();
    }

    /** The same request to {@code to} with {@code method}, {@code body}, and {@code headers}. */
    Req redirected(URI to, String method, Body body, List<Map.Entry<String, String>> headers) {
        return new Req(method, to, headers, body, total);
    }

    /** The URL for messages: without user info or query. */
    String urlText() {
        return Urls.display(url);
    }
}
