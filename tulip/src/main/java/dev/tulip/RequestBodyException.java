package dev.tulip;

import java.io.IOException;

/**
 * Reading a streamed request body failed: it grew past the body limit ({@code 413}), its chunked
 * framing was malformed ({@code 400}), the client stalled ({@code 408}) or went away. Thrown by
 * {@link Request#bodyStream()}'s reads; a handler that lets it escape answers with its status.
 */
public class RequestBodyException extends IOException {
    private final int status;

    /** A failure answered with {@code status} (400-599) and {@code message}. */
    public RequestBodyException(int status, String message) {
        super(message);
        if (status < 400 || status > 599)
            throw new IllegalArgumentException("error status must be 400-599, was " + status);
        this.status = status;
    }

    /** The HTTP status the failure is answered with. */
    public int status() {
        return status;
    }
}
