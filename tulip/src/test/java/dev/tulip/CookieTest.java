package dev.tulip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CookieTest {

    @Test
    void aPlainCookieIsNameEqualsValue() {
        assertThat(Cookie.of("session", "abc123").toSetCookie()).isEqualTo("session=abc123");
    }

    @Test
    void everyAttributeIsWrittenInOrder() {
        Cookie c = Cookie.of("s", "v")
                .path("/")
                .domain("example.com")
                .maxAge(Duration.ofHours(1))
                .expires(Instant.parse("2030-01-01T00:00:00Z"))
                .secure()
                .httpOnly()
                .sameSite(Cookie.SameSite.LAX)
                .partitioned();

        assertThat(c.toSetCookie())
                .isEqualTo("s=v; Path=/; Domain=example.com; Max-Age=3600; "
                        + "Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax; Partitioned");
    }

    @Test
    void sameSiteValuesAreWrittenCapitalized() {
        assertThat(Cookie.of("a", "b").sameSite(Cookie.SameSite.STRICT).toSetCookie())
                .isEqualTo("a=b; SameSite=Strict");
        assertThat(Cookie.of("a", "b").sameSite(Cookie.SameSite.NONE).toSetCookie())
                .isEqualTo("a=b; SameSite=None");
    }

    @Test
    void maxAgeIsInWholeSecondsAndNeverNegative() {
        assertThat(Cookie.of("a", "b").maxAge(Duration.ofMillis(1500)).toSetCookie())
                .isEqualTo("a=b; Max-Age=1");
        assertThat(Cookie.of("a", "b").maxAge(Duration.ofSeconds(-5)).toSetCookie())
                .isEqualTo("a=b; Max-Age=0");
    }

    @Test
    void expiredCookieHasAnEmptyValueAndMaxAgeZero() {
        assertThat(Cookie.expired("session").toSetCookie()).isEqualTo("session=; Max-Age=0");
    }

    @Test
    void withMethodsReturnCopiesAndLeaveTheOriginalUnchanged() {
        Cookie plain = Cookie.of("a", "b");

        Cookie secure = plain.secure().httpOnly();

        assertThat(plain.isSecure()).isFalse();
        assertThat(plain.isHttpOnly()).isFalse();
        assertThat(secure.isSecure()).isTrue();
        assertThat(secure.isHttpOnly()).isTrue();
    }

    @Test
    void aQuotedValueIsAllowed() {
        assertThat(Cookie.of("a", "\"quoted\"").toSetCookie()).isEqualTo("a=\"quoted\"");
    }

    @Test
    void anEmptyNameIsRejected() {
        assertThatThrownBy(() -> Cookie.of("", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cookie name must not be empty");
    }

    @Test
    void aNameWithSeparatorsIsRejected() {
        for (String name : new String[] {"a b", "a=b", "a;b", "a,b", "a\"b", "a\nb", "a/b"}) {
            assertThatThrownBy(() -> Cookie.of(name, "v"))
                    .as(name)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid character in cookie name");
        }
    }

    @Test
    void aValueWithSeparatorsOrControlsIsRejected() {
        for (String value : new String[] {"a b", "a;b", "a,b", "a\\b", "a\"b", "a\r\nb", "\"", "é"}) {
            assertThatThrownBy(() -> Cookie.of("n", value))
                    .as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("invalid character in value of cookie n");
        }
    }

    @Test
    void aNullValueIsRejected() {
        assertThatThrownBy(() -> Cookie.of("n", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPathOrDomainThatWouldInjectAnAttributeIsRejected() {
        assertThatThrownBy(() -> Cookie.of("a", "b").path("/; Secure"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in cookie path");
        assertThatThrownBy(() -> Cookie.of("a", "b").domain("x.com\r\nX: 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in cookie domain");
    }
}
