package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.test.TestServer;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ExampleDebuggingTest {

    @Test
    void guideWatchdogCountsTheBadRouteAndNotTheGoodOne() throws Exception {
        var blocked = new LongAdder();
        try (var server = TestServer.start(DebuggingExamples.guide(cfg -> cfg.port(0), blocked))) {
            for (int i = 0; i < 5; i++)
                server.client().get("/good"); // warm: a cold first request links code on the loop
            Thread.sleep(150);
            long before = blocked.sum();
            assertThat(server.client().get("/good").text()).isEqualTo("report");
            Thread.sleep(150);
            assertThat(blocked.sum()).isEqualTo(before);
            assertThat(server.client().get("/bad").text()).isEqualTo("report");
            Thread.sleep(150);
            assertThat(blocked.sum()).isEqualTo(before + 1);
        }
    }

    @Test
    void guideTestPassesForTheGoodRouteAndFailsForTheBadOne() {
        DebuggingExamples.guideTest("/good");
        assertThatThrownBy(() -> DebuggingExamples.guideTest("/bad"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("slowReport");
    }

    @Test
    void javadocInstallsAWatchdog() {
        try (var server = TestServer.start(DebuggingExamples.javadoc(cfg -> cfg.port(0)))) {
            assertThat(server.client().get("/nothing").status()).isEqualTo(404);
        }
    }
}
