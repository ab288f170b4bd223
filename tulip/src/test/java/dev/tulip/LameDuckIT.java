package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stopping without losing requests: the lame-duck phase, new connections, and a load of new connections. */
class LameDuckIT {
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private Tulip app;

    @AfterEach
    void tearDown() {
        clients.shutdownNow();
        if (app != null) app.stop();
    }

    private Tulip start(Duration lameDuck) {
        app = Tulip.create(cfg -> cfg.port(0).eventLoops(2).lameDuck(lameDuck).health(true));
        app.put("/stuff/{key}", req -> "stored " + req.pathParam("key"));
        app.get("/", req -> "ok");
        return app.start();
    }

    private static String get(int port, String path) throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return r.status() + " " + r.header("Connection").orElse("keep-alive");
    }

    /** Waits until readiness says the stop has begun (new connections are still served then). */
    private static void awaitDraining(int port) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!get(port, "/health/ready").startsWith("503")) {
            if (System.nanoTime() > giveUp) throw new AssertionError("readiness never said draining");
            Thread.onSpinWait();
        }
    }

    @Test
    void duringTheLameDuckNewAndKeptConnectionsAreServedWithConnectionClose() throws Exception {
        int port = start(Duration.ofMillis(800)).port();
        RawHttp kept = RawHttp.connect(port);
        assertThat(kept.send("GET", "/").read().status()).isEqualTo(200);

        Future<Boolean> stopped = clients.submit(() -> app.stop());
        awaitDraining(port);

        assertThat(get(port, "/")).isEqualTo("200 close");
        assertThat(get(port, "/health/ready")).isEqualTo("503 close");
        RawHttp.Response again = kept.send("GET", "/").read();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Connection")).hasValue("close");
        assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
        kept.close();
    }

    @Test
    void aConnectionAcceptedBeforeTheDrainIsServedWhenItsRequestComesLate() throws Exception {
        int port = start(Duration.ZERO).port();
        RawHttp fresh = RawHttp.connect(port);
        Thread.sleep(100); // accepted, nothing sent yet

        Future<Boolean> stopped = clients.submit(() -> app.stop());
        assertThat(RawHttp.awaitRefused(port, Duration.ofSeconds(10)))
                .as("the listener closed")
                .isTrue();
        RawHttp.Response r = fresh.send("GET", "/").read();

        assertThat(r.status()).as("not closed as if idle").isEqualTo(200);
        assertThat(r.header("Connection")).hasValue("close");
        assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
        fresh.close();
    }

    @Test
    void aSilentNewConnectionIsClosedAfterTheGrace() throws Exception {
        int port = start(Duration.ZERO).port();
        RawHttp silent = RawHttp.connect(port);
        Thread.sleep(100);
        long t0 = System.nanoTime();

        assertThat(app.stop()).isTrue();

        assertThat(silent.awaitClosed()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        silent.close();
    }

    /**
     * 16 clients, each request on a new connection, as behind a load balancer that polls readiness
     * every 50 ms and stops sending once it fails: the lame duck covers the balancer's delay, so no
     * request sent on an accepted connection goes unanswered. (Clients that never stop can still
     * meet the listener's close with a connection in the kernel's queue; see the guide.)
     */
    @Test
    void aStopBehindAReadinessPollingBalancerLosesNoRequest() throws Exception {
        int port = start(Duration.ofMillis(500)).port();
        AtomicBoolean routed = new AtomicBoolean(true); // the balancer still sends here
        AtomicInteger answered = new AtomicInteger();
        List<String> lost = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> balancer = CompletableFuture.runAsync(
                () -> {
                    while (routed.get()) {
                        try {
                            if (!get(port, "/health/ready").startsWith("200")) routed.set(false);
                            Thread.sleep(50);
                        } catch (IOException | InterruptedException e) {
                            routed.set(false);
                        }
                    }
                },
                clients);
        List<CompletableFuture<Void>> loops = new ArrayList<>();
        for (int c = 0; c < 16; c++) {
            int client = c;
            loops.add(CompletableFuture.runAsync(
                    () -> {
                        for (int i = 0; routed.get(); i++) {
                            try (RawHttp conn = RawHttp.connect(port)) {
                                RawHttp.Response r = conn.send("PUT /stuff/" + client + "-" + i
                                                + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                                        .read();
                                if (r.status() == 200) answered.incrementAndGet();
                                else lost.add(client + "-" + i + ": " + r.status());
                            } catch (IOException e) {
                                lost.add(client + "-" + i + ": " + e);
                            }
                        }
                    },
                    clients));
        }
        Thread.sleep(1000);

        boolean clean = app.stop();
        for (CompletableFuture<Void> l : loops) l.get(30, TimeUnit.SECONDS);
        balancer.get(30, TimeUnit.SECONDS);

        assertThat(lost).as("requests not answered").isEmpty();
        assertThat(answered.get()).isPositive();
        assertThat(clean).isTrue();
    }
}
