package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestClient;
import dev.tulip.test.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client guide's examples, two apps in one JVM, answering as docs/guide/http-client.md says. */
class ExampleHttpClientTest {
    private static TestServer back;
    private static TestServer front;
    private static TestClient client;

    @BeforeAll
    static void start() {
        back = TestServer.start(HttpClientExamples.back(cfg -> cfg.port(0)));
        front = TestServer.start(
                HttpClientExamples.front(cfg -> cfg.port(0), back.client().baseUrl()));
        client = front.client();
    }

    @AfterAll
    static void stop() {
        front.stop();
        back.stop();
    }

    @Test
    void theJavadocsPingAsksPong() {
        try (var ping = TestServer.start(
                HttpClientExamples.javadoc(cfg -> cfg.port(0), back.client().baseUrl()))) {
            assertThat(ping.client().get("/ping").text()).isEqualTo("pong");
        }
    }

    @Test
    void jsonGoesBothWays() {
        assertThat(client.get("/user").json().get("name").asString()).isEqualTo("Ada");
        assertThat(client.get("/created").json().get("name").asString()).isEqualTo("Grace");
        var found = client.get("/find?q=a%20b").json();
        assertThat(found.get("q").asString()).isEqualTo("a b");
        assertThat(found.get("page").asInt()).isEqualTo(2);
    }

    @Test
    void statusesAreTheCallersToHandle() {
        assertThat(client.get("/maybe/1").text()).isEqualTo("Ada");
        assertThat(client.get("/maybe/2").text()).isEqualTo("nobody");
        var strict = client.get("/strict/2");
        assertThat(strict.status()).isEqualTo(404);
        assertThat(strict.json().get("upstream").asString()).contains("Not Found");
    }

    @Test
    void aNonBlockingHandlerCombinesTwoCalls() {
        assertThat(client.get("/both").text()).isEqualTo("Ada pong");
    }

    @Test
    void bodiesStreamBothWays() {
        var lines = client.get("/export-lines").json();
        assertThat(lines.get("status").asInt()).isEqualTo(200);
        assertThat(lines.get("lines").asLong()).isEqualTo(10_000);
        assertThat(client.send("POST", "/forward", new byte[3 << 20], java.util.Map.of())
                        .json()
                        .get("bytes")
                        .asInt())
                .isEqualTo(3 << 20);
    }

    @Test
    void theStandaloneClientFollowsTheRedirect() {
        String base = back.client().baseUrl();
        assertThat(HttpClientExamples.standalone(base)).containsExactly("pong", "Ada", base + "/pong");
    }
}
