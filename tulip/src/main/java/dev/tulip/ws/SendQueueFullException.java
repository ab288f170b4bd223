package dev.tulip.ws;

/**
 * A send found the websocket's outbound queue full and the websocket was configured to fail fast
 * ({@link WebSockets.Builder#failWhenFull}): the client reads slower than the handler writes.
 * Nothing of the message was queued; send again later, drop it, or close the websocket.
 */
public final class SendQueueFullException extends RuntimeException {
    private final long queuedBytes;

    /** A send of {@code size} bytes refused with {@code queuedBytes} of {@code limit} queued. */
    public SendQueueFullException(int size, long queuedBytes, int limit) {
        super("the client reads too slowly: " + queuedBytes + " bytes are queued for it (outboundQueue " + limit
                + "), no room for " + size + " more; send later, drop the message or close the websocket");
        this.queuedBytes = queuedBytes;
    }

    /** How many bytes were queued when the send was refused. */
    public long queuedBytes() {
        return queuedBytes;
    }
}
