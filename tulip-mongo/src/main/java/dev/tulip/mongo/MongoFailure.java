package dev.tulip.mongo;

import dev.tulip.HttpException;

/**
 * A MongoDB operation that failed. It is an {@link HttpException}, so a handler that lets it
 * through answers with its status: the subclasses say which ({@code 400}, {@code 409},
 * {@code 503}); anything else is a {@code 500} whose message gives the server's error code only,
 * the driver's exception being the cause (in the log, not in the response).
 */
public class MongoFailure extends HttpException {
    /** A failure answered with {@code status}. */
    public MongoFailure(int status, String message, Throwable cause) {
        super(status, message, cause);
    }

    /** A failure answered with {@code status}. */
    public MongoFailure(int status, String message) {
        super(status, message);
    }
}
