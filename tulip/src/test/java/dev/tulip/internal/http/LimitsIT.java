package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each size limit as a boundary pair: at the limit is served, one byte (or field) over is refused and closed. */
class LimitsIT {
    private static final int MAX_REQUEST_LINE = 64;
    private static final int MAX_HEADER_SIZE = 128;
    private static final int MAX_HEADER_COUNT = 4;
    private static final int MAX_BODY = 16;

    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0)
                .eventLoops(1)
                .maxRequestLine(MAX_REQUEST_LINE)
                .maxHeaderSize(MAX_HEADER_SIZE)
                .maxHeaderCount(MAX_HEADER_COUNT)
                .maxBodySize(MAX_BODY));
        app.get("/", req -> "ok");
        app.post("/echo", req -> Response.bytes(req.body(), "application/octet-stream"));
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** "GET /?aaa HTTP/1.1" of exactly {@code length} bytes (without CRLF). */
    private static String requestLine(int length) {
        String line = "GET /?" + "a".repeat(length - "GET /? HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(length);
        return line;
    }

    /** Header lines of exactly {@code size} bytes including their CRLFs: Host plus one padding field. */
    private static String headersOfSize(int size) {
        String headers = "Host: x\r\nX-Pad: " + "p".repeat(size - "Host: x\r\nX-Pad: \r\n".length()) + "\r\n";
        assertThat(headers).hasSize(size);
        return headers;
    }

    private static String headersOfCount(int count) {
        StringBuilder sb = new StringBuilder("Host: x\r\n");
        for (int i = 1; i < count; i++) sb.append("X-").append(i).append(": v\r\n");
        return sb.toString();
    }

    private static void assertRefused(RawHttp c, int status) throws IOException {
        RawHttp.Response r = c.read();
        assertThat(r.status()).as("response %s", r).isEqualTo(status);
        assertThat(r.closes()).isTrue();
        c.assertClosedByServer();
    }

    // ---- request line ------------------------------------------------------------------------------

    @Test
    void aRequestLineAtTheLimitIsServed() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, requestLine(MAX_REQUEST_LINE) + "\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aRequestLineOneByteOverTheLimitIs414() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(requestLine(MAX_REQUEST_LINE + 1) + "\r\nHost: x\r\n\r\n");
            assertRefused(c, 414);
        }
    }

    @Test
    void anEndlessRequestLineIs414BeforeItEnds() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET /" + "a".repeat(MAX_REQUEST_LINE * 2));
            assertRefused(c, 414);
        }
    }

    // ---- header section size -----------------------------------------------------------------------

    @Test
    void aHeaderSectionAtTheLimitIsServed() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE) + "\r\n");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void aHeaderSectionOneByteOverTheLimitIs431() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE + 1) + "\r\n");
            assertRefused(c, 431);
        }
    }

    @Test
    void aHeaderSectionAtTheLimitIsServedWhenItsLastCrlfArrivesSplit() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\n" + headersOfSize(MAX_HEADER_SIZE) + "\r");
            Thread.sleep(100); // let the server read the CR on its own
            c.send("\n");
            assertThat(c.read().status()).isEqualTo(200);
        }
    }

    @Test
    void anEndlessHeaderIs431BeforeItEnds() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\nHost: x\r\nX-Endless: " + "e".repeat(MAX_HEADER_SIZE * 2));
            assertRefused(c, 431);
        }
    }

    // ---- header count ------------------------------------------------------------------------------

    @Test
    void asManyHeaderFieldsAsTheLimitAreServed() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "GET / HTTP/1.1\r\n" + headersOfCount(MAX_HEADER_COUNT) + "\r\n");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void oneHeaderFieldOverTheLimitIs431() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("GET / HTTP/1.1\r\n" + headersOfCount(MAX_HEADER_COUNT + 1) + "\r\n");
            assertRefused(c, 431);
        }
    }

    // ---- body size ---------------------------------------------------------------------------------

    @Test
    void aContentLengthBodyAtTheLimitIsServed() throws IOException {
        String body = "b".repeat(MAX_BODY);
        RawHttp.Response r = RawHttp.exchange(
                port, "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(body);
    }

    @Test
    void aContentLengthOneByteOverTheLimitIs413BeforeAnyBodyIsSent() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
            assertRefused(c, 413);
        }
    }

    @Test
    void aHugeContentLengthIs413() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999999999\r\n\r\n");
            assertRefused(c, 413);
        }
    }

    @Test
    void aChunkedBodyAtTheLimitIsServed() throws IOException {
        String body = "0123456789abcdef";
        RawHttp.Response r = RawHttp.exchange(
                port,
                "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(body);
    }

    @Test
    void aChunkedBodyOneByteOverTheLimitIs413() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(
                    "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\na\r\n0123456789\r\n7\r\nabcdefg\r\n0\r\n\r\n");
            assertRefused(c, 413);
        }
    }

    @Test
    void aTrailerSectionLargerThanTheHeaderLimitIs431() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n" + "X-Trailer: "
                    + "t".repeat(MAX_HEADER_SIZE) + "\r\n\r\n");
            assertRefused(c, 431);
        }
    }

    @Test
    void aSingleChunkLargerThanTheLimitIs413BeforeItsDataIsSent() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(MAX_BODY + 1) + "\r\n");
            assertRefused(c, 413);
        }
    }
}
