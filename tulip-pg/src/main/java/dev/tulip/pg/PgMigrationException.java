package dev.tulip.pg;

/** A migration could not be applied, or an applied one was edited; the message says which and what to do. */
public final class PgMigrationException extends RuntimeException {
    /** {@code message} names the migration. */
    public PgMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
