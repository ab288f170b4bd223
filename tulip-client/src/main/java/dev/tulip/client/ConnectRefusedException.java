package dev.tulip.client;

/** Nothing listens at the URL's host and port (the connection was refused), or the host is unknown or unreachable. Answered {@code 502} when a handler lets it through. */
public final class ConnectRefusedException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public ConnectRefusedException(String what, String method, String url, Throwable cause) {
        super(502, what, method, url, cause);
    }
}
