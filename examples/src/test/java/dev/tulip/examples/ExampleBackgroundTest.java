package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.examples.BackgroundExamples.Mailer;
import dev.tulip.examples.BackgroundExamples.Rates;
import dev.tulip.test.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExampleBackgroundTest {

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void guideRefreshesAtStartAndSendsQueuedMailUntilTheAppStops() throws Exception {
        var rates = new Rates();
        var mailer = new Mailer();
        try (var server = TestServer.start(BackgroundExamples.guide(cfg -> cfg.port(0), rates, mailer))) {
            await("the first refresh", () -> rates.refreshes() == 1);
            assertThat(server.client().get("/rates").text()).contains("\"USD\":1.08");
            assertThat(server.client().post("/invite/ada@example.com", "").text())
                    .isEqualTo("queued");
            await("the mail", () -> mailer.sent() == 1);
            assertThat(mailer.stopped()).isFalse();
        }
        assertThat(mailer.stopped()).as("interrupted when the app stopped").isTrue();
    }

    @Test
    void javadocStartsBothTasks() throws Exception {
        var rates = new Rates();
        var mailer = new Mailer();
        try (var server = TestServer.start(BackgroundExamples.javadoc(cfg -> cfg.port(0), rates, mailer))) {
            await("the first refresh", () -> rates.refreshes() == 1);
            mailer.queue("grace@example.com");
            await("the mail", () -> mailer.sent() == 1);
        }
        assertThat(mailer.stopped()).isTrue();
    }
}
