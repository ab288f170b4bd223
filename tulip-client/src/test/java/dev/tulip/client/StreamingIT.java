package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bodies streamed both ways, with back-pressure: a slow side holds the other back instead of filling memory. */
class StreamingIT {
    private static final long MIB = 1 << 20;
    private static final AtomicLong written = new AtomicLong();
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.post("/crc", req -> {
                    CRC32 crc = new CRC32();
                    crc.update(req.body());
                    return req.body().length + " " + crc.getValue();
                })
                .maxBodySize(64 * MIB);
        app.get(
                "/download/{mib:int}",
                req -> Response.stream("application/octet-stream", out -> {
                    byte[] chunk = new byte[64 * 1024];
                    for (long n = 0; n < req.pathInt("mib") * MIB; n += chunk.length) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                }));
        server = TestServer.start(app);
        url = server.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@code size} bytes made as they are read, counting how many were. */
    static final class Generated extends InputStream {
        final long size;
        final AtomicLong read = new AtomicLong();
        final CRC32 crc = new CRC32();

        Generated(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) return -1;
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) b[off + i] = (byte) ((read.get() + i) * 31);
            crc.update(b, off, n);
            read.addAndGet(n);
            return n;
        }
    }

    @Test
    void aLargeUploadFromAStreamArrivesWhole() {
        Generated body = new Generated(40 * MIB);
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            String answer =
                    http.post("/crc").body(body, "application/octet-stream").text();
            assertThat(answer).isEqualTo(40 * MIB + " " + body.crc.getValue());
        }
    }

    @Test
    void anUploadToAServerThatDoesNotReadWaitsInsteadOfReadingAhead() throws Exception {
        try (ServerSocket slow = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            slow.setReceiveBufferSize(64 * 1024);
            Generated body = new Generated(256 * MIB);
            try (Http http = Http.open(cfg -> cfg.baseUrl("http://127.0.0.1:" + slow.getLocalPort()))) {
                var call =
                        http.post("/up").body(body, "application/octet-stream").sendAsync();
                try (Socket s = slow.accept()) {
                    Thread.sleep(700); // the server reads nothing meanwhile
                    long readAhead = body.read.get();
                    assertThat(readAhead)
                            .as("bytes taken from the body's stream")
                            .isLessThan(16 * MIB);
                    InputStream in = s.getInputStream();
                    in.readNBytes(4 * (int) MIB); // reading lets the upload go on
                    Thread.sleep(200);
                    assertThat(body.read.get()).isGreaterThan(readAhead);
                }
                call.toCompletableFuture().handle((r, t) -> null).join(); // the server hung up: it fails
            }
        }
    }

    @Test
    void aBodyFromAPublisherIsSentChunked() throws Exception {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url));
                SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>()) {
            var answer = http.post("/crc").body(publisher, "text/plain").textAsync();
            while (publisher.getNumberOfSubscribers() == 0) Thread.sleep(5); // a hot publisher: wait for the upload
            CRC32 crc = new CRC32();
            for (int i = 0; i < 100; i++) {
                byte[] part = ("part " + i + "\n").getBytes(StandardCharsets.UTF_8);
                crc.update(part);
                publisher.submit(ByteBuffer.wrap(part));
            }
            publisher.close();
            long size = 0;
            for (int i = 0; i < 100; i++) size += ("part " + i + "\n").length();
            assertThat(answer.toCompletableFuture().get()).isEqualTo(size + " " + crc.getValue());
        }
    }

    @Test
    void aLargeDownloadIsReadAsItArrivesAndASlowReaderHoldsTheServerBack() throws Exception {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url));
                StreamedResponse r = http.get("/download/64").stream()) {
            assertThat(r.status()).isEqualTo(200);
            InputStream body = r.body();
            byte[] buf = new byte[8192];
            long total = body.read(buf);
            written.set(0);
            Thread.sleep(700); // a reader that stops
            assertThat(written.get())
                    .as("bytes the server wrote while the reader paused")
                    .isLessThan(16 * MIB);
            int n;
            while ((n = body.read(buf)) >= 0) total += n;
            assertThat(total).isEqualTo(64 * MIB);
        }
    }

    @Test
    void aStreamedBodyClosedEarlyClosesItsConnection() throws Exception {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            try (StreamedResponse r = http.get("/download/8").stream()) {
                assertThat(r.body().read(new byte[100])).isPositive();
            }
            long until = System.nanoTime() + 2_000_000_000L;
            while (http.connections(url) > 0 && System.nanoTime() < until) Thread.sleep(10);
            assertThat(http.connections(url)).isZero();
            assertThat(http.get("/download/1").bytes()).hasSize((int) MIB); // a new connection serves
        }
    }
}
