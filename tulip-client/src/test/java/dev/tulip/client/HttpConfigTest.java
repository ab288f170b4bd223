package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpConfigTest {

    @Test
    void everyTimeoutHasADefaultSoNothingWaitsForever() {
        HttpConfig c = Http.create(cfg -> {}).config();
        assertThat(c.connectTimeout()).isPositive();
        assertThat(c.readTimeout()).isPositive();
        assertThat(c.totalTimeout()).isPositive();
        assertThat(c.poolTimeout()).isPositive();
        assertThat(c.redirects()).isEqualTo(Redirects.follow(10));
    }

    @Test
    void aZeroTimeoutIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Http.create(cfg -> cfg.readTimeout(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout");
    }

    @Test
    void aBaseUrlMustBeHttpWithAHost() {
        assertThatThrownBy(() -> Http.create(cfg -> cfg.baseUrl("ftp://h/"))).hasMessageContaining("http://host");
    }

    @Test
    void aHeaderWithALineBreakIsRefused() {
        Http http = Http.create(cfg -> cfg.baseUrl("http://127.0.0.1:1"));
        assertThatThrownBy(() -> http.get("/").header("X-A", "a\r\nX-B: b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR, LF");
    }

    @Test
    void aCallOnAClientNotOpenSaysHowToOpenIt() {
        Http http = Http.create(cfg -> cfg.baseUrl("http://127.0.0.1:1"));
        assertThatThrownBy(() -> http.get("/x").send())
                .isInstanceOf(ClientClosedException.class)
                .hasMessageContaining("app.install(http)")
                .hasMessageContaining("GET /x");
    }
}
