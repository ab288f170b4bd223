package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Handler;
import dev.tulip.RawHttp;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pipelined requests: handlers finish in whatever order (forced with latches), responses leave in
 * request order.
 */
class PipeliningIT {
    private static final Map<String, CountDownLatch> LATCHES = new ConcurrentHashMap<>();
    private static final Map<String, CompletableFuture<Void>> FUTURES = new ConcurrentHashMap<>();
    private static final Map<String, Queue<Integer>> FINISHED = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static Tulip app;
    private static Tulip narrow; // maxPipelined 2: reading pauses while two requests are queued
    private static int port;
    private static int narrowPort;

    private static CountDownLatch latch(String run, Object key) {
        return LATCHES.computeIfAbsent(run + "/" + key, k -> new CountDownLatch(1));
    }

    private static CompletableFuture<Void> future(String run) {
        return FUTURES.computeIfAbsent(run, k -> new CompletableFuture<>());
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(5, TimeUnit.SECONDS))
            throw new IllegalStateException("latch not released: the test is broken");
    }

    private static void finished(String run, int i) {
        FINISHED.computeIfAbsent(run, k -> new ConcurrentLinkedQueue<>()).add(i);
    }

    private static void routes(Tulip t) {
        // with ?wait=true, request i waits until request i+1 has finished
        t.get("/rev/{run}/{i:int}", req -> {
            String run = req.pathParam("run");
            int i = req.pathInt("i");
            if (req.queryBoolean("wait", false)) await(latch(run, i + 1));
            finished(run, i);
            latch(run, i).countDown();
            return "r" + i;
        });
        t.get("/mix/block/{run}/{i:int}", req -> {
            await(latch(req.pathParam("run"), "gate"));
            return "r" + req.pathInt("i");
        });
        t.get("/mix/fast/{i:int}", Handler.nonBlocking(req -> "r" + req.pathInt("i")));
        t.get("/mix/async/{run}/{i:int}", Handler.nonBlocking(req -> {
            int i = req.pathInt("i");
            return future(req.pathParam("run")).thenApply(v -> "r" + i);
        }));
        t.get("/mix/open/{run}/{i:int}", req -> {
            String run = req.pathParam("run");
            future(run).complete(null);
            latch(run, "gate").countDown();
            return "r" + req.pathInt("i");
        });
        t.get("/n/{i:int}", req -> "r" + req.pathInt("i"));
        t.get("/nb/{i:int}", Handler.nonBlocking(req -> "r" + req.pathInt("i")));
        t.post("/echo", req -> Response.bytes(req.body(), "application/octet-stream"));
    }

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        routes(app);
        app.start();
        port = app.port();
        narrow = Tulip.create(cfg -> cfg.port(0).eventLoops(1).maxPipelined(2));
        routes(narrow);
        narrow.start();
        narrowPort = narrow.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
        narrow.stop();
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
    }

    private static List<String> readBodies(RawHttp c, int n) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawHttp.Response r = c.read();
            assertThat(r.status()).as("response %d: %s", i, r).isEqualTo(200);
            bodies.add(r.text());
        }
        return bodies;
    }

    private static List<String> expected(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add("r" + i);
        return l;
    }

    @Test
    void blockingHandlersFinishingInReverseAreAnsweredInRequestOrder() throws IOException {
        String run = "rev" + RUNS.incrementAndGet();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 5; i++) all.append(get("/rev/" + run + "/" + i + (i < 4 ? "?wait=true" : "")));
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(all.toString());
            assertThat(readBodies(c, 5)).containsExactlyElementsOf(expected(5));
        }
        assertThat(FINISHED.get(run))
                .as("the handlers really finished out of order")
                .containsExactly(4, 3, 2, 1, 0);
    }

    @Test
    void mixedNonBlockingAndBlockingHandlersAreAnsweredInRequestOrder() throws IOException {
        String run = "mix" + RUNS.incrementAndGet();
        String all = get("/mix/block/" + run + "/0") // blocks until request 3 opens the gate
                + get("/mix/fast/1") // answered inline at once, must wait for 0
                + get("/mix/async/" + run + "/2") // completes when request 3 runs
                + get("/mix/open/" + run + "/3")
                + get("/mix/fast/4")
                + get("/mix/block/" + run + "/5");
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(all);
            assertThat(readBodies(c, 6)).containsExactlyElementsOf(expected(6));
        }
    }

    @Test
    void manyPipelinedRequestsBeyondMaxPipelinedAreAllAnsweredInOrder() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 40; i++) all.append(get((i % 2 == 0 ? "/n/" : "/nb/") + i));
        try (RawHttp c = RawHttp.connect(narrowPort)) {
            c.send(all.toString());
            assertThat(readBodies(c, 40)).containsExactlyElementsOf(expected(40));
            // still usable afterwards
            assertThat(c.send(get("/n/0")).read().text()).isEqualTo("r0");
        }
    }

    @Test
    void outOfOrderPairsAreAnsweredInOrderWhileReadingPausesBetweenThem() throws IOException {
        // only two requests are read at a time, so each even request waits for the odd one after it
        String run = "pairs" + RUNS.incrementAndGet();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 10; i++) all.append(get("/rev/" + run + "/" + i + (i % 2 == 0 ? "?wait=true" : "")));
        try (RawHttp c = RawHttp.connect(narrowPort)) {
            c.send(all.toString());
            assertThat(readBodies(c, 10)).containsExactlyElementsOf(expected(10));
        }
        assertThat(FINISHED.get(run)).containsExactly(1, 0, 3, 2, 5, 4, 7, 6, 9, 8);
    }

    @Test
    void requestsWithBodiesArePipelinedToo() throws IOException {
        String all = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nr0"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nr\r\n1\r\n1\r\n0\r\n\r\n"
                + get("/n/2");
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(all);
            assertThat(readBodies(c, 3)).containsExactly("r0", "r1", "r2");
        }
    }

    @Test
    void requestsPipelinedAfterConnectionCloseAreNotAnswered() throws IOException {
        String all = get("/n/0") + "GET /n/1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" + get("/n/2");
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(all);
            RawHttp.Response first = c.read();
            assertThat(first.text()).isEqualTo("r0");
            assertThat(first.closes()).isFalse();
            RawHttp.Response second = c.read();
            assertThat(second.text()).isEqualTo("r1");
            assertThat(second.closes()).isTrue();
            c.assertClosedByServer();
        }
    }
}
