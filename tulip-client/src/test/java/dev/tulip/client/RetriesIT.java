package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retries: only idempotent requests, only after a connection failed before any response. The
 * server here closes its first connection as soon as it has read a request, and answers on the
 * next ones.
 */
class RetriesIT {
    private ServerSocket listener;
    private final AtomicInteger accepted = new AtomicInteger();
    private String url;

    @BeforeEach
    void start() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        url = "http://127.0.0.1:" + listener.getLocalPort();
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    Socket s = listener.accept();
                    int n = accepted.incrementAndGet();
                    Thread.ofVirtual().start(() -> serve(s, n == 1));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    private static void serve(Socket s, boolean hangUp) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (readHead(in)) {
                if (hangUp) return; // read the request, close without a byte of answer
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads up to the end of a head (the tests send no bodies); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            state = b == '\r' && (state == 0 || state == 2)
                    ? state + 1
                    : b == '\n' && (state == 1 || state == 3) ? state + 1 : 0;
            if (state == 4) return true;
        }
        return false;
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
    }

    @Test
    void anIdempotentRequestIsSentAgainOnANewConnection() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).retries(1, Duration.ofMillis(10)))) {
            assertThat(http.get("/x").text()).isEqualTo("ok");
            assertThat(accepted).hasValue(2);
        }
    }

    @Test
    void aPutIsRetriedTooForItIsIdempotent() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).retries(1, Duration.ofMillis(10)))) {
            assertThat(http.put("/x").send().status()).isEqualTo(200);
        }
    }

    @Test
    void aPostIsNotRetried() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).retries(3, Duration.ofMillis(10)))) {
            assertThatThrownBy(() -> http.post("/x").send())
                    .isInstanceOf(ConnectionClosedException.class)
                    .hasMessageContaining("closed the connection before answering")
                    .hasMessageContaining("POST " + url + "/x");
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void withNoRetriesAGetFailsAtOnce() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).retries(0, Duration.ZERO))) {
            assertThatThrownBy(() -> http.get("/x").send()).isInstanceOf(ConnectionClosedException.class);
            assertThat(accepted).hasValue(1);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffThenReported() throws IOException {
        listener.close();
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).retries(2, Duration.ofMillis(100)))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> http.get("/x").send()).isInstanceOf(ConnectRefusedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300)); // 100 + 200
        }
    }
}
