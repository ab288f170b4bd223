package dev.tulip.spi;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * One finished request, as a {@link RequestObserver} sees it.
 *
 * @param method the request method ({@code "-"} for a request that could not be parsed)
 * @param target the request target as sent, path and query ({@code "-"} if unparsed)
 * @param route the pattern of the route that served it ({@code /users/{id:int}}), empty if none
 * @param status the status sent (or that would have been sent to a client that left)
 * @param bodyBytes bytes of response body, for a streamed body those written before it ended
 * @param durationNanos from the moment the request was read to its outcome
 * @param outcome how it ended
 * @param remote the client's address, if known
 * @param requestId the request's id ({@code Request.id()}) when the {@code request-ids} setting is on
 */
public record RequestEvent(
        String method,
        String target,
        Optional<String> route,
        int status,
        long bodyBytes,
        long durationNanos,
        Outcome outcome,
        Optional<InetSocketAddress> remote,
        Optional<String> requestId) {

    /** How a request ended. */
    public enum Outcome {
        /** The response was handed to the connection. */
        SENT,
        /** Refused with 503 at once: the app was at its concurrency limit. */
        SHED,
        /** The handler ran past the handler timeout and was answered 503. */
        TIMED_OUT,
        /** Unparseable or over a limit: answered with a 4xx/5xx and the connection closed. */
        REJECTED,
        /** The client left before its response could be sent. */
        CLIENT_GONE,
        /** Still running when the drain timeout ended; cut. */
        CUT,
        /** A streamed body failed after its head was sent. */
        STREAM_FAILED,
        /** The connection was handed to another protocol after {@code 101 Switching Protocols}. */
        UPGRADED
    }
}
