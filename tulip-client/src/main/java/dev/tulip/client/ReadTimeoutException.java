package dev.tulip.client;

/** The server sent nothing for longer than the read timeout, while a response (its head or the rest of its body) was awaited. Answered {@code 504} when a handler lets it through. */
public final class ReadTimeoutException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public ReadTimeoutException(String what, String method, String url, Throwable cause) {
        super(504, what, method, url, cause);
    }
}
