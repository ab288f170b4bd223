package dev.tulip.internal.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Cookie;
import dev.tulip.Response;
import dev.tulip.internal.Prepared;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link ResponseEncoder} into a plain buffer, without sockets: the exact bytes of each response. */
class ResponseEncoderTest {
    private static final String TEXT = "Content-Type: text/plain; charset=utf-8\r\n";

    private final DateHeader date = new DateHeader();
    private final ResponseEncoder encoder = new ResponseEncoder("Tulip", date);
    private final ByteBuf buf = Unpooled.buffer(256);

    @AfterEach
    void release() {
        buf.release();
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The server's Date line as the encoder writes it now, CRLF included. */
    private String dateLine() {
        return new String(date.line(), US_ASCII);
    }

    private String encode(Response r, String body, boolean head, boolean close, boolean http10KeepAlive) {
        encoder.encode(buf, new Prepared(r, body.getBytes(US_ASCII), null), head, close, http10KeepAlive);
        return buf.toString(US_ASCII);
    }

    /** A keep-alive HTTP/1.1 response to a GET. */
    private String encode(Response r, String body) {
        return encode(r, body, false, false, false);
    }

    /** A keep-alive HTTP/1.1 response to a GET, with body "x", by {@code other} into a buffer of its own. */
    private static String encodeWith(ResponseEncoder other, Response r) {
        ByteBuf b = Unpooled.buffer();
        try {
            other.encode(b, new Prepared(r, "x".getBytes(US_ASCII), null), false, false, false);
            return b.toString(US_ASCII);
        } finally {
            b.release();
        }
    }

    /** The lines of the head, without the status line and without the empty line ending it. */
    private static List<String> fieldLines(String wire) {
        String head = wire.substring(0, wire.indexOf("\r\n\r\n"));
        List<String> lines = Arrays.asList(head.split("\r\n", -1));
        return lines.subList(1, lines.size());
    }

    private static List<String> fields(String wire, String name) {
        return fieldLines(wire).stream()
                .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .toList();
    }

    private static String afterHead(String wire) {
        return wire.substring(wire.indexOf("\r\n\r\n") + 4);
    }

    // ---- status line and layout ----------------------------------------------------------------

    @Test
    void aTextResponseIsStatusLineTypeServerDateLengthAndBody() {
        assertThat(encode(Response.text("hello"), "hello"))
                .isEqualTo("HTTP/1.1 200 OK\r\n" + TEXT + "Server: Tulip\r\n" + dateLine()
                        + "Content-Length: 5\r\n\r\nhello");
    }

    @Test
    void theHandlersHeadersComeInTheirOrderBeforeServerAndDate() {
        Response r =
                Response.text("hi").header("X-B", "2").addHeader("X-A", "1").addHeader("X-B", "3");

        assertThat(encode(r, "hi"))
                .isEqualTo("HTTP/1.1 200 OK\r\n" + TEXT + "X-B: 2\r\nX-A: 1\r\nX-B: 3\r\nServer: Tulip\r\n" + dateLine()
                        + "Content-Length: 2\r\n\r\nhi");
    }

    @Test
    void aResponseWithoutAnyHeaderHasOnlyServerDateAndLength() {
        assertThat(encode(Response.of(200), ""))
                .isEqualTo("HTTP/1.1 200 OK\r\nServer: Tulip\r\n" + dateLine() + "Content-Length: 0\r\n\r\n");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "200, OK",
        "201, Created",
        "302, Found",
        "400, Bad Request",
        "404, Not Found",
        "413, Content Too Large",
        "431, Request Header Fields Too Large",
        "503, Service Unavailable",
        "299, Success",
        "418, Client Error",
        "599, Server Error"
    })
    void theStatusLineCarriesTheStatusAndItsReasonPhrase(int status, String reason) {
        assertThat(encode(Response.text(status, "x"), "x")).startsWith("HTTP/1.1 " + status + " " + reason + "\r\n");
    }

    @Test
    void responsesOfManyStatusesAndTypesEachGetTheirOwnStatusLineAndType() {
        // more combinations than the head cache has slots: a collision must never serve another head
        for (int round = 0; round < 2; round++) {
            for (int status : new int[] {200, 201, 400, 404, 500, 503}) {
                for (int t = 0; t < 20; t++) {
                    buf.clear();
                    String type = "application/x-type-" + t;
                    String wire = encode(Response.bytes(new byte[0], type).status(status), "");

                    assertThat(wire).startsWith("HTTP/1.1 " + status + " ");
                    assertThat(fields(wire, "Content-Type")).containsExactly("Content-Type: " + type);
                }
            }
        }
    }

