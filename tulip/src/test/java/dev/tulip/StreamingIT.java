package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streamed bodies ({@link Response#stream}) and asynchronous non-blocking handlers over real sockets. */
class StreamingIT {
    private static final int PARTS = 5;
    private static final int LARGE = 5 * 1024 * 1024;
    private static final long WAIT = 20;

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    /** The client lets the writer produce the next part by releasing one permit. */
    private final Semaphore nextPart = new Semaphore(0);

    private final AtomicLong largeWritten = new AtomicLong();
    private final AtomicReference<Thread> largeWriter = new AtomicReference<>();
    private final CompletableFuture<Void> largeDone = new CompletableFuture<>();
    private final AtomicReference<CompletableFuture<String>> pending = new AtomicReference<>();
    private final CountDownLatch asyncStarted = new CountDownLatch(1);
    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        app.get(
                "/parts",
                req -> Response.stream("text/plain", out -> {
                    for (int i = 0; i < PARTS; i++) {
                        if (i > 0) acquire(nextPart);
                        out.write(("part " + i + "\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }));
        app.get(
                "/broken",
                req -> Response.stream("text/plain", out -> {
                    out.write("partial".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    throw new IllegalStateException("writer failed midway (expected by the test)");
                }));
        app.get(
                "/large",
                req -> Response.stream("application/octet-stream", out -> {
                    largeWriter.set(Thread.currentThread());
                    byte[] block = new byte[64 * 1024];
                    for (int off = 0; off < LARGE; off += block.length) {
                        fill(block, off);
                        out.write(block);
                        largeWritten.addAndGet(block.length);
                    }
                    largeDone.complete(null);
                }));
        app.get(
                "/fails-first",
                req -> Response.stream("text/plain", out -> {
                    throw new IllegalStateException("writer failed before writing (expected by the test)");
                }));
        app.get("/empty-stream", req -> Response.stream("text/plain", out -> {}));
        app.get(
                "/flush-then-wait",
                req -> Response.stream("text/plain", out -> {
                    out.flush(); // commits the head before any body byte
                    acquire(nextPart);
                    out.write("late".getBytes(StandardCharsets.UTF_8));
                }));
        app.get("/async", Handler.nonBlocking(req -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            pending.set(f);
            asyncStarted.countDown();
            return f;
        }));
        app.start();
    }

    @AfterEach
    void stop() {
        nextPart.release(PARTS);
        app.stop();
        clients.shutdownNow();
    }

    @Test
    void flushedChunksArriveInOrderAsTheyAreWritten() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response head = c.send("GET", "/parts").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Transfer-Encoding")).hasValue("chunked");
            assertThat(head.header("Content-Length")).isEmpty();
            for (int i = 0; i < PARTS; i++) {
                // part i arrives before the writer is allowed to write part i + 1
                assertThat(new String(c.readChunk(), StandardCharsets.UTF_8)).isEqualTo("part " + i + "\n");
                nextPart.release();
            }
            assertThat(c.readChunk()).as("last chunk").isNull();
            assertThat(c.send("GET", "/parts").readHead().status())
                    .as("keep-alive after a stream")
                    .isEqualTo(200);
        }
    }

    @Test
    void aWriterFailingBeforeItsFirstByteIsAnswered500() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response r = c.send("GET", "/fails-first").read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("internal error");
            assertThat(r.header("Connection")).hasValue("close");
        }
    }

    @Test
    void aStreamThatWritesNothingIsAnEmptyChunkedBody() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response head = c.send("GET", "/empty-stream").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(c.readChunk()).as("last chunk").isNull();
        }
    }

    @Test
    void aFlushSendsTheHeadBeforeAnyBody() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response head = c.send("GET", "/flush-then-wait").readHead();
            assertThat(head.status()).as("the head came while the writer waits").isEqualTo(200);
            nextPart.release();
            assertThat(new String(c.readChunk(), StandardCharsets.UTF_8)).isEqualTo("late");
        }
    }

    @Test
    void writerFailingMidwayClosesTheConnection() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response head = c.send("GET", "/broken").readHead();
            assertThat(head.status()).isEqualTo(200);
            assertThat(new String(c.readChunk(), StandardCharsets.UTF_8)).isEqualTo("partial");
            assertThatThrownBy(c::readChunk).as("body cut short").isInstanceOf(EOFException.class);
        }
    }

    @Test
    void largeBodyToASlowReaderCompletesIntactUnderBackPressure() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port(), 16 * 1024)) {
            RawHttp.Response head = c.send("GET", "/large").readHead();
            assertThat(head.status()).isEqualTo(200);

            // not reading: the writer must block on the full socket instead of buffering the whole body
            assertThat(awaitBlocked(largeWriter, Duration.ofSeconds(WAIT)))
                    .as("writer blocked by back-pressure")
                    .isTrue();
            assertThat(largeWritten.get()).isLessThan(LARGE);
            assertThat(largeDone).isNotDone();

            MessageDigest got = MessageDigest.getInstance("SHA-256");
            long total = 0;
            int chunks = 0;
            for (byte[] chunk = c.readChunk(); chunk != null; chunk = c.readChunk()) {
                got.update(chunk);
                total += chunk.length;
                if (++chunks % 64 == 0) Thread.sleep(1); // a slow reader
            }
            assertThat(total).isEqualTo(LARGE);
            assertThat(got.digest()).isEqualTo(expectedDigest());
            assertThat(largeDone).succeedsWithin(Duration.ofSeconds(WAIT));
        }
    }

    @Test
    void nonBlockingHandlerCompletedLaterByAnotherThread() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            Future<RawHttp.Response> answer =
                    clients.submit(() -> c.send("GET", "/async").read());
            assertThat(asyncStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();
            assertThat(answer).isNotDone();
            Thread completer = Thread.ofPlatform().start(() -> pending.get().complete("completed later"));
            completer.join();
            RawHttp.Response r = answer.get(WAIT, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("completed later");
        }
    }

    /** Polls until {@code thread} exists and waits (parked by back-pressure), at most {@code max}. */
    private static boolean awaitBlocked(AtomicReference<Thread> thread, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            Thread t = thread.get();
            if (t != null && (t.getState() == Thread.State.TIMED_WAITING || t.getState() == Thread.State.WAITING))
                return true;
            Thread.sleep(10);
        }
        return false;
    }

    private static void fill(byte[] block, int offset) {
        for (int i = 0; i < block.length; i++) block[i] = (byte) ((offset + i) * 31 >>> 3);
    }

    private static byte[] expectedDigest() throws Exception {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[64 * 1024];
        for (int off = 0; off < LARGE; off += block.length) {
            fill(block, off);
            d.update(block);
        }
        return d.digest();
    }

    private static void acquire(Semaphore s) throws IOException {
        try {
            if (!s.tryAcquire(WAIT, TimeUnit.SECONDS)) throw new IOException("the test never asked for the next part");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
