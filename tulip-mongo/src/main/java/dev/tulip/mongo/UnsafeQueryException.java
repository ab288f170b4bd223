package dev.tulip.mongo;

/**
 * A filter refused before it reached MongoDB: a field name starting with {@code $} or an operator
 * where only plain values are allowed (the operator injection of {@code {"$ne": null}}): answered
 * {@code 400}.
 */
public final class UnsafeQueryException extends MongoFailure {
    /** {@code message} says what was refused. */
    public UnsafeQueryException(String message) {
        super(400, message);
    }
}
