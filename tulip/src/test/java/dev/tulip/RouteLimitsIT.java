package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A route's own body limit and handler timeout, above and below the app's, over a real socket. */
class RouteLimitsIT {
    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).maxBodySize(100).handlerTimeout(Duration.ofSeconds(10)));
        app.post("/small", req -> req.body().length);
        app.post("/upload", req -> req.body().length).maxBodySize(1000);
        app.post("/tiny", req -> req.body().length).maxBodySize(10);
        app.group("/api", api -> api.post("/{id:int}", req -> req.body().length).maxBodySize(500));
        app.get("/slow", req -> {
                    Thread.sleep(5_000);
                    return "late";
                })
                .handlerTimeout(Duration.ofMillis(300));
        app.get("/patient", req -> {
            Thread.sleep(600);
            return "on time";
        });
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static int post(String path, int bytes) throws Exception {
        String head =
                "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes + "\r\nConnection: close\r\n\r\n";
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head.getBytes(StandardCharsets.US_ASCII));
            c.send(new byte[bytes]);
            return c.read().status();
        }
    }

    @Test
    void aRouteMayAcceptMoreThanTheAppsLimit() throws Exception {
        assertThat(post("/small", 100)).isEqualTo(200);
        assertThat(post("/small", 101)).isEqualTo(413);
        assertThat(post("/upload", 1000)).isEqualTo(200);
        assertThat(post("/upload", 1001)).isEqualTo(413);
        assertThat(post("/api/7", 500)).isEqualTo(200);
        assertThat(post("/api/7", 501)).isEqualTo(413);
    }

    @Test
    void aRouteMayAcceptLessThanTheAppsLimit() throws Exception {
        assertThat(post("/tiny", 10)).isEqualTo(200);
        assertThat(post("/tiny", 11)).isEqualTo(413);
    }

    @Test
    void aChunkedBodyIsHeldToTheRoutesLimitToo() throws Exception {
        String chunk = "a".repeat(400);
        String req = "POST /api/1 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(400) + "\r\n" + chunk + "\r\n" + Integer.toHexString(400) + "\r\n" + chunk
                + "\r\n0\r\n\r\n";
        assertThat(RawHttp.exchange(port, req).status()).isEqualTo(413);
    }

    @Test
    void aRoutesHandlerTimeoutReplacesTheApps() throws Exception {
        long t0 = System.nanoTime();
        RawHttp.Response slow = RawHttp.exchange(port, "GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        long tookMillis = (System.nanoTime() - t0) / 1_000_000;

        assertThat(slow.status()).isEqualTo(503);
        assertThat(new String(slow.body(), StandardCharsets.UTF_8)).contains("did not finish within 300ms");
        assertThat(tookMillis).as("well before the app's 10s").isLessThan(4_000);
        assertThat(RawHttp.exchange(port, "GET /patient HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aLimitNeedsARouteBeforeIt() {
        assertThatThrownBy(() -> Tulip.create().maxBodySize(1))
                .hasMessageStartingWith("maxBodySize(...) sets a limit of the route added last; add one first");
        assertThatThrownBy(() -> Tulip.create().get("/", req -> "x").handlerTimeout(Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
