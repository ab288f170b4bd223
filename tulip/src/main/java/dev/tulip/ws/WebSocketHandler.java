package dev.tulip.ws;

/**
 * Serves one websocket, as straight-line code on its own virtual thread. When it returns the
 * websocket is closed with {@code 1000}; when it throws (anything but
 * {@link WebSocketClosedException}) it is closed with {@code 1011} and the exception is logged.
 */
@FunctionalInterface
public interface WebSocketHandler {

    /** Talks with the client over {@code ws} until either side closes it. */
    void handle(WebSocket ws) throws Exception;
}
