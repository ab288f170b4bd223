package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Response compression over a real socket, decompressed by the client as a browser would. */
class CompressionIT {
    private static final int ROWS = 2000;
    private static final int PARTS = 4;
    /** The client lets the writer produce the next part by releasing one permit. */
    private final Semaphore nextPart = new Semaphore(0);

    private Tulip app;

    @BeforeEach
    void start() {
        app = Tulip.create(c -> c.port(0));
        routes(app);
        app.get("/small", req -> Map.of("ok", true));
        app.get(
                "/stream",
                req -> Response.stream("text/plain; charset=utf-8", out -> {
                    for (int i = 0; i < ROWS; i++) {
                        out.write(("row " + i + "\n").getBytes(StandardCharsets.UTF_8));
                        if (i % 100 == 0) out.flush();
                    }
                }));
        app.get(
                "/parts",
                req -> Response.stream("text/event-stream", out -> {
                    for (int i = 0; i < PARTS; i++) {
                        if (i > 0) awaitNextPart();
                        out.write(("data: part " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }));
        app.start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private void awaitNextPart() throws InterruptedIOException {
        try {
            if (!nextPart.tryAcquire(20, TimeUnit.SECONDS)) throw new IllegalStateException("the client did not read");
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
    }

    private void routes(Tulip app) {
        app.get("/rows", req -> rows());
    }

    private static List<Map<String, Object>> rows() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) rows.add(Map.of("id", i, "name", "row " + i));
        return rows;
    }

    private RawHttp.Response get(String path, String acceptEncoding) throws IOException {
        try (RawHttp c = RawHttp.connect(app.port())) {
            return c.send("GET", path, acceptEncoding == null ? "" : "Accept-Encoding: " + acceptEncoding + "\r\n")
                    .read();
        }
    }

    private static String gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aLargeJsonBodyArrivesGzippedAndDecompressesToTheSameJson() throws Exception {
        RawHttp.Response plain = get("/rows", null);
        RawHttp.Response gzipped = get("/rows", "gzip, deflate, br");

        assertThat(gzipped.header("Content-Encoding")).contains("gzip");
        assertThat(gzipped.header("Vary")).contains("Accept-Encoding");
        assertThat(gzipped.body().length).isLessThan(plain.body().length / 4);
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.text());
        assertThat(plain.header("Content-Encoding")).isEmpty();
        assertThat(plain.header("Vary")).contains("Accept-Encoding");
    }

    @Test
    void aStreamedBodyArrivesGzippedAndDecompressesWhole() throws Exception {
        RawHttp.Response r = get("/stream", "gzip");

        assertThat(r.header("Content-Encoding")).contains("gzip");
        assertThat(r.header("Transfer-Encoding")).contains("chunked");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < ROWS; i++) expected.append("row ").append(i).append('\n');
        assertThat(gunzip(r.body())).isEqualTo(expected.toString());
    }

    @Test
    void eachGzippedChunkOfAStreamDecodesBeforeTheNextIsWritten() throws Exception {
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response head =
                    c.send("GET", "/parts", "Accept-Encoding: gzip\r\n").readHead();
            assertThat(head.header("Content-Encoding")).contains("gzip");
            Inflater inflater = new Inflater(true);
            for (int i = 0; i < PARTS; i++) {
                byte[] chunk = c.readChunk();
                inflater.setInput(i == 0 ? Arrays.copyOfRange(chunk, 10, chunk.length) : chunk);
                byte[] decoded = new byte[256];
                int n = inflater.inflate(decoded);

                assertThat(new String(decoded, 0, n, StandardCharsets.UTF_8)).isEqualTo("data: part " + i + "\n\n");
                nextPart.release();
            }
        }
    }

    @Test
    void aSmallBodyAndARefusingClientGetTheBodyAsIs() throws Exception {
        RawHttp.Response small = get("/small", "gzip");
        RawHttp.Response refused = get("/rows", "gzip;q=0, identity");

        assertThat(small.header("Content-Encoding")).isEmpty();
        assertThat(small.text()).isEqualTo("{\"ok\":true}");
        assertThat(refused.header("Content-Encoding")).isEmpty();
        assertThat(refused.text()).startsWith("[{");
    }

    @Test
    void anAppWithCompressionOffNeverCompresses() throws Exception {
        app.stop();
        app = Tulip.create(c -> c.port(0).compression(false));
        routes(app);
        app.start();

        RawHttp.Response r = get("/rows", "gzip");

        assertThat(r.header("Content-Encoding")).isEmpty();
        assertThat(r.header("Vary")).isEmpty();
        assertThat(r.text()).startsWith("[{");
    }
}
