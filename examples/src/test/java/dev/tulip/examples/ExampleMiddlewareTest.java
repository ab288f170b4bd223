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

    @Test
    void responseFromLetsMiddlewareAddAHeaderToAnyResult() {
        try (var server = TestServer.start(MiddlewareExamples.servedBy(cfg -> cfg.port(0)))) {
            var client = server.client();
            var text = client.get("/hello");
            var json = client.get("/pet");
            var none = client.get("/none");
            var unrouted = client.get("/nowhere");

            assertThat(text.text()).isEqualTo("hello");
            assertThat(text.header("x-served-by")).hasValue("tulip-1");
            assertThat(json.json().get("name").asString()).isEqualTo("Rex");
            assertThat(json.header("x-served-by")).hasValue("tulip-1");
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.header("x-served-by")).hasValue("tulip-1");
            // the router's 404 is thrown (an HttpException), so exception handlers can shape it
            assertThat(unrouted.status()).isEqualTo(404);
            assertThat(unrouted.header("x-served-by")).isEmpty();
        }
    }
}
