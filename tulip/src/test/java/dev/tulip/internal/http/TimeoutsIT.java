package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Head, body and idle timeouts. The configured timeouts are short; the waits for them are bounded by
 * the client's socket timeout (seconds), so nothing here asserts a tight timing.
 */
class TimeoutsIT {
    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0)
                .eventLoops(1)
                .headTimeout(Duration.ofMillis(300))
                .idleTimeout(Duration.ofMillis(300))
                .handlerTimeout(Duration.ofMillis(300)));
        app.get("/", req -> "ok");
        app.get("/stuck", req -> {
            Thread.sleep(10_000); // interrupted when the handler timeout answers for it
            return "too late";
        });
        app.post("/echo", req -> Response.bytes(req.body(), "application/octet-stream"));
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void aPartialHeadIsAnswered408AndClosed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\n");
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.closes()).isTrue();
            c.assertClosedByServer();
        }
    }

    @Test
    void aHeadTrickledByteByByteIsCutOffByTheHeadTimeout() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            // keeps the connection busy (so the idle timeout never applies) but never ends the head
            Thread trickler = Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < 200 && !Thread.currentThread().isInterrupted(); i++) {
                        c.send("s");
                        Thread.sleep(25);
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the server, or the test is over
                }
            });
            try {
                RawHttp.Response r = c.read();
                assertThat(r.status()).isEqualTo(408);
                c.assertClosedByServer();
            } finally {
                trickler.interrupt();
                trickler.join();
            }
        }
    }

    @Test
    void aStalledBodyIsAnswered408AndClosed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nhalf ");
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(408);
            c.assertClosedByServer();
        }
    }

    @Test
    void aCompleteRequestSentPromptlyIsServed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
            assertThat(r.closes()).isFalse();
        }
    }

    @Test
    void aHandlerRunningPastTheHandlerTimeoutIsAnswered503AndTheConnectionGoesOn() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(c.read().status()).isEqualTo(503);
            RawHttp.Response next = c.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("ok");
            c.assertClosedByServer(); // the timeouts keep working after one fired: the idle one closes this connection
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedByTheServer() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            assertThat(c.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status())
                    .isEqualTo(200);
            c.assertClosedByServer(); // no 408: an idle connection is closed silently
        }
    }

    @Test
    void aConnectionThatNeverSendsAnythingIsClosedByTheServer() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.assertClosedByServer();
        }
    }
}
