package dev.tulip;

/**
 * Ends a request with an HTTP error status. Unless an exception handler is registered for it, it
 * is sent as {@code {"status": 404, "error": "Not Found", "message": "..."}}.
 */
public class HttpException extends RuntimeException {
    private final int status;

    /** An error with {@code status} (400-599) and a message for the client. */
    public HttpException(int status, String message) {
        this(status, message, null);
    }

    /** An error with {@code status} (400-599), a message for the client and its cause. */
    public HttpException(int status, String message, Throwable cause) {
        super(message, cause);
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("error status must be 400-599, was " + status);
        this.status = status;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** {@code 400 Bad Request} with {@code message}. */
    public static HttpException badRequest(String message) {
        return new HttpException(400, message);
    }

    /** {@code 404 Not Found} with {@code message}. */
    public static HttpException notFound(String message) {
        return new HttpException(404, message);
    }
}
