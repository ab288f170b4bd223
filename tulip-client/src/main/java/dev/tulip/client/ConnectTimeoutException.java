package dev.tulip.client;

/** The connection was not established within the connect timeout (the host drops packets, or its backlog is full). Answered {@code 504} when a handler lets it through. */
public final class ConnectTimeoutException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public ConnectTimeoutException(String what, String method, String url, Throwable cause) {
        super(504, what, method, url, cause);
    }
}
