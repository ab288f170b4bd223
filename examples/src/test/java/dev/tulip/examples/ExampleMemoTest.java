package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.examples.MemoExamples.Fx;
import dev.tulip.test.TestServer;
import org.junit.jupiter.api.Test;

class ExampleMemoTest {

    @Test
    void aRateAskedTwiceIsLoadedOnce() {
        var fx = new Fx();
        try (var server = TestServer.start(MemoExamples.app(cfg -> cfg.port(0), fx))) {
            assertThat(server.client().get("/rates/EUR").text()).isEqualTo("1.08");
            assertThat(server.client().get("/rates/EUR").text()).isEqualTo("1.08");
            assertThat(fx.calls()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownCurrencyIsNotRememberedAndIsA500() {
        var fx = new Fx();
        try (var server = TestServer.start(MemoExamples.app(cfg -> cfg.port(0), fx))) {
            assertThat(server.client().get("/rates/XYZ").status()).isEqualTo(500);
            assertThat(server.client().get("/rates/XYZ").status()).isEqualTo(500);
            assertThat(fx.calls()).as("a failure is loaded again").isEqualTo(2);
        }
    }

    @Test
    void invalidatingARateMakesTheNextRequestLoadTheNewOne() {
        var fx = new Fx();
        try (var server = TestServer.start(MemoExamples.app(cfg -> cfg.port(0), fx))) {
            var client = server.client();
            assertThat(client.get("/rates/EUR").text()).isEqualTo("1.08");
            assertThat(client.put("/rates/EUR", "1.10").status()).isEqualTo(204);
            assertThat(client.get("/rates/EUR").text()).isEqualTo("1.10");
            assertThat(fx.calls()).isEqualTo(2);
        }
    }

    @Test
    void theNonBlockingRouteSharesItsMemoToo() {
        var fx = new Fx();
        try (var server = TestServer.start(MemoExamples.app(cfg -> cfg.port(0), fx))) {
            assertThat(server.client().get("/async-rates/GBP").text()).isEqualTo("{\"rate\":1.27}");
            assertThat(server.client().get("/async-rates/GBP").text()).isEqualTo("{\"rate\":1.27}");
            assertThat(fx.calls()).isEqualTo(1);
        }
    }

    @Test
    void thePlainExampleLoadsEachCurrencyOnce() {
        var fx = new Fx();
        assertThat(MemoExamples.plain(fx)).isEqualByComparingTo("1.08");
        assertThat(fx.calls()).isEqualTo(2); // EUR once, GBP once
    }
}
