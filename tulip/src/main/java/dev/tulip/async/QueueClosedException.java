package dev.tulip.async;

/**
 * An {@link AsyncQueue} was closed: a put after {@link AsyncQueue#close()}, a take once the queue
 * is closed and empty, or a wait that was pending when it closed.
 */
public final class QueueClosedException extends IllegalStateException {

    /** {@code what} (a put or a take) failed because the queue was closed. */
    public QueueClosedException(String what) {
        super(what + ": the queue was closed");
    }
}
