package dev.tulip.client;

/** The client is closed (the app stopped, or {@code close()} was called), or not open yet. Answered {@code 503} when a handler lets it through. */
public final class ClientClosedException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public ClientClosedException(String what, String method, String url, Throwable cause) {
        super(503, what, method, url, cause);
    }
}
