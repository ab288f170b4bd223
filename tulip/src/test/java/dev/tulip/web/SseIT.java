package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Tulip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Sse} and {@link SseHub} over real sockets: framing, ids, heartbeats, disconnects, slow clients, the drain. */
class SseIT {
    private Tulip app;
    private final Sse sse = Sse.create(o -> o.heartbeat(Duration.ofMillis(200)));
    private final SseHub hub = sse.hub(256);
    private final CompletableFuture<SseClosedException.Reason> ended = new CompletableFuture<>();

    private void start() {
        start(Duration.ZERO);
    }

    private void start(Duration lameDuck) {
        app = Tulip.create(c -> c.port(0).drainTimeout(Duration.ofSeconds(20)).lameDuck(lameDuck));
        app.install(sse);
        app.get(
                "/framing",
                req -> sse.stream(req, events -> {
                    events.send(Sse.event("first line\nsecond line").id("1").event("contact"));
                    events.comment("just a comment");
                    events.send("plain");
                }));
        app.get(
                "/resume",
                req -> sse.stream(
                        req, events -> events.send(events.lastEventId().orElse("none"))));
        app.get(
                "/idle",
                req -> sse.stream(req, events -> {
                    events.awaitClosed();
                    ended.complete(events.closedBecause().orElseThrow());
                }));
        app.get("/hub", req -> sse.stream(req, hub::join));
        app.get("/uninstalled", req -> Sse.create().stream(req, events -> {}));
        app.start();
    }

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    private RawHttp open(String path, String... headers) throws IOException {
        return open(0, path, headers);
    }

    private RawHttp open(int receiveBuffer, String path, String... headers) throws IOException {
        RawHttp c = RawHttp.connect(app.port(), receiveBuffer);
        StringBuilder h = new StringBuilder();
        for (String line : headers) h.append(line).append("\r\n");
        c.send("GET", path, h.toString());
        return c;
    }

