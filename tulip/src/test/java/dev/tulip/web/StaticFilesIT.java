package dev.tulip.web;

import static dev.tulip.web.StaticFilesFixture.CSS;
import static dev.tulip.web.StaticFilesFixture.CSS_BR;
import static dev.tulip.web.StaticFilesFixture.CSS_GZ;
import static dev.tulip.web.StaticFilesFixture.HELLO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link StaticFiles} over real sockets: headers, types, index files, siblings, jars, the copy path. */
class StaticFilesIT {
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

    @Test
    void aFileIsSentWithItsTypeValidatorsAndLength() throws Exception {
        RawHttp.Response r = files.get("/static/hello.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(HELLO);
        assertThat(r.header("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(r.header("Content-Length")).contains(Integer.toString(HELLO.length()));
        assertThat(r.header("ETag").orElseThrow()).matches("\"[0-9a-f]+-[0-9a-f]+\"");
        long mtime = Files.getLastModifiedTime(files.root.resolve("hello.txt")).toMillis() / 1000;
        assertThat(r.header("Last-Modified")).contains(HttpDates.format(mtime));
        assertThat(r.header("Cache-Control")).contains("no-cache");
        assertThat(r.header("Accept-Ranges")).contains("bytes");
        assertThat(r.header("X-Content-Type-Options")).contains("nosniff");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "/static/data.bin, application/octet-stream",
        "/static/index.html, text/html; charset=utf-8",
        "/static/style.css, text/css; charset=utf-8",
        "/static/app.3f9a2b1c.js, text/javascript; charset=utf-8",
        "/jar/app.js, text/javascript; charset=utf-8"
    })
    void theTypeComesFromTheExtension(String target, String type) throws Exception {
        assertThat(files.get(target).header("Content-Type")).contains(type);
    }

    @Test
    void aHeadRequestHasTheHeadersAndLengthButNoBody() throws Exception {
        try (RawHttp c = RawHttp.connect(files.app.port())) {
            RawHttp.Response r = c.send("HEAD", "/static/data.bin").readHead();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).contains("10000");
            assertThat(r.header("ETag")).isPresent();
            // the connection goes on with the next response, not with a body
            assertThat(c.send("GET", "/static/hello.txt").read().text()).isEqualTo(HELLO);
        }
    }

    @Test
    void aDirectoryIsServedByItsIndexFile() throws Exception {
        assertThat(files.get("/static/docs").text()).isEqualTo("<h1>docs</h1>");
        assertThat(files.get("/static/docs/").text()).isEqualTo("<h1>docs</h1>");
        assertThat(files.get("/static/docs/").header("Content-Type")).contains("text/html; charset=utf-8");
    }

    @Test
    void withoutAnIndexADirectoryIsNotFound() throws Exception {
        assertThat(files.get("/noindex/docs").status()).isEqualTo(404);
        assertThat(files.get("/noindex/docs/index.html").status()).isEqualTo(200);
    }

    @Test
    void aMissingFileIsNotFound() throws Exception {
        assertThat(files.get("/static/nothing.txt").status()).isEqualTo(404);
    }

    @Test
    void cacheControlIsConfiguredAndHashedNamesAreImmutable() throws Exception {
        assertThat(files.get("/cached/hello.txt").header("Cache-Control")).contains("public, max-age=60");
        assertThat(files.get("/cached/app.3f9a2b1c.js").header("Cache-Control"))
                .contains("public, max-age=31536000, immutable");
    }

    @Test
    void hiddenFilesAreServedOnlyWhenAllowed() throws Exception {
        assertThat(files.get("/static/.env").status()).isEqualTo(404);
        assertThat(files.get("/dots/.env").status()).isEqualTo(200);
    }

    @Test
    void aSymlinkInsideTheRootIsFollowed() throws Exception {
        assertThat(files.get("/static/in-link.txt").text()).isEqualTo(HELLO);
    }

    @Test
    void aSingleFileRouteServesThatFile() throws Exception {
        assertThat(files.get("/hello").text()).isEqualTo(HELLO);
        assertThat(files.get("/hello").header("Content-Type")).contains("text/plain; charset=utf-8");
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} gets {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "br, gzip | br",
                "gzip, br | br",
                "gzip | gzip",
                "br | br",
                "gzip;q=1, br;q=0.5 | gzip",
                "br;q=0, gzip | gzip",
                "br;q=0, gzip;q=0 | identity",
                "* | br",
                "*;q=0.1, gzip | gzip",
                "identity | identity",
                "deflate | identity"
            })
    void aPrecompressedSiblingIsChosenByTheClientsCodings(String accept, String expected) throws Exception {
        RawHttp.Response r = files.get("/static/style.css", "Accept-Encoding: " + accept);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Vary")).contains("Accept-Encoding");
        assertThat(r.header("Content-Type")).contains("text/css; charset=utf-8");
        switch (expected) {
            case "br" -> {
                assertThat(r.header("Content-Encoding")).contains("br");
                assertThat(r.text()).isEqualTo(CSS_BR); // sent as it is: not compressed again
            }
            case "gzip" -> {
                assertThat(r.header("Content-Encoding")).contains("gzip");
                assertThat(r.text()).isEqualTo(CSS_GZ);
            }
            default -> {
                assertThat(r.header("Content-Encoding")).isEmpty();
                assertThat(r.text()).isEqualTo(CSS);
            }
        }
    }

