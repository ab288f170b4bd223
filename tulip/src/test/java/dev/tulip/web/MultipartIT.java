package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.RawHttp;
import dev.tulip.Tulip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Multipart} over real sockets: fields, files in memory and on disk, limits, hostile names. */
class MultipartIT {
    private static final int THRESHOLD = 1024;
    private static final int MAX_FILE = 64 * 1024;
    private static final String B = "----tulipBoundary7MA4YWxk";

    @TempDir
    static Path tmp;

    @TempDir
    static Path saved;

    private static Tulip app;
    private static int port;
    /** What the handler saw in the temporary directory while the form was open. */
    private static volatile long tempFilesDuringRequest;

    @BeforeAll
    static void start() {
        Multipart multipart = Multipart.create(m -> m.memoryThreshold(THRESHOLD)
                .maxFileSize(MAX_FILE)
                .maxFieldSize(100)
                .maxParts(5)
                .tempDirectory(tmp));
        app = Tulip.create(cfg -> cfg.port(0));
        app.post("/form", req -> {
                    try (MultipartForm form = multipart.read(req)) {
                        tempFilesDuringRequest = count(tmp);
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("fields", form.fields());
                        List<Map<String, Object>> files = new ArrayList<>();
                        for (FormFile f : form.files())
                            files.add(Map.of(
                                    "name", f.name(),
                                    "filename", f.filename(),
                                    "submitted", f.submittedFilename(),
                                    "type", f.contentType(),
                                    "size", f.size(),
                                    "onDisk", f.path().isPresent(),
                                    "text", new String(f.bytes(), StandardCharsets.UTF_8).length()));
                        out.put("files", files);
                        return out;
                    }
                })
                .streamBody()
                .maxBodySize(1 << 20);
        app.post("/buffered", req -> multipart.read(req).fieldRequired("title"));
        app.post("/save", req -> {
                    var parts = Multipart.defaults().parts(req);
                    List<String> names = new ArrayList<>();
                    for (Optional<Part> p = parts.next(); p.isPresent(); p = parts.next()) {
                        if (!p.get().isFile()) continue;
                        Path target = saved.resolve(p.get().filename().orElseThrow());
                        try (InputStream in = p.get().body()) {
                            Files.copy(in, target);
                        }
                        names.add(saved.relativize(target).toString());
                    }
                    return names;
                })
                .streamBody();
        app.start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static long count(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String name, String value) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static String file(String name, String filename, String content) {
        return "--" + B + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n";
    }

    private static RawHttp.Response post(String path, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var req = new ByteArrayOutputStream();
        req.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                        + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        req.writeBytes(bytes);
        try (RawHttp c = RawHttp.connect(port)) {
            return c.send(req.toByteArray()).read();
        }
    }

    private static RawHttp.Response post(String path, String body) throws IOException {
        return post(path, "multipart/form-data; boundary=" + B, body);
    }

    @Test
    void fieldsAndFilesAreReadAndLargeFilesGoToATemporaryFileDeletedAfterward() throws IOException {
        RawHttp.Response r = post(
                "/form",
                field("title", "Résumé") + field("tag", "a") + field("tag", "b")
                        + file("small", "s.txt", "x".repeat(THRESHOLD))
                        + file("large", "l.txt", "y".repeat(THRESHOLD + 1))
                        + "--" + B + "--\r\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text())
                .contains("\"fields\":{\"title\":[\"Résumé\"],\"tag\":[\"a\",\"b\"]}")
                .containsPattern("\"name\":\"small\"[^}]*")
                .contains("\"size\":" + THRESHOLD)
                .contains("\"size\":" + (THRESHOLD + 1));
        assertThat(r.text().split("\"onDisk\":true", -1))
                .as("only the file past the threshold")
                .hasSize(2);
        assertThat(tempFilesDuringRequest).isEqualTo(1);
        assertThat(count(tmp)).as("deleted when the form closed").isZero();
    }

    @Test
    void aFileAtTheLimitIsTakenAndOneByteMoreIs413() throws IOException {
        assertThat(post("/form", file("f", "a.bin", "z".repeat(MAX_FILE)) + "--" + B + "--")
                        .status())
                .isEqualTo(200);
        RawHttp.Response over = post("/form", file("f", "a.bin", "z".repeat(MAX_FILE + 1)) + "--" + B + "--");
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.text()).contains("file 'f' is larger than the limit of " + MAX_FILE + " bytes");
        assertThat(count(tmp)).as("a refused upload leaves no file").isZero();
    }

    @Test
    void aFieldPastItsLimitIs413() throws IOException {
        assertThat(post("/form", field("t", "v".repeat(100)) + "--" + B + "--").status())
                .isEqualTo(200);
        RawHttp.Response over = post("/form", field("t", "v".repeat(101)) + "--" + B + "--");
        assertThat(over.status()).isEqualTo(413);
        assertThat(over.text()).contains("field 't'");
    }

    @Test
    void morePartsThanAllowedIs413() throws IOException {
        String five = field("a", "1").repeat(5);
        assertThat(post("/form", five + "--" + B + "--").status()).isEqualTo(200);
        RawHttp.Response six = post("/form", five + field("a", "1") + "--" + B + "--");
        assertThat(six.status()).isEqualTo(413);
        assertThat(six.text()).contains("more than 5 parts");
    }

    @Test
    void anotherContentTypeIs415AndAMissingBoundaryIs400() throws IOException {
        assertThat(post("/form", "application/json", "{}").status()).isEqualTo(415);
        assertThat(post("/form", "multipart/form-data", "x").status()).isEqualTo(400);
        assertThat(post("/form", "multipart/form-data; boundary=" + "b".repeat(71), "x")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aBodyCutBeforeItsClosingBoundaryIs400() throws IOException {
        RawHttp.Response r = post(
                "/form", field("title", "t") + "--" + B + "\r\nContent-Disposition: form-data; name=x\r\n\r\nno end");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.text()).contains("before its closing boundary");
    }

    @Test
    void aBufferedRouteReadsMultipartToo() throws IOException {
        RawHttp.Response r = post("/buffered", field("title", "plain") + "--" + B + "--");
        assertThat(r.text()).isEqualTo("plain");
    }

    @Test
    void hostileFilenamesLandInsideTheDirectoryTheHandlerChose() throws IOException {
        RawHttp.Response r = post(
                "/save",
                file("a", "../../escape.txt", "1") + file("b", "..\\..\\win.txt", "2") + file("c", "/etc/cron.d/x", "3")
                        + file("d", "..", "4") + "--" + B + "--");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("[\"escape.txt\",\"win.txt\",\"x\",\"upload\"]");
        try (Stream<Path> s = Files.list(saved)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("escape.txt", "win.txt", "x", "upload");
        }
        assertThat(Files.exists(saved.getParent().resolve("escape.txt"))).isFalse();
    }
}
