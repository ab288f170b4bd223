package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleExecutorsTest {

    @Test
    void theHashIsComputedOnTheCpuPool() throws Exception {
        try (var server = TestServer.start(ExecutorsExamples.app(cfg -> cfg.port(0), 0))) {
            assertThat(server.client().get("/hash/tulip").text()).isEqualTo(ExecutorsExamples.sha256("tulip"));
        }
    }

    @Test
    void aReportInTimeIsServed() {
        try (var server = TestServer.start(ExecutorsExamples.app(cfg -> cfg.port(0), 0))) {
            assertThat(server.client().get("/report").text()).isEqualTo("report");
        }
    }

    @Test
    void aReportPastItsDeadlineIsA504() {
        try (var server = TestServer.start(ExecutorsExamples.app(cfg -> cfg.port(0), 30_000))) {
            var response = server.client().get("/report");

            assertThat(response.status()).isEqualTo(504);
            assertThat(response.text()).isEqualTo("a blocking task did not finish within 1s");
        }
    }

    @Test
    void plainCodeHashesEveryLineInOrder() throws Exception {
        assertThat(ExecutorsExamples.hashAll(List.of("a", "b")))
                .containsExactly(ExecutorsExamples.sha256("a"), ExecutorsExamples.sha256("b"));
    }
}
