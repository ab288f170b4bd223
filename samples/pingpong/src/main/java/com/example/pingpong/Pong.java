package com.example.pingpong;

import dev.tulip.Tulip;
import java.util.Map;
import java.util.function.Consumer;

/** The pong service: {@code GET /pong} answers {@code {"pong": true}}. */
public final class Pong {
    private Pong() {}

    public static Tulip create(Consumer<dev.tulip.Config.Builder> config) {
        Tulip app = Tulip.create(config);
        app.get("/pong", req -> Map.of("pong", true));
        return app;
    }

    public static void main(String[] args) {
        create(cfg -> cfg.port(8001)).run(args);
    }
}
