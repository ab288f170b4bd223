package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Tulip#stop()} over real sockets: refuse new connections, close idle ones, finish busy ones, then stop. */
class GracefulShutdownIT {
    private static final int N = 5;
    private static final long WAIT = 20;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private Tulip app;

    @AfterEach
    void tearDown() {
        if (app != null) app.stop();
        clients.shutdownNow();
    }

    @Test
    void stopDrainsInFlightRequestsThenRunsStopListeners() throws Exception {
        CountDownLatch entered = new CountDownLatch(N);
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        app = Tulip.create(c -> c.port(0).eventLoops(4));
        app.get("/hold", req -> {
            entered.countDown();
            release.await();
            events.add("handler");
            return "done";
        });
        app.get("/quick", req -> "ok");
        app.onBeforeStart(ctx -> events.add("beforeStart"));
        app.onAfterStart(ctx -> events.add("afterStart"));
        app.onBeforeStop(ctx -> events.add("beforeStop"));
        app.onAfterStop(ctx -> events.add("afterStop"));
        app.start();
        int port = app.port();

        RawHttp idle = RawHttp.connect(port);
        assertThat(idle.send("GET", "/quick").read().status()).isEqualTo(200);

        List<RawHttp> held = new ArrayList<>();
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            RawHttp c = RawHttp.connect(port);
            held.add(c);
            answers.add(clients.submit(() -> c.send("GET", "/hold").read()));
        }
        assertThat(entered.await(WAIT, TimeUnit.SECONDS))
                .as("all handlers entered")
                .isTrue();

        Future<Boolean> stopped = clients.submit(app::stop);

        assertThat(RawHttp.awaitRefused(port, Duration.ofSeconds(WAIT)))
                .as("new connections refused while draining")
                .isTrue();
        assertThat(idle.awaitClosed()).as("idle keep-alive connection closed").isTrue();
        assertThat(stopped).as("still draining").isNotDone();
        assertThat(events).containsExactly("beforeStart", "afterStart", "beforeStop");

        release.countDown();
        for (int i = 0; i < N; i++) {
            RawHttp.Response r = answers.get(i).get(WAIT, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.header("Connection"))
                    .hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
            assertThat(held.get(i).awaitClosed())
                    .as("busy connection closed after its response")
                    .isTrue();
        }
        assertThat(stopped.get(WAIT, TimeUnit.SECONDS)).as("drained cleanly").isTrue();
        assertThat(events)
                .containsExactly(
                        "beforeStart",
                        "afterStart",
                        "beforeStop",
                        "handler",
                        "handler",
                        "handler",
                        "handler",
                        "handler",
                        "afterStop");
    }

    @Test
    void stopCutsHandlersStillRunningAfterTheDrainTimeout() throws Exception {
        CountDownLatch entered = new CountDownLatch(N);
        CountDownLatch interrupted = new CountDownLatch(N);
        app = Tulip.create(c -> c.port(0).eventLoops(2).drainTimeout(Duration.ofMillis(300)));
        app.get("/forever", req -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "never";
        });
        app.start();

        List<RawHttp> held = new ArrayList<>();
        for (int i = 0; i < N; i++) held.add(RawHttp.connect(app.port()).send("GET", "/forever"));
        assertThat(entered.await(WAIT, TimeUnit.SECONDS))
                .as("all handlers entered")
                .isTrue();

        assertThat(app.stop()).as("stop reports the cut requests").isFalse();
        for (RawHttp c : held) {
            RawHttp.Response r = c.read();
            assertThat(r.status()).as("a cut request is answered, not dropped").isEqualTo(503);
            assertThat(r.header("Connection")).hasValue("close");
            assertThat(r.header("Retry-After")).hasValue("1");
            assertThat(c.awaitClosed()).as("then closed").isTrue();
        }
        assertThat(interrupted.await(WAIT, TimeUnit.SECONDS))
                .as("handler threads interrupted")
                .isTrue();
    }
}
