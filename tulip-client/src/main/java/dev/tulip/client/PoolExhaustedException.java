package dev.tulip.client;

/** Every connection to the host was busy (the per-host maximum) for longer than the pool timeout. Answered {@code 503} when a handler lets it through. */
public final class PoolExhaustedException extends HttpClientException {
    /** {@code what} says what happened; {@code cause} is the transport's exception, or {@code null}. */
    public PoolExhaustedException(String what, String method, String url, Throwable cause) {
        super(503, what, method, url, cause);
    }
}
