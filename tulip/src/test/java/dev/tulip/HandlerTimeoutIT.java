package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code handlerTimeout}: a handler running too long is answered 503 and interrupted. */
class HandlerTimeoutIT {
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final CountDownLatch interrupted = new CountDownLatch(1);
    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0).handlerTimeout(TIMEOUT));
        app.get("/stuck", req -> {
            try {
                new CountDownLatch(1).await(); // only an interrupt ends this
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "unreachable";
        });
        app.get("/prompt", req -> {
            Thread.sleep(TIMEOUT.toMillis() / 6); // well inside the timeout
            return "in time";
        });
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void handlerRunningPastTheTimeoutGets503AndIsInterrupted() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            long t0 = System.nanoTime();
            RawHttp.Response r = c.send("GET", "/stuck").read();
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.text()).contains("did not finish within");
            assertThat(tookMs).isBetween(TIMEOUT.toMillis(), 10_000L);
            assertThat(interrupted.await(20, TimeUnit.SECONDS))
                    .as("handler thread interrupted")
                    .isTrue();
        }
    }

    @Test
    void handlerFinishingInTimeGets200() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response r = c.send("GET", "/prompt").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("in time");
        }
    }

    @Test
    void connectionStaysUsableAfterA503() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response timedOut = c.send("GET", "/stuck").read();
            assertThat(timedOut.status()).isEqualTo(503);
            assertThat(timedOut.header("Connection")).isEmpty();
            RawHttp.Response next = c.send("GET", "/prompt").read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.text()).isEqualTo("in time");
        }
    }
}
