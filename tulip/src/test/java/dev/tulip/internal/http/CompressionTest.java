package dev.tulip.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Headers;
import dev.tulip.Response;
import dev.tulip.internal.HeaderList;
import dev.tulip.internal.http.Compression.Decision;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Compression}: Accept-Encoding negotiation, the size threshold and what is never compressed. */
class CompressionTest {
    private final Compression on = new Compression(true, 1024);

    private static Headers accepting(String acceptEncoding) {
        HeaderList h = new HeaderList();
        h.add("Accept-Encoding", acceptEncoding);
        return h;
    }

    private static final Headers GZIP = accepting("gzip");

    private static Response json() {
        return Response.json("x");
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} -> gzip {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip                          | true",
                "GZIP                          | true",
                "x-gzip                        | true",
                "gzip, deflate, br, zstd       | true",
                "br;q=1.0, gzip;q=0.8, *;q=0.1 | true",
                "gzip;q=0.001                  | true",
                "gzip; q=1                     | true",
                "gzip;Q=0.5                    | true",
                "*                             | true",
                "*;q=0.5                       | true",
                "deflate, *                    | true",
                "identity;q=0, gzip            | true",
                "gzip;q=0.5, identity;q=0.5    | true",
                "gzip;q=0                      | false",
                "gzip;q=0.000                  | false",
                "gzip;q=0, *                   | false",
                "*;q=0                         | false",
                "identity                      | false",
                "deflate, br                   | false",
                "gzip;q=0.5, identity          | false",
                "gzip;q=2                      | false",
                "gzip;q=0.5555                 | false",
                "gzip;q=abc                    | false",
                "gzip;q=                       | false",
                "gzip;level                    | false",
                "gzipper                       | false",
                "' '                           | false",
            })
    void negotiatesGzipFromAcceptEncoding(String acceptEncoding, boolean gzip) {
        assertThat(Compression.acceptsGzip(acceptEncoding)).isEqualTo(gzip);
    }

    @Test
    void aRequestWithoutAcceptEncodingGetsNoCompressionButTheVary() {
        assertThat(Compression.acceptsGzip(null)).isFalse();
        assertThat(on.decide(json(), 5000, new HeaderList(), false)).isEqualTo(Decision.VARY);
    }

    @Test
    void severalAcceptEncodingLinesMakeOneList() {
        HeaderList h = new HeaderList();
        h.add("Accept-Encoding", "br");
        h.add("Accept-Encoding", "gzip");

        assertThat(on.decide(json(), 5000, h, false)).isEqualTo(Decision.GZIP);
    }

    @Test
    void aBodyJustUnderTheThresholdIsLeftAloneAndOneAtItIsCompressed() {
        assertThat(on.decide(json(), 1023, GZIP, false)).isEqualTo(Decision.NONE);
        assertThat(on.decide(json(), 1024, GZIP, false)).isEqualTo(Decision.GZIP);
    }

    @Test
    void aStreamOfUnknownSizeIsCompressed() {
        assertThat(on.decide(Response.stream("text/plain", out -> {}), -1, GZIP, false))
                .isEqualTo(Decision.GZIP);
    }

    @Test
    void compressionOffNeverCompresses() {
        assertThat(new Compression(false, 0).decide(json(), 1_000_000, GZIP, false))
                .isEqualTo(Decision.NONE);
    }

    @Test
    void anAnswerToHeadIsNotCompressed() {
        assertThat(on.decide(json(), 5000, GZIP, true)).isEqualTo(Decision.NONE);
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 204, 206, 304})
    void statusesWithoutABodyOrWithAPartialOneAreNotCompressed(int status) {
        assertThat(on.decide(json().status(status), 5000, GZIP, false)).isEqualTo(Decision.NONE);
    }

    @Test
    void aBodyThatAlreadyHasAContentEncodingIsNotCompressedAgain() {
        assertThat(on.decide(json().header("Content-Encoding", "br"), 5000, GZIP, false))
                .isEqualTo(Decision.NONE);
    }

    @Test
    void aRangeIsNotCompressed() {
        assertThat(on.decide(json().header("Content-Range", "bytes 0-9/100"), 5000, GZIP, false))
                .isEqualTo(Decision.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-transform", "public, No-Transform", "max-age=60,no-transform"})
    void cacheControlNoTransformIsHonoured(String cacheControl) {
        assertThat(on.decide(json().header("Cache-Control", cacheControl), 5000, GZIP, false))
                .isEqualTo(Decision.NONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "image/png",
                "image/jpeg",
                "IMAGE/WEBP",
                "video/mp4",
                "audio/ogg",
                "application/zip",
                "application/gzip",
                "application/x-gzip",
                "application/zstd",
                "application/octet-stream",
                "font/woff2",
                "application/zip; name=a.zip"
            })
    void alreadyCompressedTypesAreNotCompressed(String type) {
        assertThat(Compression.compressibleType(Optional.of(type))).isFalse();
        assertThat(on.decide(Response.bytes(new byte[0], type), 5000, GZIP, false))
                .isEqualTo(Decision.NONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "text/plain; charset=utf-8",
                "text/html",
                "text/event-stream",
                "application/json",
                "application/javascript",
                "image/svg+xml",
                "application/xml"
            })
    void textLikeTypesAreCompressed(String type) {
        assertThat(Compression.compressibleType(Optional.of(type))).isTrue();
    }

    @Test
    void aBodyWithoutContentTypeIsCompressed() {
        assertThat(on.decide(Response.of(200), 5000, GZIP, false)).isEqualTo(Decision.GZIP);
    }

    @Test
    void aVaryThatAlreadyNamesAcceptEncodingIsRecognised() {
        assertThat(Compression.varies(json().header("Vary", "Origin, accept-encoding")))
                .isTrue();
        assertThat(Compression.varies(json().header("Vary", "*"))).isTrue();
        assertThat(Compression.varies(json().header("Vary", "Origin"))).isFalse();
        assertThat(Compression.varies(json())).isFalse();
    }
}
