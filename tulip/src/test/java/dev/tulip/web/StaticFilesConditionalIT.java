package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conditional requests (RFC 9110 §13) against {@link StaticFiles} over real sockets, as a table.
 * In the headers, {@code E} stands for the file's {@code ETag} and {@code LM} for its
 * {@code Last-Modified} ({@code LM-1h}, {@code LM+1h} an hour before or after).
 */
class StaticFilesConditionalIT {
    @TempDir
    static Path dir;

    static StaticFilesFixture files;
    static String etag;
    static long modified;

    @BeforeAll
    static void start() throws Exception {
        files = new StaticFilesFixture(dir);
        RawHttp.Response r = files.get("/static/data.bin");
        etag = r.header("ETag").orElseThrow();
        modified = Files.getLastModifiedTime(files.root.resolve("data.bin")).toMillis() / 1000;
    }

    @AfterAll
    static void stop() throws Exception {
        files.close();
    }

    private static String fill(String header) {
        return header.replace("LM-1h", HttpDates.format(modified - 3600))
                .replace("LM+1h", HttpDates.format(modified + 3600))
                .replace("LM", HttpDates.format(modified))
                .replace("W/E", "W/" + etag)
                .replace("E", etag);
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "If-None-Match: E | | 304",
                "If-None-Match: W/E | | 304",
                "If-None-Match: \"other\" | | 200",
                "If-None-Match: \"other\", E | | 304",
                "If-None-Match: * | | 304",
                "If-Modified-Since: LM | | 304",
                "If-Modified-Since: LM+1h | | 304",
                "If-Modified-Since: LM-1h | | 200",
                "If-Modified-Since: yesterday | | 200",
                "If-None-Match: \"other\" | If-Modified-Since: LM | 200",
                "If-Match: E | | 200",
                "If-Match: * | | 200",
                "If-Match: \"other\" | | 412",
                "If-Match: W/E | | 412",
                "If-Unmodified-Since: LM | | 200",
                "If-Unmodified-Since: LM-1h | | 412",
                "If-Unmodified-Since: LM-1h | If-Match: E | 200",
                "If-Match: \"other\" | If-None-Match: E | 412",
                "If-Range: E | Range: bytes=0-9 | 206",
                "If-Range: \"other\" | Range: bytes=0-9 | 200",
                "If-Range: W/E | Range: bytes=0-9 | 200",
                "If-Range: LM | Range: bytes=0-9 | 206",
                "If-Range: LM-1h | Range: bytes=0-9 | 200"
            })
    void aConditionalRequestIsAnsweredAsTheRfcSays(String first, String second, int status) throws Exception {
        RawHttp.Response r = second == null
                ? files.get("/static/data.bin", fill(first))
                : files.get("/static/data.bin", fill(first), fill(second));
        assertThat(r.status()).isEqualTo(status);
        switch (status) {
            case 200 -> assertThat(r.body()).isEqualTo(files.data);
            case 206 -> assertThat(r.body()).isEqualTo(Arrays.copyOf(files.data, 10));
            case 304 -> {
                assertThat(r.body()).isEmpty();
                assertThat(r.header("ETag")).contains(etag);
                assertThat(r.header("Cache-Control")).contains("no-cache");
            }
            default -> assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("precondition");
        }
    }

    @Test
    void aChangedFileGetsANewETag() throws Exception {
        Path f = Files.writeString(files.root.resolve("changing.txt"), "one");
        String first = files.get("/static/changing.txt").header("ETag").orElseThrow();
        Files.writeString(f, "two!");
        RawHttp.Response r = files.get("/static/changing.txt", "If-None-Match: " + first);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("two!");
        assertThat(r.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(first));
    }
}
