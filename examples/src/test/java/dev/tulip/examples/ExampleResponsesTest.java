package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.examples.ResponsesExamples.Thing;
import dev.tulip.test.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleResponsesTest {

    @Test
    void createdThingHasItsLocation() {
        try (var server = TestServer.start(ResponsesExamples.create(cfg -> cfg.port(0)))) {
            var r = server.client().post("/things", "lamp");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.header("Location")).hasValue("/things/7");
            assertThat(r.text()).isEqualTo("{\"id\":7,\"name\":\"lamp\"}");
        }
    }

    @Test
    void everyBuilderTheGuideShowsAccepts() {
        // the builders check headers and cookies as they go: none of the shown ones is refused
        ResponsesExamples.builders(new Thing(7, "lamp"), new byte[] {1, 2}, "abc123", List.of("a", "b"));
        ResponsesExamples.cookie("abc123");
    }
}
