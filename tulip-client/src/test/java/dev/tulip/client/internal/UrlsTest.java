package dev.tulip.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlsTest {
    private static final Optional<URI> BASE = Optional.of(URI.create("http://h:8001/api"));

    @Test
    void aRelativeUrlIsJoinedToTheBaseWithOneSlash() {
        assertThat(Urls.resolve(BASE, "/users")).hasToString("http://h:8001/api/users");
        assertThat(Urls.resolve(BASE, "users")).hasToString("http://h:8001/api/users");
        assertThat(Urls.resolve(Optional.of(URI.create("http://h/api/")), "/users"))
                .hasToString("http://h/api/users");
    }

    @Test
    void anAbsoluteUrlIgnoresTheBase() {
        assertThat(Urls.resolve(BASE, "http://other:9/x")).hasToString("http://other:9/x");
    }

    @Test
    void aRelativeUrlWithoutABaseSaysHowToFixIt() {
        assertThatThrownBy(() -> Urls.resolve(Optional.empty(), "/users")).hasMessageContaining("cfg.baseUrl");
    }

    @Test
    void queryNamesAndValuesArePercentEncoded() {
        URI u = Urls.addQuery(URI.create("http://h/s"), "q", "a b&c=d/é");
        u = Urls.addQuery(u, "page", "2");
        assertThat(u).hasToString("http://h/s?q=a%20b%26c%3Dd%2F%C3%A9&page=2");
        assertThat(Urls.target(u)).isEqualTo("/s?q=a%20b%26c%3Dd%2F%C3%A9&page=2");
    }

    @Test
    void theHostHeaderOmitsTheSchemesDefaultPort() {
        assertThat(Urls.hostHeader(URI.create("http://h:80/"))).isEqualTo("h");
        assertThat(Urls.hostHeader(URI.create("https://h:443/"))).isEqualTo("h");
        assertThat(Urls.hostHeader(URI.create("http://h:8080/"))).isEqualTo("h:8080");
    }

    @Test
    void originsCompareSchemeHostAndPort() {
        assertThat(Urls.sameOrigin(URI.create("http://h/a"), URI.create("http://H:80/b")))
                .isTrue();
        assertThat(Urls.sameOrigin(URI.create("http://h/a"), URI.create("https://h/a")))
                .isFalse();
        assertThat(Urls.sameOrigin(URI.create("http://h:1/a"), URI.create("http://h:2/a")))
                .isFalse();
    }

    @Test
    void messagesShowTheUrlWithoutUserInfoOrQuery() {
        assertThat(Urls.display(URI.create("http://user:secret@h:81/p?key=secret")))
                .isEqualTo("http://h:81/p");
        assertThat(Urls.full(URI.create("http://user:secret@h:81/p?q=1"))).isEqualTo("http://h:81/p?q=1");
    }
}
