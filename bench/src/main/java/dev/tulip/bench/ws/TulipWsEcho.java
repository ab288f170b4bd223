package dev.tulip.bench.ws;

import dev.tulip.Tulip;
import dev.tulip.ws.Message;
import dev.tulip.ws.WebSockets;

/** A websocket echo at {@code /ws} on Tulip, for {@code bench/ws.sh}; {@code PORT} (default 8080). */
public final class TulipWsEcho {
    private TulipWsEcho() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Tulip app = Tulip.create(cfg -> cfg.host("127.0.0.1").port(port));
        app.get("/ws", WebSockets.handler(ws -> {
            for (Message m : ws) ws.send(m);
        }));
        app.start();
        System.out.println("READY");
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
