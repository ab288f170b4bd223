package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.ConfigException;
import dev.tulip.LifecycleException;
import dev.tulip.Tulip;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebugModeTest {

    private static Tulip app(boolean debug) {
        Tulip app = Tulip.create(cfg -> cfg.port(0).debug(debug));
        app.get("/boom", req -> {
            throw new IllegalStateException("the <cache> & \"index\" disagree");
        });
        return app;
    }

    @Test
    void offByDefaultA500SaysNothingOfTheCode() {
        try (var client = DirectClient.of(app(false))) {
            TestResponse r = client.send("GET", "/boom", null, Map.of("Accept", "text/html"));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().get("message").asString()).isEqualTo("internal error");
            assertThat(r.text()).doesNotContain("IllegalStateException", "DebugModeTest");
        }
    }

    @Test
    void aBrowserGetsAnEscapedHtmlPageWithTheStackTrace() {
        try (var client = DirectClient.of(app(true))) {
            TestResponse r = client.send("GET", "/boom?x=<b>", null, Map.of("Accept", "text/html,*/*"));

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("content-type"))
                    .hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
            assertThat(r.text())
                    .contains("java.lang.IllegalStateException: the &lt;cache&gt; &amp; &quot;index&quot; disagree")
                    .contains("at dev.tulip.test.DebugModeTest")
                    .contains("GET /boom?x=&lt;b&gt;")
                    .doesNotContain("<cache>", "x=<b>");
        }
    }

    @Test
    void anyOtherClientGetsTheTraceAsJson() {
        try (var client = DirectClient.of(app(true))) {
            TestResponse r = client.get("/boom");

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.json().get("message").asString()).startsWith("java.lang.IllegalStateException: the <cache>");
            assertThat(r.json().get("trace").get(1).asString()).startsWith("at dev.tulip.test.DebugModeTest");
        }
    }

    @Test
    void debugIsRefusedOnANonLoopbackHostUnlessForced() {
        Tulip open = Tulip.create(cfg -> cfg.host("0.0.0.0").port(0).debug(true));
        assertThatThrownBy(open::start)
                .isInstanceOf(LifecycleException.class)
                .hasCauseInstanceOf(ConfigException.class)
                .hasRootCauseMessage("debug shows stack traces to every client, so it runs only on a loopback host;"
                        + " host is 0.0.0.0 (bind to 127.0.0.1, or set debug-any-host if you must)");

        Tulip forced =
                Tulip.create(cfg -> cfg.host("0.0.0.0").port(0).debug(true).debugAnyHost(true));
        try (var server = TestServer.start(forced)) {
            assertThat(server.client().get("/nothing").status()).isEqualTo(404);
        }
    }
}
