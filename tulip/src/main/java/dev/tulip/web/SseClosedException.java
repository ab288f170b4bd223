package dev.tulip.web;

/**
 * A send to an {@link EventStream} that is closed: the client went away (found by a send or a
 * heartbeat), an {@link SseHub} dropped it as too slow, or the app is stopping. It ends the
 * stream's handler normally when it propagates out of it; {@link #reason()} says which.
 */
public class SseClosedException extends RuntimeException {
    /** Why a stream closed. */
    public enum Reason {
        /** The client closed the connection. */
        CLIENT_GONE,
        /** A hub dropped the subscriber: its queue was full. */
        TOO_SLOW,
        /** The app is stopping. */
        STOPPING,
        /** The handler closed it. */
        CLOSED
    }

    private final Reason reason;

    public SseClosedException(Reason reason) {
        super(
                switch (reason) {
                    case CLIENT_GONE -> "the client closed the event stream";
                    case TOO_SLOW ->
                        "the client read too slowly: the hub dropped it (it reconnects with Last-Event-ID)";
                    case STOPPING -> "the app is stopping: the event stream ended (the client reconnects elsewhere)";
                    case CLOSED -> "the event stream was closed";
                });
        this.reason = reason;
    }

    /** Why the stream closed. */
    public Reason reason() {
        return reason;
    }
}
