package dev.tulip.internal.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Headers;
import dev.tulip.Response;
import dev.tulip.internal.HeaderList;
import dev.tulip.internal.Prepared;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ResponseEncoder} with compression on: the head fields it adds and the body it writes. */
class ResponseEncoderCompressionTest {
    private static final byte[] LARGE = "{\"k\":\"some value\"},".repeat(200).getBytes(StandardCharsets.US_ASCII);

    private final ResponseEncoder encoder = new ResponseEncoder("Tulip", new DateHeader(), new Compression(true, 1024));
    private final ByteBuf buf = Unpooled.buffer(256);

    @AfterEach
    void release() {
        buf.release();
    }

    private static Headers accepting(String acceptEncoding) {
        return new HeaderList().add("Accept-Encoding", acceptEncoding);
    }

    private String encode(Response r, byte[] body, Headers request, boolean head) {
        encoder.encode(buf, new Prepared(r, body, null), head, false, false, request);
        return buf.toString(ISO_8859_1);
    }

    private static List<String> fieldLines(String wire) {
        String head = wire.substring(0, wire.indexOf("\r\n\r\n"));
        List<String> lines = Arrays.asList(head.split("\r\n", -1));
        return lines.subList(1, lines.size());
    }

    private static byte[] body(String wire) {
        return wire.substring(wire.indexOf("\r\n\r\n") + 4).getBytes(ISO_8859_1);
    }

    @Test
    void anAcceptedLargeBodyIsGzippedWithItsCompressedLength() throws Exception {
        String wire = encode(Response.json("x"), LARGE, accepting("gzip, deflate"), false);

        byte[] sent = body(wire);
        assertThat(fieldLines(wire))
                .contains(
                        "Content-Type: application/json",
                        "Content-Encoding: gzip",
                        "Vary: Accept-Encoding",
                        "Content-Length: " + sent.length);
        assertThat(GzipTest.gunzip(sent)).isEqualTo(LARGE);
    }

    @Test
    void aClientThatDoesNotAcceptGzipGetsTheBodyAsIsWithVary() {
        String wire = encode(Response.json("x"), LARGE, accepting("identity"), false);

        assertThat(fieldLines(wire))
                .contains("Vary: Accept-Encoding", "Content-Length: " + LARGE.length)
                .noneMatch(l -> l.startsWith("Content-Encoding"));
        assertThat(body(wire)).isEqualTo(LARGE);
    }

    @Test
    void aSmallBodyGetsNeitherCompressionNorVary() {
        String wire = encode(Response.text("hello"), "hello".getBytes(ISO_8859_1), accepting("gzip"), false);

        assertThat(fieldLines(wire)).noneMatch(l -> l.startsWith("Content-Encoding") || l.startsWith("Vary"));
        assertThat(body(wire)).isEqualTo("hello".getBytes(ISO_8859_1));
    }

    @Test
    void anAnswerToHeadKeepsTheUncompressedLength() {
        String wire = encode(Response.json("x"), LARGE, accepting("gzip"), true);

        assertThat(fieldLines(wire))
                .contains("Content-Length: " + LARGE.length)
                .noneMatch(l -> l.startsWith("Content-Encoding"));
        assertThat(body(wire)).isEmpty();
    }

    @Test
    void aStrongETagBecomesWeakOnTheGzippedBodyAndAWeakOneIsKept() {
        String strong = encode(Response.json("x").header("ETag", "\"v1\""), LARGE, accepting("gzip"), false);
        buf.clear();
        String weak = encode(Response.json("x").header("ETag", "W/\"v1\""), LARGE, accepting("gzip"), false);

        assertThat(fieldLines(strong)).contains("ETag: W/\"v1\"");
        assertThat(fieldLines(weak)).contains("ETag: W/\"v1\"");
    }

    @Test
    void aVaryThatNamesAcceptEncodingIsNotRepeatedAndAnotherOneIsKept() {
        String named = encode(Response.json("x").header("Vary", "Accept-Encoding"), LARGE, accepting("gzip"), false);
        buf.clear();
        String other = encode(Response.json("x").header("Vary", "Origin"), LARGE, accepting("gzip"), false);

        assertThat(fieldLines(named)).filteredOn(l -> l.startsWith("Vary")).containsExactly("Vary: Accept-Encoding");
        assertThat(fieldLines(other))
                .filteredOn(l -> l.startsWith("Vary"))
                .containsExactly("Vary: Origin", "Vary: Accept-Encoding");
    }

    @Test
    void theEncoderWithoutCompressionNeverCompresses() {
        var plain = new ResponseEncoder("Tulip", new DateHeader());
        plain.encode(buf, new Prepared(Response.json("x"), LARGE, null), false, false, false, accepting("gzip"));

        String wire = buf.toString(ISO_8859_1);
        assertThat(fieldLines(wire)).noneMatch(l -> l.startsWith("Content-Encoding") || l.startsWith("Vary"));
    }

    @Test
    void aStreamHeadAnnouncesGzipAndHandsOverTheCompressor() {
        Gzip gzip = encoder.encodeStreamHead(
                buf, Response.stream("text/plain", out -> {}), true, false, false, accepting("gzip"));

        assertThat(gzip).isNotNull();
        gzip.end();
        assertThat(fieldLines(buf.toString(ISO_8859_1)))
                .contains("Content-Encoding: gzip", "Vary: Accept-Encoding", "Transfer-Encoding: chunked");
    }

    @Test
    void aStreamHeadForAClientWithoutGzipHasNoCompressor() {
        Gzip gzip = encoder.encodeStreamHead(
                buf, Response.stream("text/plain", out -> {}), true, false, false, accepting("br"));

        assertThat(gzip).isNull();
        assertThat(fieldLines(buf.toString(ISO_8859_1)))
                .contains("Vary: Accept-Encoding")
                .noneMatch(l -> l.startsWith("Content-Encoding"));
    }
}
