package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleRoutesTest {

    @Test
    void groupMiddlewareGuardsOnlyTheGroup() {
        try (var server = TestServer.start(RoutesExamples.create(cfg -> cfg.port(0)))) {
            var client = server.client();
            assertThat(client.get("/admin/stats").status()).isEqualTo(403);

            var stats = client.send("GET", "/admin/stats", null, Map.of("X-Admin", "yes"));
            assertThat(stats.status()).isEqualTo(200);
            assertThat(stats.text()).isEqualTo("{\"requests\":42}");

            assertThat(client.get("/json").status()).as("outside the group").isEqualTo(200);
        }
    }

    @Test
    void nonBlockingHandlerAnswersJson() {
        try (var server = TestServer.start(RoutesExamples.create(cfg -> cfg.port(0)))) {
            var r = server.client().get("/json");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).hasValue("application/json");
            assertThat(r.text()).isEqualTo("{\"message\":\"Hello, World!\"}");
        }
    }
}
