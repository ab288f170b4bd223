package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routes that read their body as it arrives ({@link Routes#streamBody()}), over real sockets. */
class StreamedBodyIT {
    private static final long BIG = 32L << 20;
    private static Tulip app;
    private static int port;
    private static volatile CountDownLatch hold = new CountDownLatch(0);
    private static final AtomicInteger refusedRuns = new AtomicInteger();
    private static final LinkedBlockingQueue<Throwable> readFailures = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).eventLoops(1).maxBodySize(1024).headTimeout(Duration.ofMillis(500)));
        app.post("/count", req -> {
                    if (!hold.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
                    return count(req.bodyStream());
                })
                .streamBody()
                .maxBodySize(BIG);
        app.post("/limited", req -> count(req.bodyStream())).streamBody();
        app.post("/text", req -> req.text().toUpperCase()).streamBody();
        app.post("/refuse", req -> {
                    refusedRuns.incrementAndGet();
                    return Response.error(401, "log in first");
                })
                .streamBody()
                .maxBodySize(BIG);
        app.post("/watch", req -> {
                    try {
                        return count(req.bodyStream());
                    } catch (IOException e) {
                        readFailures.add(e);
                        throw e;
                    }
                })
                .streamBody();
        app.post("/async", Handler.nonBlocking(req -> {
                    var done = new CompletableFuture<Long>();
                    req.bodyPublisher().subscribe(new Counter(done));
                    return done;
                }))
                .streamBody()
                .maxBodySize(BIG);
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static long count(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) total += n;
        return total;
    }

    /** Counts bytes one requested chunk at a time, as a non-blocking consumer would. */
    private record Counter(CompletableFuture<Long> done, AtomicLong bytes, Flow.Subscription[] sub)
            implements Flow.Subscriber<ByteBuffer> {
        Counter(CompletableFuture<Long> done) {
            this(done, new AtomicLong(), new Flow.Subscription[1]);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            sub[0] = s;
            s.request(1);
        }

        @Override
        public void onNext(ByteBuffer item) {
            bytes.addAndGet(item.remaining());
            sub[0].request(1);
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(bytes.get());
        }
    }

    private static byte[] head(String path, String headers) {
        return ("POST " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aBodyLargerThanTheAppsLimitIsCountedAsItArrives() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/count", "Content-Length: " + (4 << 20) + "\r\n"));
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < 4; i++) c.send(mib);
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(String.valueOf(4 << 20));
            assertThat(r.closes()).as("read in full: the connection stays open").isFalse();
            assertThat(c.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").read().status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aHandlerThatDoesNotReadHoldsTheClientBackInsteadOfBufferingItsUpload() throws Exception {
        hold = new CountDownLatch(1);
        var written = new AtomicLong();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    out.write(head("/count", "Content-Length: " + BIG + "\r\n"));
                    byte[] piece = new byte[64 << 10];
                    for (long sent = 0; sent < BIG; sent += piece.length) {
                        out.write(piece);
                        written.addAndGet(piece.length);
                    }
                } catch (IOException e) {
                    readFailures.add(e);
                }
            });
            long whileHeld = writtenOnceStalled(written); // the upload runs into full buffers while the handler waits
            hold.countDown();
            writer.join(30_000);
            var r = RawHttpReader.read(s.getInputStream());

            assertThat(whileHeld)
                    .as("bytes the client got out while the handler read nothing: the socket buffers and"
                            + " the stream's high-water mark, not the whole upload")
                    .isLessThan(BIG / 2);
            assertThat(r).endsWith(String.valueOf(BIG));
        } finally {
            hold = new CountDownLatch(0);
        }
    }

    @Test
    void aNonBlockingHandlerReadsThroughAPublisherWithDemand() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/async", "Transfer-Encoding: chunked\r\n"));
            byte[] chunk = ("10000\r\n" + "a".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 40; i++) c.send(chunk);
            RawHttp.Response r = c.send("0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo(String.valueOf(40 * 0x10000));
        }
    }

    @Test
    void aChunkedBodyPastTheLimitFailsTheReadAndIsAnswered413() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/limited", "Transfer-Encoding: chunked\r\n"));
            c.send("400\r\n" + "x".repeat(1024) + "\r\n");
            RawHttp.Response r = c.send("1\r\ny\r\n0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).contains("exceeds the limit of 1024 bytes");
            assertThat(r.closes()).isTrue();
        }
    }

    @Test
    void aContentLengthPastTheLimitIs413BeforeTheHandlerRuns() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r =
                    c.send(head("/limited", "Content-Length: 1025\r\n")).read();
            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void bodyReadsTheRestOfAStreamedBody() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/text", "Content-Length: 11\r\n"));
            c.send("hello ");
            RawHttp.Response r = c.send("world").read();
            assertThat(r.text()).isEqualTo("HELLO WORLD");
        }
    }

    @Test
    void continueIsSentOnlyWhenTheHandlerReads() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/text", "Expect: 100-continue\r\nContent-Length: 2\r\n"));
            assertThat(c.read().status()).isEqualTo(100);
            assertThat(c.send("ok").read().text()).isEqualTo("OK");
        }
    }

    @Test
    void aHandlerThatRefusesWithoutReadingIsAnsweredWithoutContinueAndTheConnectionCloses() throws Exception {
        int before = refusedRuns.get();
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/refuse", "Expect: 100-continue\r\nContent-Length: " + (8 << 20) + "\r\n"));
            RawHttp.Response r = c.read();
            assertThat(r.status()).as("no 100 Continue: the upload is spared").isEqualTo(401);
            assertThat(r.closes()).isTrue();
            assertThat(refusedRuns.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void aClientStillUploadingWhenTheHandlerAnswersGetsTheResponseNotAReset() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/refuse", "Content-Length: " + (8 << 20) + "\r\n"));
            byte[] mib = new byte[1 << 20];
            try {
                for (int i = 0; i < 8; i++) c.send(mib);
            } catch (IOException closedWhileSending) {
                // the server may close once it lingered long enough; the response is already there
            }
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.text()).contains("log in first");
        }
    }

    @Test
    void aStalledUploadFailsTheReadWith408() throws Exception {
        readFailures.clear();
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/watch", "Content-Length: 100\r\n"));
            RawHttp.Response r = c.send("only part").read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).contains("stalled");
        }
        assertThat(readFailures.poll(5, TimeUnit.SECONDS))
                .isInstanceOf(RequestBodyException.class)
                .extracting(e -> ((RequestBodyException) e).status())
                .isEqualTo(408);
    }

    @Test
    void aClientThatGoesAwayMidBodyEndsTheHandlersRead() throws Exception {
        readFailures.clear();
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(head("/watch", "Content-Length: 100\r\n"));
            c.send("part"); // read before the close that follows: the handler runs, then its read fails
        }
        Throwable failure = readFailures.poll(5, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(IOException.class);
    }

    /** The client's bytes sent once they stop growing: unchanged for 300 ms (10 s at most). */
    private static long writtenOnceStalled(AtomicLong written) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = written.get();
            if (now == last && now > 0) return now;
            last = now;
            Thread.sleep(300);
        }
        return written.get();
    }

    /** Reads a whole HTTP/1.1 response with Content-Length from a plain socket stream, as text. */
    private static final class RawHttpReader {
        static String read(InputStream in) throws IOException {
            var text = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0) {
                text.append((char) b);
                int len = text.length();
                if (len >= 4 && text.substring(len - 4).equals("\r\n\r\n")) break;
            }
            String headLower = text.toString().toLowerCase();
            int at = headLower.indexOf("content-length: ");
            int length = Integer.parseInt(
                    headLower.substring(at + 16, headLower.indexOf('\r', at)).trim());
            text.append(new String(in.readNBytes(length), StandardCharsets.ISO_8859_1));
            return text.toString();
        }
    }
}
