package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExampleQueueTest {

    @Test
    void queuedJobsAreAllDoneByTheWorkerWhenTheAppStops() {
        List<String> done = new CopyOnWriteArrayList<>();
        try (var server = TestServer.start(QueueExamples.app(cfg -> cfg.port(0), done))) {
            for (String job : List.of("a", "b", "c")) {
                var response = server.client().send("POST", "/jobs", job.getBytes(StandardCharsets.UTF_8), Map.of());
                assertThat(response.status()).isEqualTo(202);
            }
        }
        assertThat(done).containsExactly("A", "B", "C");
    }

    @Test
    void aPlainProducerFeedsAnAsyncConsumer() throws Exception {
        assertThat(QueueExamples.squares(100))
                .isEqualTo(IntStream.rangeClosed(1, 100).map(i -> i * i).boxed().toList());
    }
}
