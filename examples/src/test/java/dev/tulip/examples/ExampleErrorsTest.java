package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import org.junit.jupiter.api.Test;

class ExampleErrorsTest {

    @Test
    void httpExceptionSendsItsStatusAndMessage() {
        try (var server = TestServer.start(ErrorsExamples.create(cfg -> cfg.port(0)))) {
            var client = server.client();
            assertThat(client.put("/names/ada", "").status()).isEqualTo(204);
            var again = client.put("/names/ada", "");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.text())
                    .isEqualTo("{\"status\":409,\"error\":\"Conflict\",\"message\":\"already exists\"}");
        }
    }

    @Test
    void exceptionHandlerAnswersForItsTypeAndAnythingElseIsA500() {
        try (var server = TestServer.start(ErrorsExamples.create(cfg -> cfg.port(0)))) {
            var client = server.client();
            var missing = client.get("/names/bob");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.text()).isEqualTo("{\"missing\":\"no bob\"}");

            client.put("/names/bob", "");
            assertThat(client.get("/names/bob").text()).isEqualTo("bob");

            var bug = client.get("/boom");
            assertThat(bug.status()).isEqualTo(500);
            assertThat(bug.json().get("message").asString()).isEqualTo("internal error");
        }
    }
}
