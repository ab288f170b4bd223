package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.ws.Message;
import dev.tulip.ws.SendQueueFullException;
import dev.tulip.ws.WebSocketClosedException;
import dev.tulip.ws.WebSocketHub;
import dev.tulip.ws.WebSockets;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/** The websockets page of the guide: an echo, settings, the end of a websocket, back-pressure, a chat room. */
public final class WebSocketExamples {
    private WebSocketExamples() {}

    /** An echo at /ws/echo, a chat room at /ws/chat, a ticker at /ws/ticks and a room with settings at /ws/room. */
    public static Tulip app(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::ws-javadoc[]
        app.get("/ws/echo", WebSockets.handler(ws -> {
            for (Message m : ws) ws.send(m); // ends when the client closes
        }));
        // end::ws-javadoc[]

        // tag::ws-hub-javadoc[]
        WebSocketHub room = new WebSocketHub();
        app.get("/ws/chat", WebSockets.handler(ws -> {
            room.join(ws);
            for (Message m : ws) room.broadcast(m.text());
        })); // a closed websocket leaves the room by itself
        // end::ws-hub-javadoc[]

        // tag::guide-ws-settings[]
        app.get(
                "/ws/room/{name}",
                WebSockets.handler(
                        cfg -> cfg.subprotocols("chat.v2", "chat.v1") // preferred first
                                .allowOrigins("https://app.example.com") // besides the page's own origin
                                .maxMessageSize(64 * 1024) // larger: closed with 1009
                                .outboundQueue(128 * 1024) // bytes waiting for a slow client
                                .pingInterval(Duration.ofSeconds(20))
                                .idleTimeout(Duration.ofSeconds(45)),
                        ws -> {
                            String name = ws.request().pathParam("name");
                            ws.send("welcome to " + name + ", speaking "
                                    + ws.subprotocol().orElse("plain text"));
                            for (Message m : ws) ws.send(name + ": " + m.text());
                        }));
        // end::guide-ws-settings[]

        // tag::guide-ws-end[]
        app.get("/ws/log", WebSockets.handler(ws -> {
            try {
                while (true) {
                    Message m = ws.receive();
                    ws.send("logged " + m.bytes().length + " bytes");
                }
            } catch (WebSocketClosedException e) {
                // 1000 the client closed, 1001 idle or the server stopping, 1006 the connection lost
                LoggerFactory.getLogger("ws").info("closed: {} {}", e.code(), e.reason());
            }
        }));
        // end::guide-ws-end[]

        // tag::guide-ws-fail-fast[]
        app.get("/ws/ticks", WebSockets.handler(cfg -> cfg.failWhenFull(), ws -> {
            for (long tick = 0; ws.isOpen(); tick++) {
                try {
                    ws.send("tick " + tick);
                } catch (SendQueueFullException e) {
                    // the client is behind: skip this tick rather than queue it
                }
                Thread.sleep(100);
            }
        }));
        // end::guide-ws-fail-fast[]
        return app;
    }
}
