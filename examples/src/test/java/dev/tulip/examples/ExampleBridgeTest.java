package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.async.DeadlineExceededException;
import dev.tulip.examples.BridgeExamples.Prices;
import dev.tulip.test.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleBridgeTest {

    @Test
    void aBatchJobWaitsForOneQuote() {
        assertThat(BridgeExamples.oneQuote(new Prices(10))).isEqualTo(40.0);
    }

    @Test
    void aQuoteTooLateRunsOutOfTime() {
        assertThatThrownBy(() -> BridgeExamples.oneQuote(new Prices(30_000)))
                .isInstanceOf(DeadlineExceededException.class);
    }

    @Test
    void theBridgesLoopBuildsThePortfolio() {
        assertThat(BridgeExamples.portfolio(new Prices(5), "ACME", "TULP", "X"))
                .isEqualTo(Map.of("ACME", 40.0, "TULP", 40.0, "X", 10.0));
    }

    @Test
    void aBlockingHandlerAwaitsTheQuote() {
        try (var server = TestServer.start(BridgeExamples.app(cfg -> cfg.port(0), new Prices(5)))) {
            assertThat(server.client().get("/quote/ACME").text()).isEqualTo("40.0");
        }
    }
}
