package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static files page's examples over real sockets. */
class ExampleStaticFilesTest {
    @TempDir
    Path root;

    @Test
    void aDirectoryTheClassPathAndOneFileAreServed() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve("app.3f9a2b1c.js"), "go()");
        Files.write(root.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
        try (var server = TestServer.start(StaticFilesExamples.app(cfg -> cfg.port(0), root))) {
            var hello = server.client().get("/static/hello.txt");
            assertThat(hello.text()).isEqualTo("hello");
            assertThat(hello.header("cache-control")).hasValue("public, max-age=3600");
            assertThat(server.client().get("/static/app.3f9a2b1c.js").header("cache-control"))
                    .hasValue("public, max-age=31536000, immutable");
            var etag = hello.header("etag").orElseThrow();
            assertThat(server.client()
                            .send("GET", "/static/hello.txt", null, Map.of("If-None-Match", etag))
                            .status())
                    .isEqualTo(304);
            assertThat(server.client()
                            .send("GET", "/static/hello.txt", null, Map.of("Range", "bytes=1-3"))
                            .text())
                    .isEqualTo("ell");
            assertThat(server.client().get("/assets/").text()).contains("served from the class path");
            assertThat(server.client().get("/favicon.ico").header("content-type"))
                    .hasValue("image/x-icon");
            assertThat(server.client().get("/static/%2e%2e/pom.xml").status()).isEqualTo(400);
        }
    }

    @Test
    void aSinglePageAppFallsBackToItsIndex() throws Exception {
        Files.writeString(root.resolve("index.html"), "<div id=app></div>");
        Files.writeString(root.resolve("main.js"), "render()");
        try (var server = TestServer.start(StaticFilesExamples.singlePage(cfg -> cfg.port(0), root))) {
            assertThat(server.client().get("/main.js").text()).isEqualTo("render()");
            assertThat(server.client().get("/users/42").text()).isEqualTo("<div id=app></div>");
        }
    }

    @Test
    void theOptionsChangeTheHeadersAndRefuseDirectories() throws Exception {
        Files.createDirectories(root.resolve("logs"));
        Files.writeString(root.resolve("logs/index.html"), "index");
        Files.writeString(root.resolve("logs/today.log"), "all quiet");
        Files.writeString(root.resolve("logs/today.log.gz"), "not really gzip");
        try (var server = TestServer.start(StaticFilesExamples.options(cfg -> cfg.port(0), root))) {
            var log = server.client()
                    .send("GET", "/downloads/logs/today.log", null, Map.of("Accept-Encoding", "gzip;q=1"));
            assertThat(log.text()).isEqualTo("all quiet");
            assertThat(log.header("content-type")).hasValue("text/plain; charset=utf-8");
            assertThat(log.header("cache-control")).hasValue("private, max-age=60");
            assertThat(server.client().get("/downloads/logs").status()).isEqualTo(404);
        }
    }
}
