package dev.tulip.mongo;

/**
 * MongoDB could not be reached within the server selection timeout, or the connection broke:
 * answered {@code 503}. The client keeps trying in the background, so later calls succeed once the
 * server is back.
 */
public final class MongoUnavailableException extends MongoFailure {
    /** The driver's failure is the cause. */
    public MongoUnavailableException(String message, Throwable cause) {
        super(503, message, cause);
    }
}
