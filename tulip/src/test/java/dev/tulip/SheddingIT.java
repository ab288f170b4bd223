package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code maxConcurrentRequests}: requests beyond the limit are shed at once with 503 + Retry-After. */
class SheddingIT {
    private static final int LIMIT = 4;
    private static final int BURST = 20;
    private static final long WAIT = 20;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private final CountDownLatch entered = new CountDownLatch(LIMIT);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch enteredAgain = new CountDownLatch(LIMIT);
    private final CountDownLatch releaseAgain = new CountDownLatch(1);
    private Tulip app;

    @AfterEach
    void tearDown() {
        release.countDown();
        releaseAgain.countDown();
        if (app != null) app.stop();
        clients.shutdownNow();
    }

    @Test
    void requestsBeyondTheLimitAreShedUntilSlotsFreeUp() throws Exception {
        app = Tulip.create(c -> c.port(0).maxConcurrentRequests(LIMIT));
        app.get("/hold", req -> {
            entered.countDown();
            release.await();
            return "held";
        });
        app.get("/quick", req -> "quick");
        app.get("/again", req -> {
            enteredAgain.countDown();
            releaseAgain.await();
            return "again";
        });
        app.start();

        List<Future<RawHttp.Response>> admitted = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) admitted.add(clients.submit(() -> request("/hold")));
        assertThat(entered.await(WAIT, TimeUnit.SECONDS))
                .as("the admitted requests are in their handlers")
                .isTrue();

        List<Future<RawHttp.Response>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            String path = i % 2 == 0 ? "/hold" : "/quick";
            burst.add(clients.submit(() -> request(path)));
        }
        for (Future<RawHttp.Response> f : burst) {
            RawHttp.Response r = f.get(WAIT, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).hasValue("1");
        }
        assertThat(admitted)
                .as("admitted requests still held while the burst is shed")
                .noneMatch(Future::isDone);

        release.countDown();
        for (Future<RawHttp.Response> f : admitted) {
            RawHttp.Response r = f.get(WAIT, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("held");
        }

        // all slots are free again: LIMIT requests can be held at once
        List<Future<RawHttp.Response>> after = new ArrayList<>();
        for (int i = 0; i < LIMIT; i++) after.add(clients.submit(() -> request("/again")));
        assertThat(enteredAgain.await(WAIT, TimeUnit.SECONDS))
                .as("slots were released")
                .isTrue();
        releaseAgain.countDown();
        for (Future<RawHttp.Response> f : after)
            assertThat(f.get(WAIT, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    @Test
    void aClientThatDisconnectsCancelsItsHandlerButItsSlotIsHeldUntilTheHandlerEnds() throws Exception {
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        app = Tulip.create(c -> c.port(0).maxConcurrentRequests(1));
        app.get("/stubborn", req -> {
            in.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            finish.await(); // keeps running after the interrupt, like code that ignores it
            ended.countDown();
            return "late";
        });
        app.get("/quick", req -> "quick");
        app.start();

        RawHttp gone = RawHttp.connect(app.port());
        gone.send("GET", "/stubborn");
        assertThat(in.await(WAIT, TimeUnit.SECONDS)).isTrue();
        gone.close();
        assertThat(interrupted.await(WAIT, TimeUnit.SECONDS))
                .as("the handler was interrupted")
                .isTrue();

        assertThat(request("/quick").status()).as("the slot is still taken").isEqualTo(503);

        finish.countDown();
        assertThat(ended.await(WAIT, TimeUnit.SECONDS)).isTrue();
        RawHttp.Response r = null;
        for (int i = 0; i < 100 && (r == null || r.status() != 200); i++) {
            r = request("/quick"); // the slot returns once the handler's result reached the event loop
            if (r.status() != 200) Thread.sleep(20);
        }
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void stopWaitsForAHandlerWhoseClientLeft() throws Exception {
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch stopping = new CountDownLatch(1);
        app = Tulip.create(c -> c.port(0).drainTimeout(java.time.Duration.ofSeconds(20)));
        app.get("/stubborn", req -> {
            in.countDown();
            while (true) {
                try {
                    release.await();
                    return "late";
                } catch (InterruptedException e) {
                    // ignores the cancellation
                }
            }
        });
        app.start();
        RawHttp gone = RawHttp.connect(app.port());
        gone.send("GET", "/stubborn");
        assertThat(in.await(WAIT, TimeUnit.SECONDS)).isTrue();
        gone.close();

        Future<Boolean> stopped = clients.submit(() -> {
            stopping.countDown();
            return app.stop();
        });
        assertThat(stopping.await(WAIT, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);
        assertThat(stopped).as("stop() waits for the orphaned handler").isNotDone();
        release.countDown();
        assertThat(stopped.get(WAIT, TimeUnit.SECONDS)).isTrue();
    }

    private RawHttp.Response request(String path) throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            return c.send("GET", path).read();
        }
    }
}
