package dev.tulip.ws;

/**
 * The websocket is closed: {@link WebSocket#receive} has no message left and the client will send
 * no more, or a send came after the close. {@link #code} says how it closed: the client's close
 * code ({@code 1005} if its close frame had none), the server's own ({@code 1001} when the app
 * drains or the client went idle, {@code 1002}/{@code 1007}/{@code 1009} for a client that broke
 * the protocol or a limit), or {@code 1006} when the connection was lost without a close frame.
 */
public final class WebSocketClosedException extends RuntimeException {
    private final int code;
    private final String reason;

    /** A close with {@code code} and {@code reason} (may be empty). */
    public WebSocketClosedException(int code, String reason) {
        super("the websocket is closed (" + code + (reason.isEmpty() ? "" : ": " + reason) + ")");
        this.code = code;
        this.reason = reason;
    }

    /** The close code (RFC 6455 section 7.4). */
    public int code() {
        return code;
    }

    /** The reason sent with the close, or a description of why the server closed it; may be empty. */
    public String reason() {
        return reason;
    }
}
