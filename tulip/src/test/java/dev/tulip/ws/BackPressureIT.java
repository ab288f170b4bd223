package dev.tulip.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.async.DeadlineExceededException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client that stops reading, or a handler that stops receiving, never makes the server buffer without bound. */
class BackPressureIT {
    private static final int QUEUE = 64 * 1024;
    private static final int MESSAGE = 16 * 1024;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong highWater = new AtomicLong();
    private final AtomicBoolean inSend = new AtomicBoolean();
    private final CompletableFuture<RuntimeException> refused = new CompletableFuture<>();
    private final CountDownLatch startReceiving = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        app.get("/flood", WebSockets.handler(cfg -> cfg.outboundQueue(QUEUE), ws -> {
            byte[] chunk = new byte[MESSAGE];
            while (true) {
                inSend.set(true);
                ws.send(chunk);
                inSend.set(false);
                sent.incrementAndGet();
                highWater.accumulateAndGet(ws.queuedBytes(), Math::max);
            }
        }));
        app.get(
                "/fast",
                WebSockets.handler(cfg -> cfg.outboundQueue(QUEUE).failWhenFull(), ws -> floodUntilRefused(ws)));
        app.get(
                "/patient",
                WebSockets.handler(
                        cfg -> cfg.outboundQueue(QUEUE).sendTimeout(Duration.ofMillis(200)),
                        ws -> floodUntilRefused(ws)));
        app.get("/deaf", WebSockets.handler(cfg -> cfg.inboundQueue(2), ws -> {
            startReceiving.await();
            for (Message m : ws) received.addAndGet(m.bytes().length);
        }));
        app.start();
    }

    private void floodUntilRefused(WebSocket ws) throws InterruptedException {
        byte[] chunk = new byte[MESSAGE];
        try {
            while (true) {
                ws.send(chunk);
                highWater.accumulateAndGet(ws.queuedBytes(), Math::max);
            }
        } catch (SendQueueFullException | DeadlineExceededException e) {
            refused.complete(e);
        }
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    /** Waits until {@code counter} stops moving for {@code quiet}; returns its value. */
    private static long settle(AtomicLong counter, Duration quiet) throws InterruptedException {
        long last = -1;
        while (counter.get() != last) {
            last = counter.get();
            Thread.sleep(quiet.toMillis());
        }
        return last;
    }

    @Test
    void aSendToAClientThatStopsReadingBlocksAndTheQueueStaysWithinItsBound() throws Exception {
        try (WsClient c = WsClient.open(app.port(), "/flood", "", 4096)) {
            long stalledAt = settle(sent, Duration.ofMillis(300));
            assertThat(inSend).as("the handler waits inside send").isTrue();
            assertThat(highWater.get()).isLessThanOrEqualTo(QUEUE);
            // what left the queue sits in the kernel's socket buffers, a few MB at most
            assertThat(stalledAt * MESSAGE).isLessThan(32L * 1024 * 1024);
            for (int i = 0; i < stalledAt + 50; i++) c.read(); // the client reads again: the sends go on
            assertThat(sent.get()).isGreaterThan(stalledAt);
            assertThat(highWater.get()).isLessThanOrEqualTo(QUEUE);
        }
    }

    @Test
    void withFailWhenFullASendToAFullQueueThrowsAtOnce() throws Exception {
        try (WsClient c = WsClient.open(app.port(), "/fast", "", 4096)) {
            RuntimeException e = refused.get(10, TimeUnit.SECONDS);
            assertThat(e).isInstanceOf(SendQueueFullException.class).hasMessageContaining("reads too slowly");
            assertThat(((SendQueueFullException) e).queuedBytes()).isLessThanOrEqualTo(QUEUE);
            assertThat(highWater.get()).isLessThanOrEqualTo(QUEUE);
        }
    }

    @Test
    void aBlockedSendGivesUpAfterTheSendTimeout() throws Exception {
        try (WsClient c = WsClient.open(app.port(), "/patient", "", 4096)) {
            assertThat(refused.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("websocket send");
        }
    }

    @Test
    void aHandlerThatDoesNotReceiveStopsTheServerReadingSoTheClientsWritesStall() throws Exception {
        try (WsClient c = WsClient.open(app.port(), "/deaf", "", 0)) {
            byte[] frame = WsClient.encode(true, 0, Frames.BINARY, new byte[1024], true);
            int total = 32 * 1024; // 32 MB of 1 KB messages
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = c.socket.getOutputStream();
                    for (int i = 0; i < total; i++) {
                        out.write(frame);
                        written.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long stalledAt = settle(written, Duration.ofMillis(500));
            assertThat(stalledAt).as("the writes stall well before the end").isLessThan(total / 2);
            startReceiving.countDown();
            writer.join(Duration.ofSeconds(20));
            assertThat(written.get()).isEqualTo(total);
            c.close(1000, "");
            c.readClose();
        }
        assertThat(settle(received, Duration.ofMillis(200))).isEqualTo(32L * 1024 * 1024);
    }
}
