package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every wait is bounded, and each timeout is its own exception naming the call. */
class TimeoutsIT {
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.get("/sleep", req -> {
            sleep(3000);
            return "late";
        });
        app.get(
                "/trickle",
                req -> Response.stream("text/plain", out -> {
                    for (int i = 0; i < 30; i++) {
                        out.write('x');
                        out.flush();
                        sleep(100);
                    }
                }));
        server = TestServer.start(app);
        url = server.client().baseUrl();
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aServerSilentLongerThanTheReadTimeoutFailsTheCall() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).readTimeout(Duration.ofMillis(300)))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> http.get("/sleep").text())
                    .isInstanceOf(ReadTimeoutException.class)
                    .hasMessageContaining("GET " + url + "/sleep")
                    .satisfies(
                            e -> assertThat(((HttpClientException) e).status()).isEqualTo(504));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aBodyThatKeepsTricklingIsCutByTheTotalTimeout() {
        try (Http http = Http.open(
                cfg -> cfg.baseUrl(url).readTimeout(Duration.ofSeconds(1)).totalTimeout(Duration.ofMillis(500)))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> http.get("/trickle").text())
                    .isInstanceOf(TotalTimeoutException.class)
                    .hasMessageContaining("GET " + url + "/trickle");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(2000));
        }
    }

    @Test
    void aStreamedBodyIsCutByTheTotalTimeoutToo() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).totalTimeout(Duration.ofMillis(500)));
                StreamedResponse r = http.get("/trickle").stream()) {
            InputStream body = r.body();
            assertThatThrownBy(() -> body.readAllBytes()).isInstanceOf(TotalTimeoutException.class);
        }
    }

    @Test
    void aCallsOwnTimeoutReplacesTheClients() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            assertThatThrownBy(() ->
                            http.get("/sleep").timeout(Duration.ofMillis(200)).text())
                    .isInstanceOf(TotalTimeoutException.class);
        }
    }

    @Test
    void aHostThatAcceptsNothingFailsWithAConnectTimeout() throws Exception {
        // a listener that never accepts: once its backlog is full the kernel drops further SYNs
        try (ServerSocket blackhole = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(blackhole.getLocalSocketAddress(), 200);
                        fillers.add(s);
                    } catch (java.io.IOException full) {
                        s.close();
                        break;
                    }
                }
                String target = "http://127.0.0.1:" + blackhole.getLocalPort() + "/x";
                try (Http http = Http.open(
                        cfg -> cfg.connectTimeout(Duration.ofMillis(300)).retries(0, Duration.ZERO))) {
                    assertThatThrownBy(() -> http.get(target).send())
                            .isInstanceOf(ConnectTimeoutException.class)
                            .hasMessageContaining("GET " + target)
                            .satisfies(e -> assertThat(((HttpClientException) e).status())
                                    .isEqualTo(504));
                }
            } finally {
                for (Socket s : fillers) s.close();
            }
        }
    }

    @Test
    void aPortWithNothingListeningFailsAsRefusedWithTheUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String target = "http://127.0.0.1:" + port + "/users";
        try (Http http = Http.open(cfg -> cfg.retries(0, Duration.ZERO))) {
            assertThatThrownBy(() -> http.get(target).query("token", "s3cret").send())
                    .isInstanceOf(ConnectRefusedException.class)
                    .hasMessageContaining("connection refused")
                    .hasMessageContaining("GET " + target)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret")) // a query may hold secrets
                    .satisfies(
                            e -> assertThat(((HttpClientException) e).status()).isEqualTo(502));
        }
    }
}
