package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.HttpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartScannerTest {
    private static final String B = "XyZ";

    /** Hands out at most {@code step} bytes per read, so delimiters fall across reads. */
    private static InputStream trickle(String body, int step) {
        var in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        return new InputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, Math.min(len, step));
            }
        };
    }

    /** Each part as "headers|body". */
    private static List<String> parts(String body, int step) throws IOException {
        var s = new MultipartScanner(trickle(body, step), B);
        List<String> out = new ArrayList<>();
        while (s.nextPart()) {
            List<String> headers = s.headerLines(1024);
            var content = new ByteArrayOutputStream();
            byte[] buf = new byte[7];
            for (int n; (n = s.readBody(buf, 0, buf.length)) >= 0; ) content.write(buf, 0, n);
            out.add(String.join(",", headers) + "|" + content.toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static final String TWO_PARTS = "preamble\r\n--XyZ\r\nA: 1\r\n\r\nfirst\r\n--XyZ\r\nB: 2\r\n\r\n"
            + "second\r\nwith\r\n--Xy text\r\n-XyZ\r\n--XyZ--\r\nepilogue";

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = {1, 2, 3, 5, 8, 100, 100_000})
    void partsAreSplitAtTheirDelimitersHoweverTheBytesArrive(int step) throws IOException {
        assertThat(parts(TWO_PARTS, step)).containsExactly("A: 1|first", "B: 2|second\r\nwith\r\n--Xy text\r\n-XyZ");
    }

    @Test
    void aBodyMayOpenWithItsFirstBoundaryAndHaveNoEpilogue() throws IOException {
        assertThat(parts("--XyZ\r\nA: 1\r\n\r\n\r\n--XyZ--", 4)).containsExactly("A: 1|");
    }

    @Test
    void paddingAfterABoundaryIsAllowed() throws IOException {
        assertThat(parts("--XyZ  \t\r\nA: 1\r\n\r\nx\r\n--XyZ--", 4)).containsExactly("A: 1|x");
    }

    @Test
    void aPartLargerThanTheBufferStreamsThrough() throws IOException {
        String big = "x".repeat(100_000);
        assertThat(parts("--XyZ\r\nA: 1\r\n\r\n" + big + "\r\n--XyZ--", 4096))
                .singleElement()
                .asString()
                .hasSize("A: 1|".length() + big.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--XyZ\r\nA: 1\r\n\r\nno closing boundary",
                "--XyZ\r\nA: 1\r\n\r\nx\r\n--XyZ",
                "--XyZ junk\r\nA: 1\r\n\r\nx\r\n--XyZ--",
                "--XyZ\r\nA: 1\r\n",
                "--XyZ\r\nA: 1\n\r\nx\r\n--XyZ--",
                "--XyZ\r\nA: 1\r\n folded\r\n\r\nx\r\n--XyZ--",
                "no boundary at all",
            })
    void malformedFramingIsA400(String body) {
        assertThatThrownBy(() -> parts(body, 3))
                .isInstanceOf(HttpException.class)
                .hasMessageStartingWith("malformed multipart body")
                .extracting(e -> ((HttpException) e).status())
                .isEqualTo(400);
    }

    @Test
    void headersPastTheirLimitAre413() {
        var s = new MultipartScanner(trickle("--XyZ\r\nA: " + "a".repeat(200) + "\r\n\r\nx\r\n--XyZ--", 16), B);
        assertThatThrownBy(() -> {
                    s.nextPart();
                    s.headerLines(100);
                })
                .isInstanceOf(HttpException.class)
                .extracting(e -> ((HttpException) e).status())
                .isEqualTo(413);
    }
}
