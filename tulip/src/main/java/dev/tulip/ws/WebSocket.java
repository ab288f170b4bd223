package dev.tulip.ws;

import dev.tulip.Request;
import java.util.Optional;

/**
 * One websocket, as its {@link WebSocketHandler} sees it. Receiving is for the handler's thread;
 * sends and {@link #close} may come from any thread (a {@link WebSocketHub} broadcasts from the
 * sender's).
 *
 * <p><b>The end.</b> Iterating ({@code for (Message m : ws)}) yields messages until the websocket
 * closes, then ends; {@link #receive} instead throws {@link WebSocketClosedException}, whose code
 * says why: the client closed, the server closed (a drain, an idle client, a protocol error), or the
 * connection was lost ({@code 1006}). {@link #closeStatus} tells the same after the loop.
 *
 * <p><b>Back-pressure.</b> Outbound messages wait in a queue of at most {@code outboundQueue}
 * bytes (one larger message is let into an empty queue). When it is full a send blocks until the
 * client has read enough, up to {@code sendTimeout}, or, with {@code failWhenFull}, throws
 * {@link SendQueueFullException} at once. Inbound, at most {@code inboundQueue} messages wait for
 * the handler; then the server stops reading the socket, so a client cannot make it buffer either.
 */
public interface WebSocket extends Iterable<Message> {

    /** The request that opened the websocket (its path parameters, query, headers, cookies). */
    Request request();

    /** The subprotocol chosen in the handshake, if the route offers any and the client asked for one. */
    Optional<String> subprotocol();

    /**
     * The next message, waiting as long as the client stays connected (an idle client is closed
     * after {@code idleTimeout}).
     *
     * @throws WebSocketClosedException once the websocket is closed and every message was received
     */
    Message receive() throws InterruptedException;

    /** Sends a text message (waits or fails while the outbound queue is full; see above). */
    void send(String text) throws InterruptedException;

    /** Sends a binary message (waits or fails while the outbound queue is full; see above). */
    void send(byte[] data) throws InterruptedException;

    /** Sends {@code message} back as it came: text as text, binary as binary. */
    default void send(Message message) throws InterruptedException {
        switch (message) {
            case Message.Text t -> send(t.text());
            case Message.Binary b -> send(b.data());
        }
    }

    /** Closes with {@code 1000} (normal closure). */
    default void close() {
        close(1000, "");
    }

    /**
     * Starts the close handshake with {@code code} (1000-1003, 1007-1014 or 3000-4999) and
     * {@code reason} (at most 123 bytes of UTF-8); messages sent before it go out first. The
     * connection closes when the client answers, or after {@code closeTimeout}. Closing twice does
     * nothing.
     */
    void close(int code, String reason);

    /** Whether messages can still be sent: no close was sent or received and the connection is up. */
    boolean isOpen();

    /** How the websocket closed, once it has: the exception {@link #receive} throws at the end. */
    Optional<WebSocketClosedException> closeStatus();

    /** Bytes of sent messages not yet written to the socket (never more than the outbound queue holds). */
    long queuedBytes();
}
