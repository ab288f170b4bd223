package dev.tulip.client.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A response as the transport got it: status, headers (case-insensitive names), the request that
 * got it, and the body, in memory ({@code body}) or still arriving ({@code stream}).
 */
public record RawResponse(int status, Map<String, List<String>> headers, Req req, byte[] body, InputStream stream) {

    RawResponse withBody(byte[] bytes) {
        return new RawResponse(status, headers, req, bytes, null);
    }

    /** The first value of header {@code name}. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** The URL that answered, as text (query included). */
    public String url() {
        return Urls.full(req.url());
    }

    /** The URL that answered, for messages (no query). */
    public String urlForMessages() {
        return req.urlText();
    }

    /** The method of the request that got it. */
    public String method() {
        return req.method();
    }

    /** Drops the body of a streamed response not wanted (a redirect's): the connection is not reused. */
    void discard() {
        if (stream != null) {
            try {
                stream.close();
            } catch (java.io.IOException ignored) {
                // closing a BodyStream does not throw
            }
        }
    }
}
