package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleMiddlewareTest {

    @Test
    void timingMiddlewarePassesTheResultOn() {
        try (var server = TestServer.start(MiddlewareExamples.timed(cfg -> cfg.port(0)))) {
            var r = server.client().get("/hello");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(server.client().get("/nowhere").status())
                    .as("app middleware runs for 404s too")
                    .isEqualTo(404);
        }
    }

    @Test
    void tokenMiddlewareShortCircuitsWithoutAToken() {
        try (var server = TestServer.start(MiddlewareExamples.token(cfg -> cfg.port(0)))) {
            var client = server.client();
            assertThat(client.get("/hello").status()).isEqualTo(401);
            var r = client.send("GET", "/hello", null, Map.of("X-Token", "t"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
        }
    }
}
