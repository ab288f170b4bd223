package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Keep-alive connections are pooled per origin: reused, capped, and closed when idle. */
class PoolingIT {
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final CountDownLatch release = new CountDownLatch(1);
    private TestServer server;
    private String url;

    @BeforeEach
    void start() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.get("/port", req -> {
            clientPorts.add(req.remoteAddress().getPort()); // one port per connection
            return "ok";
        });
        app.get("/held", req -> {
            clientPorts.add(req.remoteAddress().getPort());
            return release.await(5, TimeUnit.SECONDS) ? "released" : "not released";
        });
        server = TestServer.start(app);
        url = server.client().baseUrl();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void sequentialCallsReuseOneConnection() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            for (int i = 0; i < 20; i++) assertThat(http.get("/port").text()).isEqualTo("ok");
            assertThat(clientPorts).hasSize(1);
            assertThat(http.connections(url)).isEqualTo(1);
        }
    }

    @Test
    void concurrentCallsOpenNoMoreThanTheMaximumPerHost() throws Exception {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).maxConnectionsPerHost(2))) {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int j = 0; j < 10; j++) http.get("/port").text();
                }));
            for (Thread t : threads) t.join();
            assertThat(clientPorts).hasSizeBetween(1, 2);
        }
    }

    @Test
    void aCallWaitingLongerThanThePoolTimeoutFailsAsPoolExhausted() throws Exception {
        try (Http http =
                Http.open(cfg -> cfg.baseUrl(url).maxConnectionsPerHost(1).poolTimeout(Duration.ofMillis(200)))) {
            Thread holder = Thread.ofVirtual().start(() -> http.get("/held").text());
            while (clientPorts.isEmpty()) Thread.sleep(5);
            assertThatThrownBy(() -> http.get("/port").text())
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("GET " + url + "/port")
                    .hasMessageContaining("maxConnectionsPerHost");
            release.countDown();
            holder.join();
            assertThat(http.get("/port").text()).isEqualTo("ok"); // the freed connection serves again
            assertThat(clientPorts).hasSize(1);
        }
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).idleTimeout(Duration.ofMillis(100)))) {
            http.get("/port").text();
            assertThat(http.connections(url)).isEqualTo(1);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (http.connections(url) > 0 && System.nanoTime() < until) Thread.sleep(20);
            assertThat(http.connections(url)).isZero();
            http.get("/port").text();
            assertThat(clientPorts).hasSize(2);
        }
    }

    @Test
    void aConnectionClosedByTheServerIsNotReused() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            http.get("/port").header("Connection", "close").text();
            http.get("/port").text();
            assertThat(clientPorts).hasSize(2);
        }
    }
}
