package dev.tulip.ws;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A set of websockets to broadcast to, such as a chat room. A broadcast never waits for a slow
 * client: the message is encoded once and offered to each member's outbound queue, and a member
 * whose queue is full is closed with {@code 1008} (policy violation: it reads too slowly) and
 * leaves, rather than being buffered for without bound. A member also leaves when it closes.
 *
 * <pre>{@code
 * WebSocketHub room = new WebSocketHub();
 * app.get("/ws/chat", WebSockets.handler(ws -> {
 *     room.join(ws);
 *     for (Message m : ws) room.broadcast(m.text());
 * })); // a closed websocket leaves the room by itself
 * }</pre>
 *
 * The outbound queue ({@link WebSockets.Builder#outboundQueue}) is what a member may fall behind
 * by: size it for the bursts the room sends, since a burst larger than it drops even a member
 * that reads at once. Thread-safe: members join, leave and broadcast from any thread.
 */
public final class WebSocketHub {
    /** The close code sent to a member too slow for a broadcast. */
    public static final int TOO_SLOW = 1008;

    private final Set<Session> members = ConcurrentHashMap.newKeySet();

    /** An empty hub. */
    public WebSocketHub() {}

    /** Adds {@code ws}; it leaves when it closes. Only Tulip's own websockets can join. */
    public void join(WebSocket ws) {
        if (!(ws instanceof Session s))
            throw new IllegalArgumentException("only websockets from WebSockets.handler can join a hub");
        members.add(s);
        s.onClose(() -> members.remove(s));
    }

    /** Removes {@code ws}, leaving it open. */
    public void leave(WebSocket ws) {
        if (ws instanceof Session s) members.remove(s);
    }

    /** How many websockets are in the hub. */
    public int size() {
        return members.size();
    }

    /** Sends {@code text} to every member; returns how many got it (slow ones are closed and dropped). */
    public int broadcast(String text) {
        return broadcast(Frames.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code data} to every member; returns how many got it (slow ones are closed and dropped). */
    public int broadcast(byte[] data) {
        return broadcast(Frames.BINARY, data.clone());
    }

    private int broadcast(int opcode, byte[] payload) {
        ByteBuf frame = Frames.frame(opcode, payload);
        int sent = 0;
        try {
            for (Session s : members) {
                switch (s.offer(frame, payload.length)) {
                    case SENT -> sent++;
                    case FULL -> {
                        members.remove(s);
                        s.close(TOO_SLOW, "too slow: the outbound queue is full");
                    }
                    case CLOSED -> members.remove(s);
                }
            }
        } finally {
            frame.release();
        }
        return sent;
    }
}
