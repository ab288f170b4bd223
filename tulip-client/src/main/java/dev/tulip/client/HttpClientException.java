package dev.tulip.client;

import dev.tulip.HttpException;

/**
 * A call of the {@link Http} client that failed. It is an {@link HttpException}, so a handler that
 * lets it through answers with {@link #status()}: a {@code 502} when the other server could not be
 * reached or answered badly, a {@code 504} when it was too slow, a {@code 503} when this client had
 * no connection to give. The message names the method and the URL (without its query, which may hold secrets, since the
 * message is what a handler that lets it through answers); the cause, if any, is the
 * transport's own exception (in the log, not in the response).
 */
public class HttpClientException extends HttpException {
    private final String method;
    private final String url;

    /** A failure of {@code method url} answered with {@code status}; {@code what} says what happened. */
    public HttpClientException(int status, String what, String method, String url, Throwable cause) {
        super(status, what + ": " + method + " " + url, cause);
        this.method = method;
        this.url = url;
    }

    /** The request's method. */
    public String method() {
        return method;
    }

    /** The request's URL without its query (the last one, after redirects). */
    public String url() {
        return url;
    }
}