    @Test
    void eachResponseIsAppendedAfterWhatTheBufferAlreadyHolds() {
        encode(Response.text("one"), "one");
        String both = encode(Response.text(404, "two"), "two");

        assertThat(both).startsWith("HTTP/1.1 200 OK\r\n");
        assertThat(both).contains("\r\n\r\noneHTTP/1.1 404 Not Found\r\n");
        assertThat(both).endsWith("Content-Length: 3\r\n\r\ntwo");
    }

    // ---- body framing --------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 9, 10, 2047, 2048, 12345, 100_000})
    void aBodyIsFramedByItsExactContentLength(int length) {
        String body = "b".repeat(length);

        String wire = encode(Response.text(body), body);

        assertThat(fields(wire, "Content-Length")).containsExactly("Content-Length: " + length);
        assertThat(afterHead(wire)).isEqualTo(body);
    }

    @Test
    void aHeadResponseKeepsTheContentLengthButLeavesOutTheBody() {
        String wire = encode(Response.text("hello"), "hello", true, false, false);

        assertThat(wire).endsWith("Content-Length: 5\r\n\r\n");
        assertThat(afterHead(wire)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {204, 304})
    void aResponseThatCannotHaveABodyHasNoContentLengthAndNoBody(int status) {
        String wire = encode(Response.text(status, "ignored"), "ignored");

        assertThat(wire).startsWith("HTTP/1.1 " + status + " ");
        assertThat(fields(wire, "Content-Length")).isEmpty();
        assertThat(wire).endsWith(dateLine() + "\r\n");
    }

    @Test
    void aNoContentResponseToHeadHasNoContentLengthEither() {
        String wire = encode(Response.noContent(), "", true, false, false);

        assertThat(wire).isEqualTo("HTTP/1.1 204 No Content\r\nServer: Tulip\r\n" + dateLine() + "\r\n");
    }

    // ---- connection ----------------------------------------------------------------------------

    @Test
    void aKeepAliveHttp11ResponseHasNoConnectionHeader() {
        assertThat(fields(encode(Response.text("x"), "x"), "Connection")).isEmpty();
    }

    @Test
    void aResponseThatClosesTheConnectionSaysConnectionClose() {
        String wire = encode(Response.text("x"), "x", false, true, false);

        assertThat(fields(wire, "Connection")).containsExactly("Connection: close");
        assertThat(wire).contains(dateLine() + "Connection: close\r\nContent-Length: 1\r\n\r\nx");
    }

    @Test
    void anHttp10KeepAliveResponseSaysConnectionKeepAlive() {
        String wire = encode(Response.text("x"), "x", false, false, true);

        assertThat(fields(wire, "Connection")).containsExactly("Connection: keep-alive");
    }

    @Test
    void closingWinsOverHttp10KeepAlive() {
        String wire = encode(Response.text("x"), "x", false, true, true);

        assertThat(fields(wire, "Connection")).containsExactly("Connection: close");
    }

    // ---- Server and Date -----------------------------------------------------------------------

    @Test
    void theConfiguredServerHeaderIsSent() {
        String wire = encodeWith(new ResponseEncoder("Acme/2.0", date), Response.text("x"));

        assertThat(fields(wire, "Server")).containsExactly("Server: Acme/2.0");
    }

    @Test
    void anEmptyServerSettingSendsNoServerHeader() {
        String wire = encodeWith(new ResponseEncoder("", date), Response.text("x"));

        assertThat(fields(wire, "Server")).isEmpty();
        assertThat(wire).isEqualTo("HTTP/1.1 200 OK\r\n" + TEXT + dateLine() + "Content-Length: 1\r\n\r\nx");
    }

    @Test
    void aServerHeaderSetByTheHandlerReplacesTheConfiguredOne() {
        String wire = encode(Response.text("x").header("Server", "Custom"), "x");

        assertThat(fields(wire, "Server")).containsExactly("Server: Custom");
    }

    @Test
    void theDateLineIsTheCurrentTimeAsAnHttpDate() {
        String wire = encode(Response.text("x"), "x");

        List<String> dates = fields(wire, "Date");
        assertThat(dates).hasSize(1);
        String value = dates.get(0).substring("Date: ".length());
        assertThat(value).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        Instant sent =
                ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(Duration.between(sent, Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aDateHeaderSetByTheHandlerReplacesTheServersDate() {
        String wire = encode(Response.text("x").header("Date", "Thu, 01 Jan 2026 00:00:00 GMT"), "x");

        assertThat(fields(wire, "Date")).containsExactly("Date: Thu, 01 Jan 2026 00:00:00 GMT");
    }

    // ---- cookies and headers the server owns ---------------------------------------------------

    @Test
    void eachCookieIsOneSetCookieLineAfterTheDate() {
        Response r = Response.text("x")
                .cookie(Cookie.of("a", "1").path("/"))
                .cookie(Cookie.of("b", "2").httpOnly());

        String wire = encode(r, "x");

        assertThat(fields(wire, "Set-Cookie")).containsExactly("Set-Cookie: a=1; Path=/", "Set-Cookie: b=2; HttpOnly");
        assertThat(wire).contains(dateLine() + "Set-Cookie: a=1; Path=/\r\nSet-Cookie: b=2; HttpOnly\r\n");
    }

    @Test
    void framingHeadersSetByTheHandlerAreReplacedByTheServersOwn() {
        Response r = Response.text("hi")
                .header("Content-Length", "99")
                .header("transfer-encoding", "chunked")
                .header("CONNECTION", "keep-alive");

        String wire = encode(r, "hi", false, true, false);

        assertThat(fields(wire, "Content-Length")).containsExactly("Content-Length: 2");
        assertThat(fields(wire, "Transfer-Encoding")).isEmpty();
        assertThat(fields(wire, "Connection")).containsExactly("Connection: close");
        assertThat(afterHead(wire)).isEqualTo("hi");
    }

    @Test
    void aHandlersConnectionHeaderIsNotSentOnAKeepAliveResponse() {
        String wire = encode(Response.text("hi").header("Connection", "close"), "hi");

        assertThat(fields(wire, "Connection")).isEmpty();
    }

    // ---- streamed bodies -----------------------------------------------------------------------

    private static Response streamed() {
        return Response.stream("text/plain", out -> {});
    }

    @Test
    void aStreamedHeadIsChunkedAndHasNoContentLength() {
        encoder.encodeStreamHead(buf, streamed(), true, false, false);

        assertThat(buf.toString(US_ASCII))
                .isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nServer: Tulip\r\n" + dateLine()
                        + "Transfer-Encoding: chunked\r\n\r\n");
    }

    @Test
    void aStreamedHeadForHttp10IsNotChunkedAndClosesTheConnection() {
        encoder.encodeStreamHead(buf, streamed(), false, true, false);

        String wire = buf.toString(US_ASCII);
        assertThat(fields(wire, "Transfer-Encoding")).isEmpty();
        assertThat(fields(wire, "Content-Length")).isEmpty();
        assertThat(wire).endsWith(dateLine() + "Connection: close\r\n\r\n");
    }

    @Test
    void aStreamedHeadDropsAFramingHeaderTheHandlerSet() {
        encoder.encodeStreamHead(buf, streamed().header("Content-Length", "5"), true, false, false);

        String wire = buf.toString(US_ASCII);
        assertThat(fields(wire, "Content-Length")).isEmpty();
        assertThat(fields(wire, "Transfer-Encoding")).containsExactly("Transfer-Encoding: chunked");
    }

    @Test
    void aStreamedNoContentHeadIsNotChunked() {
        encoder.encodeStreamHead(buf, streamed().status(204), true, false, false);

        assertThat(fields(buf.toString(US_ASCII), "Transfer-Encoding")).isEmpty();
    }

    @Test
    void aChunkIsItsHexSizeLineTheDataAndCrlf() {
        byte[] data = "hello, world".getBytes(US_ASCII);

        ByteBuf small = ResponseEncoder.chunk(UnpooledByteBufAllocator.DEFAULT, data, 5);
        ByteBuf large = ResponseEncoder.chunk(UnpooledByteBufAllocator.DEFAULT, new byte[255], 255);
        try {
            assertThat(small.toString(US_ASCII)).isEqualTo("5\r\nhello\r\n");
            assertThat(large.toString(US_ASCII)).startsWith("ff\r\n").endsWith("\r\n");
            assertThat(large.readableBytes()).isEqualTo(4 + 255 + 2);
        } finally {
            small.release();
            large.release();
        }
    }

    @Test
    void theLastChunkAndTheInterimContinueAreTheirFixedBytes() {
        assertThat(new String(ResponseEncoder.LAST_CHUNK, US_ASCII)).isEqualTo("0\r\n\r\n");
        assertThat(new String(ResponseEncoder.CONTINUE, US_ASCII)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
    }
}
