package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** File bodies ({@link Response#file}) over real sockets: a region on every transport, streamed when gzipped. */
class FileBodyIT {
    private static final int SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    Path dir;

    private Path bigFile() throws Exception {
        byte[] bytes = new byte[SIZE];
        new Random(42).nextBytes(bytes);
        return Files.write(dir.resolve("big.bin"), bytes);
    }

    @ParameterizedTest
    @EnumSource(
            value = Config.Transport.class,
            names = {"NIO", "EPOLL", "IO_URING"})
    void aLargeFileRegionArrivesIntactWithItsLengthOnEveryTransport(Config.Transport transport) throws Exception {
        switch (transport) {
            case EPOLL -> assumeTrue(Epoll.isAvailable(), () -> "epoll unavailable: " + Epoll.unavailabilityCause());
            case IO_URING ->
                assumeTrue(IoUring.isAvailable(), () -> "io_uring unavailable: " + IoUring.unavailabilityCause());
            default -> {}
        }
        Path file = bigFile();
        byte[] bytes = Files.readAllBytes(file);
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(1).transport(transport));
        app.get("/file", req -> Response.file(file, 100, SIZE - 200, "application/octet-stream"));
        app.get("/after", req -> "after");
        app.start();
        try (RawHttp c = RawHttp.connect(app.port())) {
            // pipelined: the response after the region comes after all of it
            c.send("GET /file HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            // a Content-Length, not chunks: the region path, not the streamed copy
            assertThat(r.header("Content-Length")).contains(Integer.toString(SIZE - 200));
            assertThat(r.header("Transfer-Encoding")).isEmpty();
            assertThat(r.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, SIZE - 100));
            assertThat(c.read().text()).isEqualTo("after");
        } finally {
            assertThat(app.stop()).isTrue();
        }
    }

    @Test
    void aHeadRequestGetsTheFilesLengthAndNoBody() throws Exception {
        Path file = bigFile();
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/file", req -> Response.file(file, 0, SIZE, "application/octet-stream"));
        app.get("/after", req -> "after");
        app.start();
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response r = c.send("HEAD", "/file").readHead();
            assertThat(r.header("Content-Length")).contains(Integer.toString(SIZE));
            assertThat(c.send("GET", "/after").read().text()).isEqualTo("after");
        } finally {
            assertThat(app.stop()).isTrue();
        }
    }

    @Test
    void aFileGzippedOnTheFlyIsStreamedThroughTheCompressor() throws Exception {
        String text = "a line of text that compresses well\n".repeat(20_000);
        Path file = Files.writeString(dir.resolve("big.txt"), text);
        Tulip app = Tulip.create(c -> c.port(0).compression(true));
        app.get("/file", req -> Response.file(file, 0, Files.size(file), "text/plain; charset=utf-8"));
        app.start();
        try (RawHttp c = RawHttp.connect(app.port())) {
            RawHttp.Response r =
                    c.send("GET", "/file", "Accept-Encoding: gzip\r\n").read();
            assertThat(r.header("Content-Encoding")).contains("gzip");
            assertThat(r.header("Transfer-Encoding")).contains("chunked");
            byte[] plain = new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes();
            assertThat(new String(plain, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(text);
        } finally {
            assertThat(app.stop()).isTrue();
        }
    }

    @Test
    void anInProcessRequestReadsTheFileRegion() throws Exception {
        Path file = bigFile();
        byte[] bytes = Files.readAllBytes(file);
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/file", req -> Response.file(file, 10, 1000, "application/octet-stream"));
        try (var direct = app.startInProcess()) {
            var r = direct.send("GET", "/file", java.util.List.of(), null);
            assertThat(r.body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 1010));
        }
    }
}
