package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.ConfigException;
import dev.tulip.Tulip;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Forwarding headers through the app: believed from a trusted peer only. */
class TrustedProxiesTest {
    private static final Map<String, String> FORWARDED =
            Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example");

    private static Tulip app(String... trusted) {
        Tulip app = Tulip.create(cfg -> cfg.trustedProxies(trusted));
        app.get(
                "/who",
                req -> req.remoteAddress().getAddress().getHostAddress() + " " + req.scheme() + " " + req.host());
        return app;
    }

    @Test
    void aTrustedPeersHeadersGiveTheClientSchemeAndHost() {
        // the in-process client's peer is 127.0.0.1
        try (var client = DirectClient.of(app("127.0.0.1"))) {
            assertThat(client.send("GET", "/who", null, FORWARDED).text()).isEqualTo("203.0.113.7 https shop.example");
        }
    }

    @Test
    void anUntrustedPeersHeadersAreIgnored() {
        try (var client = DirectClient.of(app("10.0.0.0/8"))) {
            assertThat(client.send("GET", "/who", null, FORWARDED).text()).startsWith("127.0.0.1 http ");
        }
        try (var client = DirectClient.of(app())) {
            assertThat(client.send("GET", "/who", null, FORWARDED).text()).startsWith("127.0.0.1 http ");
        }
    }

    @Test
    void aBadRangeIsAConfigError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tulip.create(cfg -> cfg.trustedProxies("10.0.0.0/99")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("trusted-proxies must be IP addresses or CIDR ranges");
    }
}
