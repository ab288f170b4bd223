package dev.tulip.pg.embedded;

/** The embedded PostgreSQL could not start; the message says why and what to do. */
public final class EmbeddedPgException extends RuntimeException {
    EmbeddedPgException(String message, Throwable cause) {
        super(message, cause);
    }
}
