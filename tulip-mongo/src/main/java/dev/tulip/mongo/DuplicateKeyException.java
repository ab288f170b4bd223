package dev.tulip.mongo;

/** A write refused by a unique index (MongoDB error 11000): answered {@code 409 Conflict}. */
public final class DuplicateKeyException extends MongoFailure {
    /** The driver's failure is the cause. */
    public DuplicateKeyException(String message, Throwable cause) {
        super(409, message, cause);
    }
}
