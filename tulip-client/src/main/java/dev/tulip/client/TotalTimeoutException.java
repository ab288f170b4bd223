package dev.tulip.client;

/** The whole call (connecting, redirects, retries, the response's body) took longer than the total timeout. Answered {@code 504} when a handler lets it through. */
public final class TotalTimeoutException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public TotalTimeoutException(String what, String method, String url, Throwable cause) {
        super(504, what, method, url, cause);
    }
}