    private static String chunk(RawHttp c) throws IOException {
        byte[] b = c.readChunk();
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void eventsAreFramedOneChunkEachWithTheStreamsHeaders() throws Exception {
        start();
        try (RawHttp c = open("/framing", "Accept-Encoding: gzip")) {
            RawHttp.Response head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Type")).contains("text/event-stream");
            assertThat(head.header("Cache-Control")).contains("no-cache, no-transform");
            assertThat(head.header("Content-Encoding")).isEmpty(); // not compressed: each event as it is
            assertThat(chunk(c)).isEqualTo("id: 1\nevent: contact\ndata: first line\ndata: second line\n\n");
            assertThat(chunk(c)).isEqualTo(": just a comment\n\n");
            assertThat(chunk(c)).isEqualTo("data: plain\n\n");
            assertThat(chunk(c)).isNull(); // the handler returned: the stream ended
        }
    }

    @Test
    void theLastEventIdOfAReconnectIsGivenToTheHandler() throws Exception {
        start();
        try (RawHttp c = open("/resume", "Last-Event-ID: 41")) {
            c.readHead();
            assertThat(chunk(c)).isEqualTo("data: 41\n\n");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        start();
        try (RawHttp c = open("/idle")) {
            c.readHead();
            long t0 = System.nanoTime();
            assertThat(chunk(c)).isEqualTo(":\n\n");
            assertThat(chunk(c)).isEqualTo(":\n\n");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aClientThatLeavesIsFoundByTheHeartbeatAndEndsTheHandler() throws Exception {
        start();
        RawHttp c = open("/idle");
        c.readHead();
        assertThat(sse.openStreams()).isEqualTo(1);
        c.close();
        assertThat(ended.get(10, TimeUnit.SECONDS)).isEqualTo(SseClosedException.Reason.CLIENT_GONE);
        awaitCondition(() -> sse.openStreams() == 0);
    }

    @Test
    void aHubFansEventsOutToEverySubscriber() throws Exception {
        start();
        try (RawHttp a = open("/hub");
                RawHttp b = open("/hub")) {
            a.readHead();
            b.readHead();
            awaitCondition(() -> hub.subscribers() == 2);
            assertThat(hub.publish(Sse.event("news").id("9"))).isEqualTo(2);
            assertThat(nextEvent(a)).isEqualTo("id: 9\ndata: news\n\n");
            assertThat(nextEvent(b)).isEqualTo("id: 9\ndata: news\n\n");
        }
    }

    @Test
    void aSlowSubscriberIsDroppedAndTheOthersGetEveryEvent() throws Exception {
        start();
        String data = "x".repeat(4096);
        AtomicInteger fastGot = new AtomicInteger();
        try (RawHttp fast = open("/hub");
                RawHttp slow = open(4096, "/hub")) {
            fast.readHead();
            slow.readHead(); // and never reads again
            awaitCondition(() -> hub.subscribers() == 2);
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    char last = 0; // events end with a blank line; a chunk may hold several, or part of one
                    for (String c = chunk(fast); c != null; c = chunk(fast)) {
                        for (int i = 0; i < c.length(); i++) {
                            if (c.charAt(i) == '\n' && last == '\n') fastGot.incrementAndGet();
                            last = c.charAt(i);
                        }
                    }
                } catch (IOException ignored) {
                    // closed by the test
                }
            });
            int events = 4000; // 16 MB: more than the slow client's socket buffers and queue hold
            for (int i = 0; i < events; i++) {
                hub.publish(Sse.event(data).id(Integer.toString(i)));
                while (i - fastGot.get() > 128) Thread.sleep(1); // the fast client keeps up
            }
            awaitCondition(() -> fastGot.get() == events);
            assertThat(hub.dropped()).isEqualTo(1);
            assertThat(hub.subscribers()).isEqualTo(1);
            reader.interrupt();
        }
    }

    @Test
    void stoppingTheAppEndsOpenStreamsAtOnceAndCleanly() throws Exception {
        start();
        try (RawHttp a = open("/hub");
                RawHttp b = open("/idle")) {
            a.readHead();
            b.readHead();
            awaitCondition(() -> sse.openStreams() == 2);
            long t0 = System.nanoTime();
            assertThat(app.stop()).as("stopped without cutting a stream").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(ended.get(1, TimeUnit.SECONDS)).isEqualTo(SseClosedException.Reason.STOPPING);
            while (nextEvent(a) != null) {} // every chunk up to the last one
            while (nextEvent(b) != null) {}
        }
        app = null;
    }

    @Test
    void aStreamAskedForWhileTheAppStopsEndsAtOnceWithARetry() throws Exception {
        start(Duration.ofSeconds(3)); // the lame duck: still accepting while it stops
        try (RawHttp a = open("/idle")) {
            a.readHead();
            awaitCondition(() -> sse.openStreams() == 1);
            Thread stopper = Thread.ofVirtual().start(app::stop);
            assertThat(ended.get(5, TimeUnit.SECONDS)).isEqualTo(SseClosedException.Reason.STOPPING);
            try (RawHttp b = open("/idle")) {
                assertThat(b.readHead().status()).isEqualTo(200);
                assertThat(chunk(b)).isEqualTo("retry: 1000\n\n");
                assertThat(chunk(b)).isNull();
            }
            stopper.join();
        }
        app = null;
    }

    @Test
    void aStreamOfAnSseNotInstalledIsAnError() throws Exception {
        start();
        try (RawHttp c = open("/uninstalled")) {
            assertThat(c.read().status()).isEqualTo(500);
        }
    }

    /** The next chunk that is not a heartbeat, or null at the end of the stream. */
    private static String nextEvent(RawHttp c) throws IOException {
        for (String s = chunk(c); ; s = chunk(c)) {
            if (s == null || !s.equals(":\n\n")) return s;
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 20 s");
            Thread.sleep(10);
        }
    }
}
