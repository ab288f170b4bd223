package dev.tulip.bench.ws;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;

/**
 * A websocket echo at {@code /ws} on Vert.x core (the same version as tulip-pg's), for
 * {@code bench/ws.sh}: one event loop per available core, as Tulip has; {@code PORT} (default 8080).
 */
public final class VertxWsEcho {
    private VertxWsEcho() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        Vertx vertx = Vertx.vertx(
                new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
                .webSocketHandler(ws -> {
                    if (!ws.path().equals("/ws")) {
                        ws.close((short) 1008);
                        return;
                    }
                    ws.textMessageHandler(ws::writeTextMessage);
                    ws.binaryMessageHandler(ws::writeBinaryMessage);
                })
                .listen()
                .await();
        System.out.println("READY");
    }
}
