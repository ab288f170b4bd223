package dev.tulip.client;

/** The server redirected more times than the redirect policy follows. Answered {@code 502} when a handler lets it through. */
public final class TooManyRedirectsException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public TooManyRedirectsException(String what, String method, String url, Throwable cause) {
        super(502, what, method, url, cause);
    }
}
