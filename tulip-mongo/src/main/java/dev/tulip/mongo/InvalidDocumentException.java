package dev.tulip.mongo;

/**
 * A document that cannot be stored (a field name starting with {@code $} or holding a {@code .},
 * nesting deeper than MongoDB allows, a number no BSON type holds): answered {@code 400}.
 */
public final class InvalidDocumentException extends MongoFailure {
    /** {@code message} says what to change. */
    public InvalidDocumentException(String message) {
        super(400, message);
    }
}
