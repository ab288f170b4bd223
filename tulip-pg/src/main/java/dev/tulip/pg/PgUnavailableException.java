package dev.tulip.pg;

/**
 * The database could not take the query now: unreachable, restarting, or every connection busy
 * with the wait queue full. It comes fast (no hang); installed into an app, {@link Pg} answers it
 * with {@code 503} and {@code Retry-After}.
 */
public final class PgUnavailableException extends RuntimeException {
    /** {@code message} says what happened and what to do. */
    public PgUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
