package dev.tulip.mongo;

/** An id that does not fit the collection's {@link IdType} (a malformed ObjectId): answered {@code 400}. */
public final class InvalidIdException extends MongoFailure {
    /** {@code message} says what an id must look like. */
    public InvalidIdException(String message) {
        super(400, message);
    }
}
