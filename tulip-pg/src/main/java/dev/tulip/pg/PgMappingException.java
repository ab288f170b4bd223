package dev.tulip.pg;

/** A column value does not fit the Java type asked for; the message names the column and both types. */
public final class PgMappingException extends RuntimeException {
    /** {@code message} names the column. */
    public PgMappingException(String message) {
        super(message);
    }
}
