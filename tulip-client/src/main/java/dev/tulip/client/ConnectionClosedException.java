package dev.tulip.client;

/** The server closed the connection before its response was complete, or sent something that is not HTTP/1.1. Answered {@code 502} when a handler lets it through. */
public final class ConnectionClosedException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public ConnectionClosedException(String what, String method, String url, Throwable cause) {
        super(502, what, method, url, cause);
    }
}
