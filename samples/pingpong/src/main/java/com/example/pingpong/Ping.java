package com.example.pingpong;

import dev.tulip.AppSetting;
import dev.tulip.HttpException;
import dev.tulip.Tulip;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ping service: {@code GET /ping} calls pong and says what it answered. The handler blocks on
 * the call, which is fine: it runs on a virtual thread.
 */
public final class Ping {
    /** Where pong listens: {@code --pong-url=...} or {@code TULIP_PONG_URL}. */
    public static final AppSetting<String> PONG_URL =
            AppSetting.string("pong-url", "http://127.0.0.1:8001", "where the pong service listens");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Ping() {}

    public static Tulip create(Consumer<dev.tulip.Config.Builder> config) {
        Tulip app = Tulip.create(config).declare(PONG_URL);
        app.get("/ping", req -> {
            String url = req.context().config().get(PONG_URL) + "/pong";
            HttpResponse<String> pong;
            try {
                pong = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new HttpException(502, "pong is unreachable at " + url);
            }
            return Map.of("ping", true, "pong said", pong.body());
        });
        return app;
    }

    public static void main(String[] args) {
        create(cfg -> cfg.port(8000)).run(args);
    }
}
