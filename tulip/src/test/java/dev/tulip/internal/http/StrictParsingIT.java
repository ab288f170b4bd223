package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tulip.RawHttp;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parser rejects every ambiguous or malformed request with an error status and closes the connection. */
class StrictParsingIT {
    private static Tulip app;
    private static int port;

    @BeforeAll
    static void start() {
        app = Tulip.create(cfg -> cfg.port(0).eventLoops(1));
        app.get("/", req -> "ok");
        app.post("/echo", req -> Response.bytes(req.body(), "application/octet-stream"));
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static Arguments bad(String description, String request) {
        return bad(description, request, 400);
    }

    private static Arguments bad(String description, String request, int status) {
        return arguments(named(description, request), status);
    }

    private static String post(String headers, String body) {
        return "POST /echo HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n" + body;
    }

    private static String get(String headers) {
        return "GET / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
    }

    static Stream<Arguments> smuggling() {
        return Stream.of(
                bad(
                        "Content-Length with Transfer-Encoding",
                        post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")),
                bad(
                        "Transfer-Encoding with Content-Length",
                        post("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n")),
                bad("Transfer-Encoding chunked, gzip", post("Transfer-Encoding: chunked, gzip\r\n", "0\r\n\r\n")),
                bad("Transfer-Encoding xchunked", post("Transfer-Encoding: xchunked\r\n", "0\r\n\r\n")),
                bad("Transfer-Encoding chunked, chunked", post("Transfer-Encoding: chunked, chunked\r\n", "0\r\n\r\n")),
                bad(
                        "Transfer-Encoding chunked in two fields",
                        post("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n")),
                bad("Transfer-Encoding identity", post("Transfer-Encoding: identity\r\n", "")),
                bad("Transfer-Encoding empty", post("Transfer-Encoding: \r\n", "")),
                bad(
                        "Transfer-Encoding gzip, chunked (not implemented)",
                        post("Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n"),
                        501),
                bad(
                        "Transfer-Encoding on HTTP/1.0",
                        "POST /echo HTTP/1.0\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                bad("Content-Length +4", post("Content-Length: +4\r\n", "abcd")),
                bad("Content-Length -1", post("Content-Length: -1\r\n", "")),
                bad("Content-Length 0x4", post("Content-Length: 0x4\r\n", "abcd")),
                bad("Content-Length 4.0", post("Content-Length: 4.0\r\n", "abcd")),
                bad("two Content-Length values in one field", post("Content-Length: 4, 4\r\n", "abcd")),
                bad("two equal Content-Length fields", post("Content-Length: 4\r\nContent-Length: 4\r\n", "abcd")),
                bad("two different Content-Length fields", post("Content-Length: 4\r\nContent-Length: 5\r\n", "abcde")),
                bad("empty Content-Length", post("Content-Length: \r\n", "")),
                bad("Content-Length with a space inside", post("Content-Length: 1 0\r\n", "abcdefghij")),
                bad("Content-Length of 19 digits", post("Content-Length: 1000000000000000000\r\n", "")));
    }

    static Stream<Arguments> headerSyntax() {
        return Stream.of(
                bad("obs-fold with a space", get("X-A: a\r\n b\r\n")),
                bad("obs-fold with a tab", get("X-A: a\r\n\tb\r\n")),
                bad("obs-fold on the first header line", "GET / HTTP/1.1\r\n Host: x\r\n\r\n"),
                bad("space before the colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n"),
                bad("tab before the colon", get("X-A\t: a\r\n")),
                bad("header line without a colon", get("X-A a\r\n")),
                bad("empty header name", get(": a\r\n")),
                bad("NUL in a header name", get("X-\0A: a\r\n")),
                bad("\\x01 in a header name", get("X-\u0001A: a\r\n")),
                bad("DEL in a header name", get("X-\u007fA: a\r\n")),
                bad("bare CR in a header name", get("X-\rA: a\r\n")),
                bad("non-ASCII byte in a header name", get("X-\u00e9: a\r\n")),
                bad("NUL in a header value", get("X-A: a\0b\r\n")),
                bad("\\x01 in a header value", get("X-A: a\u0001b\r\n")),
                bad("DEL in a header value", get("X-A: a\u007fb\r\n")),
                bad("bare CR in a header value", get("X-A: a\rb\r\n")),
                bad("CR before the CRLF of a header", get("X-A: a\r\r\n")),
                bad("bare LF line endings", "GET / HTTP/1.1\nHost: x\n\n"),
                bad("bare LF after the request line", "GET / HTTP/1.1\nHost: x\r\n\r\n"),
                bad("bare LF ending the head", "GET / HTTP/1.1\r\nHost: x\r\n\n"),
                bad("a lone LF before the request", "\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("missing Host on HTTP/1.1", "GET / HTTP/1.1\r\nX-A: a\r\n\r\n"),
                bad("two Host fields on HTTP/1.1", get("Host: y\r\n")),
                bad("two equal Host fields on HTTP/1.1", get("Host: x\r\n")),
                bad("two Host fields on HTTP/1.0", "GET / HTTP/1.0\r\nHost: x\r\nHost: y\r\n\r\n"),
                bad("Expect other than 100-continue", get("Expect: something-else\r\n"), 417));
    }

    static Stream<Arguments> requestLine() {
        return Stream.of(
                bad("parenthesis in the method", "G(T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("NUL in the method", "GE\0T / HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("empty method", " / HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("two spaces after the method", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("tab as separator", "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("no version", "GET /\r\nHost: x\r\n\r\n"),
                bad("trailing space after the version", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n"),
                bad("HTTP/1.2", "GET / HTTP/1.2\r\nHost: x\r\n\r\n", 505),
                bad("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                bad("HTTP/x", "GET / HTTP/x\r\nHost: x\r\n\r\n"),
                bad("lower-case http/1.1", "GET / http/1.1\r\nHost: x\r\n\r\n"),
                bad("HTTP/11", "GET / HTTP/11\r\nHost: x\r\n\r\n"),
                bad("HTTP/1.1x", "GET / HTTP/1.1x\r\nHost: x\r\n\r\n"),
                bad("target not starting with a slash", "GET foo HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("asterisk target with GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("control character in the target", "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad("non-ASCII byte in the target", "GET /\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n"),
                bad(
                        "too many empty lines before the request line",
                        "\r\n".repeat(9) + "GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    private static final String CHUNKED = "Transfer-Encoding: chunked\r\n";

    static Stream<Arguments> chunkFraming() {
        return Stream.of(
                bad("chunk size zz", post(CHUNKED, "zz\r\nhello\r\n0\r\n\r\n")),
                bad("chunk size -1", post(CHUNKED, "-1\r\nhello\r\n0\r\n\r\n")),
                bad("chunk size 0x5", post(CHUNKED, "0x5\r\nhello\r\n0\r\n\r\n")),
                bad("empty chunk size", post(CHUNKED, "\r\nhello\r\n0\r\n\r\n")),
                bad("chunk size followed by garbage", post(CHUNKED, "5 garbage\r\nhello\r\n0\r\n\r\n")),
                bad("chunk size with 16 hex digits", post(CHUNKED, "0000000000000005\r\nhello\r\n0\r\n\r\n")),
                bad("chunk size overflowing a long", post(CHUNKED, "fffffffffffffffff\r\nhello\r\n0\r\n\r\n")),
                bad("chunk data longer than its size", post(CHUNKED, "5\r\nhelloXX\r\n0\r\n\r\n")),
                bad("chunk data shorter than its size", post(CHUNKED, "5\r\nhell\r\n0\r\n\r\n")),
                bad("chunk size line ending in bare LF", post(CHUNKED, "5\nhello\r\n0\r\n\r\n")),
                bad("last chunk line ending in bare LF", post(CHUNKED, "5\r\nhello\r\n0\n\r\n")),
                bad("chunk data followed by bare LF", post(CHUNKED, "5\r\nhello\n0\r\n\r\n")),
                bad("control character in a chunk extension", post(CHUNKED, "5;a=\u0001\r\nhello\r\n0\r\n\r\n")),
                bad("trailer section ending in bare LF", post(CHUNKED, "5\r\nhello\r\n0\r\n\n")),
                bad("trailer without a colon", post(CHUNKED, "5\r\nhello\r\n0\r\nX-T yes\r\n\r\n")),
                bad("obs-fold in a trailer", post(CHUNKED, "5\r\nhello\r\n0\r\nX-T: yes\r\n more\r\n\r\n")),
                bad("control character in a trailer", post(CHUNKED, "5\r\nhello\r\n0\r\nX-T: a\0b\r\n\r\n")));
    }

    @ParameterizedTest(name = "{0} is rejected with {1}")
    @MethodSource("smuggling")
    void ambiguousBodyFramingIsRejectedAndTheConnectionClosed(String request, int status) throws IOException {
        assertRejected(request, status);
    }

    @ParameterizedTest(name = "{0} is rejected with {1}")
    @MethodSource("headerSyntax")
    void malformedHeadersAreRejectedAndTheConnectionClosed(String request, int status) throws IOException {
        assertRejected(request, status);
    }

    @ParameterizedTest(name = "{0} is rejected with {1}")
    @MethodSource("requestLine")
    void malformedRequestLinesAreRejectedAndTheConnectionClosed(String request, int status) throws IOException {
        assertRejected(request, status);
    }

    @ParameterizedTest(name = "{0} is rejected with {1}")
    @MethodSource("chunkFraming")
    void malformedChunkedBodiesAreRejectedAndTheConnectionClosed(String request, int status) throws IOException {
        assertRejected(request, status);
    }

    private static void assertRejected(String request, int status) throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send(request).read();
            assertThat(r.status()).as("response %s", r).isEqualTo(status);
            assertThat(r.closes()).as("Connection: close in %s", r).isTrue();
            c.assertClosedByServer();
        }
    }

    @Test
    void aRequestSmuggledBehindContentLengthAndTransferEncodingIsNeverAnswered() throws IOException {
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(post("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n" + smuggled));
            assertThat(c.read().status()).isEqualTo(400);
            c.assertClosedByServer();
        }
    }

    @Test
    void aValidChunkedBodyWithExtensionsAndTrailersIsEchoed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(
                    post(
                            "Transfer-Encoding: chunked\r\n",
                            "5;name=value\r\nhello\r\n6 ; a=\"b c\";d\r\n world\r\nA\r\n, chunked!\r\n0;last\r\nX-Trailer: yes\r\nX-Other: 1\r\n\r\n"));
            RawHttp.Response r = c.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello world, chunked!");
            // the connection stays usable
            assertThat(c.send(get("")).read().text()).isEqualTo("ok");
        }
    }

    @Test
    void transferEncodingIsMatchedCaseInsensitively() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, post("Transfer-Encoding: Chunked\r\n", "3\r\nabc\r\n0\r\n\r\n"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("abc");
    }

    @Test
    void contentLengthSurroundedByOptionalWhitespaceIsAccepted() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, post("Content-Length: \t4 \r\n", "abcd"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("abcd");
    }

    @Test
    void http10WithoutHostIsServed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            RawHttp.Response r = c.send("GET / HTTP/1.0\r\n\r\n").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("ok");
            c.assertClosedByServer();
        }
    }

    @Test
    void asteriskTargetWithOptionsIsAnswered() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).isPresent();
    }

    @Test
    void absoluteFormTargetIsServedByItsPath() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "GET http://x/?a=1 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("ok");
    }

    @Test
    void afewEmptyLinesBeforeTheRequestLineAreIgnored() throws IOException {
        RawHttp.Response r = RawHttp.exchange(port, "\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void emptyLinesTrickledBeforeTheRequestLineAreLimitedToo() throws Exception {
        try (RawHttp c = RawHttp.connect(port)) {
            for (int i = 0; i < 9; i++) {
                c.send("\r\n");
                Thread.sleep(20);
            }
            assertThat(c.read().status()).isEqualTo(400);
            c.assertClosedByServer();
        }
    }

    @Test
    void aMalformedRequestAfterAValidOneIsAnsweredInOrderThenClosed() throws IOException {
        try (RawHttp c = RawHttp.connect(port)) {
            c.send(get("") + "GET / HTTP/1.1\r\nHost : x\r\n\r\n" + get(""));
            RawHttp.Response first = c.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.closes()).isFalse();
            assertThat(c.read().status()).isEqualTo(400);
            c.assertClosedByServer();
        }
    }
}
