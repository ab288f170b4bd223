package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploads page's examples over real sockets. */
class ExampleUploadsTest {
    private static final String B = "exampleBoundary";

    @TempDir
    Path dir;

    private static String file(String name, String filename, String type, String content) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n" + content + "\r\n";
    }

    private static String field(String name, String value) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static final Map<String, String> MULTIPART = Map.of("Content-Type", "multipart/form-data; boundary=" + B);

    @Test
    void aStreamedUploadIsHashedAsItArrives() {
        try (var server = TestServer.start(UploadsExamples.uploads(cfg -> cfg.port(0), dir))) {
            var r = server.client().send("PUT", "/blobs/x", "abc".getBytes(StandardCharsets.UTF_8), Map.of());
            assertThat(r.text())
                    .contains("\"size\":3")
                    .contains("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }

    @Test
    void aNonBlockingHandlerCountsTheBody() {
        try (var server = TestServer.start(UploadsExamples.uploads(cfg -> cfg.port(0), dir))) {
            var r = server.client().send("POST", "/count", new byte[300_000], Map.of());
            assertThat(r.text()).isEqualTo("300000");
        }
    }

    @Test
    void anAvatarIsKeptUnderASafeNameAndANonImageIsRefused() throws Exception {
        try (var server = TestServer.start(UploadsExamples.uploads(cfg -> cfg.port(0), dir))) {
            String body = field("user", "ada") + file("image", "../me.png", "image/png", "PNG") + "--" + B + "--";
            var r = server.client().send("POST", "/avatars", body.getBytes(StandardCharsets.UTF_8), MULTIPART);
            assertThat(r.text()).contains("\"saved\":\"ada-me.png\"");
            assertThat(Files.readString(dir.resolve("ada-me.png"))).isEqualTo("PNG");

            String text = field("user", "bob") + file("image", "x.sh", "text/x-sh", "#!") + "--" + B + "--";
            assertThat(server.client()
                            .send("POST", "/avatars", text.getBytes(StandardCharsets.UTF_8), MULTIPART)
                            .status())
                    .isEqualTo(415);
        }
    }

    @Test
    void partsAreWrittenStraightToDisk() throws Exception {
        try (var server = TestServer.start(UploadsExamples.uploads(cfg -> cfg.port(0), dir))) {
            String body = file("a", "one.txt", "text/plain", "1") + field("note", "skip me")
                    + file("b", "two.txt", "text/plain", "22") + "--" + B + "--";
            var r = server.client().send("POST", "/archive", body.getBytes(StandardCharsets.UTF_8), MULTIPART);
            assertThat(r.text()).isEqualTo("[\"one.txt\",\"two.txt\"]");
            assertThat(Files.readString(dir.resolve("two.txt"))).isEqualTo("22");
        }
    }
}
