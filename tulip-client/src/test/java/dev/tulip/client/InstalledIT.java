package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Handler;
import dev.tulip.Tulip;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import dev.tulip.test.TulipApps;
import dev.tulip.test.TulipAppsExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeds' two servers: a front app whose handlers call a back app through an installed client,
 * on the front app's loops; closed with the front app. The extension fails a test that blocked a loop.
 */
@ExtendWith(TulipAppsExtension.class)
class InstalledIT {

    private static Tulip back() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.get("/pong", req -> "pong");
        app.get("/slow", req -> {
            Thread.sleep(300);
            return "slow pong";
        });
        app.get("/slower", req -> {
            Thread.sleep(1000);
            return "slower pong";
        });
        return app;
    }

    @Test
    void aVirtualThreadHandlerCallsAnotherApp(TulipApps apps) {
        TestServer back = apps.start(back());
        Http http = Http.create(cfg -> cfg.baseUrl(back.client().baseUrl()));
        Tulip front = Tulip.create(cfg -> cfg.port(0)).install(http);
        front.get("/ping", req -> "ping " + http.get("/pong").text());
        TestServer server = apps.start(front);
        assertThat(server.client().get("/ping").text()).isEqualTo("ping pong");
    }

    @Test
    void aNonBlockingHandlerCallsWithoutBlockingItsLoop() throws Exception {
        // a call of 1 s that blocked the loop would show as a blocked episode of about 1 s; 500 ms
        // leaves room for a loaded build machine's scheduling stalls
        try (TulipApps apps = TulipApps.create(Duration.ofMillis(500))) {
            TestServer back = apps.start(back());
            Http http = Http.create(cfg -> cfg.baseUrl(back.client().baseUrl()));
            Tulip front = Tulip.create(cfg -> cfg.port(0).eventLoops(1)).install(http);
            front.get(
                    "/ping",
                    Handler.nonBlocking(req -> http.get("/slower").textAsync().thenApply(s -> "ping " + s)));
            TestServer server = apps.start(front);
            List<CompletableFuture<String>> calls = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 20; i++)
                calls.add(CompletableFuture.supplyAsync(
                        () -> server.client().get("/ping").text(),
                        r -> Thread.ofVirtual().start(r)));
            for (var c : calls) assertThat(c.get(15, TimeUnit.SECONDS)).isEqualTo("ping slower pong");
            // 20 calls of 1 s on one loop: together, not one after the other
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aBlockingCallFromANonBlockingHandlerIsRefusedNotRun() {
        // its own watch, with a threshold above the first 500's encoding (Jackson warms up on the loop)
        try (TulipApps apps = TulipApps.create(Duration.ofSeconds(2))) {
            TestServer back = apps.start(back());
            Http http = Http.create(cfg -> cfg.baseUrl(back.client().baseUrl()));
            Tulip front = Tulip.create(cfg -> cfg.port(0)).install(http);
            front.get("/wrong", Handler.nonBlocking(req -> http.get("/pong").text()));
            TestServer server = apps.start(front);
            assertThat(server.client().get("/wrong").status()).isEqualTo(500);
        }
    }

    @Test
    void failuresThatEscapeAHandlerAnswerWithTheirStatus(TulipApps apps) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        TestServer back = apps.start(back());
        Http http = Http.create(cfg -> cfg.readTimeout(Duration.ofMillis(100)).retries(0, Duration.ZERO));
        Tulip front = Tulip.create(cfg -> cfg.port(0)).install(http);
        String refused = "http://127.0.0.1:" + closedPort + "/x";
        front.get("/refused", req -> http.get(refused).text());
        front.get("/slow", req -> http.get(back.client().baseUrl() + "/slow").text());
        front.get(
                "/missing",
                req -> http.get(back.client().baseUrl() + "/nothing-here").text());
        TestServer server = apps.start(front);
        TestResponse r = server.client().get("/refused");
        assertThat(r.status()).isEqualTo(502);
        assertThat(r.json().get("message").asString())
                .contains("connection refused")
                .contains(refused);
        assertThat(server.client().get("/slow").status()).isEqualTo(504);
        assertThat(server.client().get("/missing").status()).isEqualTo(502);
    }

    @Test
    void callsBeforeTheStartAndAfterTheStopFailClearly(TulipApps apps) {
        TestServer back = apps.start(back());
        Http http = Http.create(cfg -> cfg.baseUrl(back.client().baseUrl()));
        Tulip front = Tulip.create(cfg -> cfg.port(0)).install(http);
        assertThatThrownBy(() -> http.get("/pong").text())
                .isInstanceOf(ClientClosedException.class)
                .hasMessageContaining("not open");
        TestServer server = apps.start(front);
        assertThat(http.get("/pong").text()).isEqualTo("pong");
        server.stop();
        assertThat(http.isOpen()).isFalse();
        assertThatThrownBy(() -> http.get("/pong").text())
                .isInstanceOf(ClientClosedException.class)
                .hasMessageContaining("closed")
                .hasMessageContaining("GET /pong");
    }

    @Test
    void aStopWaitsForTheHandlersCallsThenClosesTheClient(TulipApps apps) throws Exception {
        TestServer back = apps.start(back());
        Http http = Http.create(cfg -> cfg.baseUrl(back.client().baseUrl()));
        Tulip front = Tulip.create(cfg -> cfg.port(0)).install(http);
        CountDownLatch inHandler = new CountDownLatch(1);
        front.get("/ping", req -> {
            inHandler.countDown();
            return "ping " + http.get("/slow").text();
        });
        TestServer server = apps.start(front);
        var call = CompletableFuture.supplyAsync(
                () -> server.client().get("/ping").text(),
                r -> Thread.ofVirtual().start(r));
        assertThat(inHandler.await(5, TimeUnit.SECONDS)).isTrue();
        server.stop(); // drains: the handler's call completes before the client closes
        assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("ping slow pong");
    }

    @Test
    void closingFailsTheCallsInFlight(TulipApps apps) throws Exception {
        TestServer back = apps.start(back());
        Http http = Http.open(cfg -> cfg.baseUrl(back.client().baseUrl()));
        var call = http.get("/slow").textAsync().toCompletableFuture();
        Thread.sleep(150); // the request is at the server
        http.close();
        assertThatThrownBy(() -> call.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(ClientClosedException.class);
    }

    @Test
    void anIntegrationValueBelongsToOneApp() {
        Http http = Http.create(cfg -> {});
        Tulip.create(cfg -> cfg.port(0)).install(http);
        assertThatThrownBy(() -> Tulip.create(cfg -> cfg.port(0)).install(http))
                .hasMessageContaining("Http is already installed");
    }
}
