package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExampleShutdownTest {

    @Test
    void stoppingRunsTheStepsInTheOrderTheGuideDescribes() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        var server = TestServer.start(ShutdownExamples.guide(0, log));
        var slow =
                CompletableFuture.supplyAsync(() -> server.client().get("/slow").text());
        Thread.sleep(200); // the request is in flight
        assertThat(server.stop()).as("drained without cutting").isTrue();
        assertThat(slow.get()).isEqualTo("done");
        assertThat(log)
                .containsExactly(
                        "poller interrupted", "before stop", "slow request finished", "after stop", "pool closed");
    }
}