    @Test
    void aSiblingHasAnETagOfItsOwn() throws Exception {
        String plain = files.get("/static/style.css").header("ETag").orElseThrow();
        String br = files.get("/static/style.css", "Accept-Encoding: br")
                .header("ETag")
                .orElseThrow();
        assertThat(br).isNotEqualTo(plain).endsWith("-br\"");
    }

    @Test
    void aTextFileWithoutSiblingsIsGzippedOnTheFlyThroughTheCopyPath() throws Exception {
        Files.writeString(files.root.resolve("big.txt"), "some words ".repeat(1000));
        RawHttp.Response r = files.get("/static/big.txt", "Accept-Encoding: gzip");
        assertThat(r.header("Content-Encoding")).contains("gzip");
        assertThat(r.header("ETag").orElseThrow()).startsWith("W/"); // another representation's bytes
        String text = new String(
                new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("some words ".repeat(1000));
    }

    @Test
    void aResourceInsideAJarIsServedWithAContentHashETag() throws Exception {
        RawHttp.Response r = files.get("/jar/app.js");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("console.log('from a jar')");
        assertThat(r.header("ETag").orElseThrow()).matches("\"[A-Za-z0-9_-]{16}\"");
        String etag = r.header("ETag").get();
        assertThat(files.get("/jar/app.js", "If-None-Match: " + etag).status()).isEqualTo(304);
    }

    @Test
    void aJarDirectoryIsServedByItsIndexAndOtherFoldersAreOutOfReach() throws Exception {
        assertThat(files.get("/jar/sub/").text()).isEqualTo("<p>jar index</p>");
        assertThat(files.get("/jar/sub").text()).isEqualTo("<p>jar index</p>");
        assertThat(files.get("/jar/missing.js").status()).isEqualTo(404);
        assertThat(files.get("/jar/..%2fsecret/keys.txt").status()).isIn(400, 404);
    }

    @Test
    void theCopyPathSendsTheSameBytesChunked() throws Exception {
        RawHttp.Response r = files.get("/copy/data.bin");
        assertThat(r.header("Transfer-Encoding")).contains("chunked");
        assertThat(r.body()).isEqualTo(files.data);
        RawHttp.Response zeroCopy = files.get("/static/data.bin");
        assertThat(zeroCopy.header("Content-Length")).contains("10000");
        assertThat(zeroCopy.body()).isEqualTo(files.data);
    }

    @Test
    void anEmptyFileIsSentWithLengthZero() throws Exception {
        Files.write(files.root.resolve("empty.txt"), new byte[0]);
        RawHttp.Response r = files.get("/static/empty.txt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Length")).contains("0");
        assertThat(r.body()).isEmpty();
    }
}
