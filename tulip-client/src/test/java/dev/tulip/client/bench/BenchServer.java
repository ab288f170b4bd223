package dev.tulip.client.bench;

import dev.tulip.Tulip;
import java.util.Map;

/** The server of the client benchmark: {@code GET /json} answers a small JSON object. Port from {@code PORT}. */
public final class BenchServer {
    private BenchServer() {}

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8091"));
        Tulip app = Tulip.create(cfg -> cfg.port(port).eventLoops(1).idleTimeout(java.time.Duration.ofMinutes(5)));
        app.get("/json", req -> Map.of("message", "Hello, World!"));
        app.run(new String[0]);
    }
}
