package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.mongo.embedded.EmbeddedMongo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's MongoDB data outlives the process: every acknowledged write survives a graceful stop,
 * and a {@code kill -9} loses none written more than the store's commit delay (100 ms) before it.
 */
class DemoRestartIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private Path data;

    @BeforeEach
    void dataDir() throws Exception {
        data = Files.createTempDirectory("tulip-demo-restart");
    }

    @AfterEach
    void cleanUp() {
        DemoData.delete(data);
    }

    private ChildJvm demo() throws Exception {
        return demo(Map.of("DEMO_DATA_DIR", data.toString()));
    }

    private static ChildJvm demo(Map<String, String> env) throws Exception {
        return ChildJvm.start(
                List.of("-cp", System.getProperty("java.class.path"), "dev.tulip.demo.DemoApp", "--port", "0"), env);
    }

    private static HttpResponse<String> send(ChildJvm app, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json");
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void acknowledgedWritesSurviveAGracefulStop() throws Exception {
        String id;
        try (ChildJvm app = demo()) {
            id = send(app, "POST", "/new", "{\"name\": \"masnun\"}").body();
            assertThat(send(app, "PUT", "/stuff/42", "{\"colour\": \"red\"}").statusCode())
                    .isEqualTo(201);
            assertThat(app.terminate()).isZero();
        }
        try (ChildJvm app = demo()) {
            String insertedId = id.replaceAll(".*\"inserted_id\":\"([0-9a-f]+)\".*", "$1");
            assertThat(send(app, "GET", "/", null).body())
                    .isEqualTo("[{\"id\":\"" + insertedId + "\",\"name\":\"masnun\"}]");
            assertThat(send(app, "GET", "/stuff/42", null).body()).isEqualTo("{\"id\":\"42\",\"colour\":\"red\"}");
            assertThat(send(app, "PUT", "/stuff/42", "{\"colour\": \"blue\"}").statusCode())
                    .isEqualTo(200);
            assertThat(send(app, "POST", "/svc_vt_info/search", "{\"id\": [\"a1\", \"b2\"]}")
                            .body())
                    .contains("\"alpha\"", "\"beta\"");
            assertThat(app.terminate()).isZero();
        }
    }

    @Test
    void mongodbUriSwitchesTheDemoToThatServer() throws Exception {
        try (EmbeddedMongo server = EmbeddedMongo.inMemory().start()) {
            Map<String, String> env = Map.of("MONGODB_URI", server.uri(), "DEMO_DATA_DIR", data.toString());
            try (ChildJvm app = demo(env)) {
                assertThat(send(app, "PUT", "/stuff/u1", "{\"v\": 1}").statusCode())
                        .isEqualTo(201);
                assertThat(app.terminate()).isZero();
            }
            assertThat(data.resolve("mongo")).doesNotExist(); // nothing embedded on disk
            try (ChildJvm app = demo(env)) {
                assertThat(send(app, "GET", "/stuff/u1", null).body()).isEqualTo("{\"id\":\"u1\",\"v\":1}");
                assertThat(app.terminate()).isZero();
            }
        }
    }

    @Test
    void writesOlderThanTheCommitDelaySurviveAKill() throws Exception {
        try (ChildJvm app = demo()) {
            assertThat(send(app, "PUT", "/stuff/k9", "{\"v\": 1}").statusCode()).isEqualTo(201);
            Thread.sleep(1000); // ten commit delays
            app.kill();
        }
        // a killed JVM cannot stop its embedded PostgreSQL: stop it, as its user would
        DemoData.stopOrphanedPostgres(data.resolve("postgres"));
        try (ChildJvm app = demo()) {
            assertThat(send(app, "GET", "/stuff/k9", null).body()).isEqualTo("{\"id\":\"k9\",\"v\":1}");
            assertThat(app.terminate()).isZero();
        }
    }
}
