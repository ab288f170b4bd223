package dev.tulip.spi;

import dev.tulip.Response;
import java.util.List;
import java.util.Map;

/**
 * An app started without a socket ({@link dev.tulip.Tulip#startInProcess}): its loops, resources
 * and start listeners are up, and requests go straight to its router, middleware and handlers.
 * For test clients; closing it stops the app.
 */
public interface InProcess extends AutoCloseable {

    /** A finished exchange: the response as the handler chain left it, and its body as it would be sent. */
    record Result(Response response, byte[] body) {}

    /**
     * Runs one request on the calling thread, to completion (streamed bodies are written out).
     * {@code headers} are added in order; {@code body} may be null.
     */
    Result send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body);

    /** Stops the app (listeners and resources close as in {@link dev.tulip.Tulip#stop}). */
    @Override
    void close();
}
