package dev.tulip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustedProxiesTest {
    private static final TrustedProxies LAN = TrustedProxies.parse("10.0.0.0/8, 192.168.1.1, fd00::/8");

    private static InetSocketAddress peer(String ip) {
        return TrustedProxies.address(ip);
    }

    private static String client(String peer, String forwarded, String xff) {
        TrustedProxies.Forwarded f = LAN.resolve(peer(peer), forwarded, xff, null, null);
        return f == null || f.client() == null
                ? "peer"
                : f.client().getAddress().getHostAddress();
    }

    @ParameterizedTest(name = "peer {0}, Forwarded [{1}], X-Forwarded-For [{2}] -> {3}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            10.1.2.3    | -                                   | 203.0.113.7              | 203.0.113.7
            10.1.2.3    | -                                   | 198.51.100.1, 203.0.113.7 | 203.0.113.7
            10.1.2.3    | -                                   | 203.0.113.7, 10.9.9.9    | 203.0.113.7
            10.1.2.3    | -                                   | 10.8.8.8, 10.9.9.9       | 10.8.8.8
            192.168.1.1 | for=203.0.113.7                     | -                        | 203.0.113.7
            192.168.1.1 | for="[2001:db8::1]:4711"            | -                        | 2001:db8:0:0:0:0:0:1
            192.168.1.1 | for=198.51.100.1, for=203.0.113.7   | 1.1.1.1                  | 203.0.113.7
            192.168.1.1 | for=unknown                         | -                        | peer
            192.168.1.1 | for=_hidden, for=10.0.0.5           | -                        | 10.0.0.5
            fd00::1     | -                                   | 203.0.113.7:8080         | 203.0.113.7
            203.0.113.9 | for=1.2.3.4                         | 1.2.3.4                  | peer
            192.168.1.2 | -                                   | 1.2.3.4                  | peer
            10.1.2.3    | -                                   | not-an-ip                | peer
            10.1.2.3    | -                                   | example.com              | peer
            """)
    void theClientIsTheRightmostUntrustedAddressAndOnlyTrustedPeersAreBelieved(
            String peer, String forwarded, String xff, String client) {
        assertThat(client(peer, forwarded, xff)).isEqualTo(client);
    }

    @Test
    void schemeAndHostComeFromTheTrustedHeadersAndAreValidated() {
        var f = LAN.resolve(peer("10.0.0.1"), null, "1.2.3.4", "https", "api.example.com:8443");
        assertThat(f.scheme()).isEqualTo("https");
        assertThat(f.host()).isEqualTo("api.example.com:8443");

        var g = LAN.resolve(peer("10.0.0.1"), "for=1.2.3.4;proto=HTTPS;host=\"a.example\"", null, "http", "b");
        assertThat(g.scheme()).isEqualTo("https");
        assertThat(g.host()).isEqualTo("a.example");

        var bad = LAN.resolve(peer("10.0.0.1"), null, null, "javascript", "evil.example/path");
        assertThat(bad).isNull();
    }

    @Test
    void rangesParseAsIpLiteralsOnly() {
        var t = TrustedProxies.parse("127.0.0.1,::1,172.16.0.0/12");
        assertThat(t.trusts(TrustedProxies.literal("172.31.255.255"))).isTrue();
        assertThat(t.trusts(TrustedProxies.literal("172.32.0.0"))).isFalse();
        assertThat(t.trusts(TrustedProxies.literal("::1"))).isTrue();
        assertThat(TrustedProxies.parse("").isEmpty()).isTrue();
        assertThatThrownBy(() -> TrustedProxies.parse("localhost")).hasMessageContaining("'localhost' is not an IP");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("bad prefix length");
    }
}
