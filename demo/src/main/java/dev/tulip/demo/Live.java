package dev.tulip.demo;

import dev.tulip.Tulip;
import dev.tulip.web.Sse;
import dev.tulip.web.SseHub;
import dev.tulip.web.StaticFiles;
import dev.tulip.ws.Message;
import dev.tulip.ws.WebSocketHub;
import dev.tulip.ws.WebSockets;
import java.time.Duration;

/**
 * The live part of the demo: a websocket chat at {@code /ws/chat} (every message to every member;
 * a member too slow to keep up is dropped, not buffered for), an event stream at {@code /events}
 * announcing each contact {@code POST /new} creates, and the page at {@code /chat} that uses both.
 */
final class Live {
    /** Messages longer than this are refused (the websocket closes with 1009). */
    static final int MAX_MESSAGE = 4 * 1024;

    private Live() {}

    /** Installs the routes; returns the hub new contacts are announced on. */
    static SseHub install(Tulip app) {
        Sse sse = Sse.create(cfg -> cfg.heartbeat(Duration.ofSeconds(15)));
        app.install(sse);
        SseHub contacts = sse.hub(64);
        app.get("/events", req -> sse.stream(req, contacts::join));

        WebSocketHub room = new WebSocketHub();
        app.get(
                "/ws/chat",
                WebSockets.handler(cfg -> cfg.maxMessageSize(MAX_MESSAGE).outboundQueue(64 * 1024), ws -> {
                    room.join(ws);
                    for (Message m : ws) room.broadcast(m.text());
                }));
        app.get("/chat", StaticFiles.classpathFile("/web/chat.html"));
        return contacts;
    }
}
