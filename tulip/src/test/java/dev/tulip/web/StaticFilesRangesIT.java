package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Range} requests (RFC 9110 §14) against {@link StaticFiles}' 10,000-byte file over real sockets, as a table. */
class StaticFilesRangesIT {
    @TempDir
    static Path dir;

    static StaticFilesFixture files;

    @BeforeAll
    static void start() throws Exception {
        files = new StaticFilesFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        files.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "bytes=0-99 | 206 | 0-99",
                "bytes=9900- | 206 | 9900-9999",
                "bytes=-500 | 206 | 9500-9999",
                "bytes=0- | 206 | 0-9999",
                "bytes=9990-20000 | 206 | 9990-9999",
                "bytes=-20000 | 206 | 0-9999",
                "bytes=5-5 | 206 | 5-5",
                "BYTES = 1-2 | 200 |",
                "bytes=0-9,5-19 | 206 | 0-19",
                "bytes=0-9,10-19 | 206 | 0-19",
                "bytes=0-9,20-29 | 206 | 0-9 20-29",
                "bytes=-10,0-9 | 206 | 0-9 9990-9999",
                "bytes=0-0,-1,5000-5001 | 206 | 0-0 5000-5001 9999-9999",
                "bytes=10000- | 416 |",
                "bytes=20000-30000 | 416 |",
                "bytes=-0 | 416 |",
                "bytes=5-2 | 200 |",
                "bytes=abc | 200 |",
                "bytes=1-2-3 | 200 |",
                "bytes=- | 200 |",
                "items=0-5 | 200 |",
                "bytes=0-1,2-3,4-5,6-7,8-9,10-11,12-13,14-15,16-17,18-19,20-21,22-23,24-25,26-27,28-29,30-31,32-33 | 200 |"
            })
    void aRangeIsAnsweredAsTheRfcSays(String range, int status, String parts) throws Exception {
        RawHttp.Response r = files.get("/static/data.bin", "Range: " + range);
        assertThat(r.status()).isEqualTo(status);
        if (status == 200) {
            assertThat(r.body()).isEqualTo(files.data);
            return;
        }
        if (status == 416) {
            assertThat(r.header("Content-Range")).contains("bytes */10000");
            return;
        }
        String[] expected = parts.trim().split(" ");
        if (expected.length == 1) {
            long[] se = span(expected[0]);
            assertThat(r.header("Content-Range")).contains("bytes " + expected[0] + "/10000");
            assertThat(r.header("Content-Length")).contains(Long.toString(se[1] - se[0] + 1));
            assertThat(r.body()).isEqualTo(Arrays.copyOfRange(files.data, (int) se[0], (int) se[1] + 1));
            return;
        }
        String type = r.header("Content-Type").orElseThrow();
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        String body = new String(r.body(), StandardCharsets.ISO_8859_1);
        String[] got = body.split("\r\n--" + boundary);
        assertThat(got).hasSize(expected.length + 2); // a preamble (empty) and the close delimiter
        assertThat(got[0]).isEmpty();
        assertThat(got[expected.length + 1]).isEqualTo("--\r\n");
        for (int i = 0; i < expected.length; i++) {
            long[] se = span(expected[i]);
            String head = "\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes " + expected[i]
                    + "/10000\r\n\r\n";
            assertThat(got[i + 1]).startsWith(head);
            byte[] data = got[i + 1].substring(head.length()).getBytes(StandardCharsets.ISO_8859_1);
            assertThat(data).isEqualTo(Arrays.copyOfRange(files.data, (int) se[0], (int) se[1] + 1));
        }
    }

    private static long[] span(String s) {
        String[] p = s.split("-");
        return new long[] {Long.parseLong(p[0]), Long.parseLong(p[1])};
    }

    @Test
    void aRangeOfAHeadRequestIsIgnored() throws Exception {
        RawHttp.Response r = files.send("HEAD", "/static/data.bin", "Range: bytes=0-9");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).contains("10000");
    }

    @Test
    void aRangeOfAJarResourceIsServedFromMemory() throws Exception {
        RawHttp.Response r = files.get("/jar/app.js", "Range: bytes=0-6");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.text()).isEqualTo("console");
        assertThat(r.header("Content-Range")).contains("bytes 0-6/25");
    }

    @Test
    void aRangeOfAPrecompressedSiblingIsARangeOfItsBytes() throws Exception {
        RawHttp.Response r = files.get("/static/style.css", "Accept-Encoding: br", "Range: bytes=0-7");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Encoding")).contains("br");
        assertThat(r.text()).isEqualTo("pretend-");
    }

    @Test
    void theCopyPathServesRangesToo() throws Exception {
        RawHttp.Response r = files.get("/copy/data.bin", "Range: bytes=100-199");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(files.data, 100, 200));
    }
}
