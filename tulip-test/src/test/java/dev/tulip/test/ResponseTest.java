package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.*;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseTest {

    @Test
    void textHasStatus200AndTheTextContentType() {
        Response r = Response.text("hi");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("content-type")).contains("text/plain; charset=utf-8");
        assertThat(r.body()).isEqualTo(new Response.Body.Text("hi"));
    }

    @Test
    void jsonKeepsTheValueToEncodeLater() {
        Response r = Response.json(List.of(1));

        assertThat(r.body()).isEqualTo(new Response.Body.Json(List.of(1)));
        assertThat(r.header("Content-Type")).contains("application/json");
    }

    @Test
    void ofHasNoBodyAndNoContentType() {
        Response r = Response.of(202);

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEqualTo(Response.Body.EMPTY);
        assertThat(r.headers().size()).isZero();
    }

    @Test
    void noContentAndNotFoundHaveTheirStatus() {
        assertThat(Response.noContent().status()).isEqualTo(204);
        assertThat(Response.notFound().status()).isEqualTo(404);
    }

    @Test
    void statusCanBeChanged() {
        assertThat(Response.text("x").status(418).status()).isEqualTo(418);
    }

    @Test
    void aStatusOutside100To599IsRejected() {
        assertThatThrownBy(() -> Response.of(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status must be 100-599, was 99");
        assertThatThrownBy(() -> Response.text("x").status(600)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerReplacesAndAddHeaderKeeps() {
        Response r = Response.of(200)
                .header("X", "1")
                .header("x", "2")
                .addHeader("Vary", "a")
                .addHeader("Vary", "b");

        assertThat(r.headers().all("X")).containsExactly("2");
        assertThat(r.headers().all("vary")).containsExactly("a", "b");
    }

    @Test
    void removeHeaderRemovesEveryValue() {
        Response r = Response.text("x").addHeader("V", "1").addHeader("V", "2").removeHeader("v");

        assertThat(r.headers().contains("V")).isFalse();
    }

    @Test
    void aHeaderValueWithCarriageReturnOrLineFeedIsRejected() {
        assertThatThrownBy(() -> Response.text("x").header("X-A", "ok\r\nSet-Cookie: evil=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in value of header X-A");
        assertThatThrownBy(() -> Response.text("x").addHeader("X-A", "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Response.text("x").contentType("text/plain\r"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHeaderNameThatIsNotATokenIsRejected() {
        assertThatThrownBy(() -> Response.text("x").header("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid character in header name: Bad Name");
    }

    @Test
    void redirectRejectsANonRedirectStatus() {
        assertThatThrownBy(() -> Response.redirect(200, "/x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("redirect status must be 301, 302, 303, 307 or 308, was 200");
    }

    @Test
    void redirectAcceptsEveryRedirectStatus() {
        for (int s : new int[] {301, 302, 303, 307, 308}) {
            assertThat(Response.redirect(s, "/x").status()).isEqualTo(s);
        }
    }

    @Test
    void streamRequiresAWriter() {
        assertThatThrownBy(() -> Response.stream("text/plain", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cookiesAreKeptInOrderAndReadOnly() {
        Response r = Response.text("x").cookie(Cookie.of("a", "1")).cookie(Cookie.of("b", "2"));

        assertThat(r.cookies()).extracting(Cookie::name).containsExactly("a", "b");
        assertThatThrownBy(() -> r.cookies().add(Cookie.of("c", "3")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aResponseWithoutCookiesHasAnEmptyList() {
        assertThat(Response.text("x").cookies()).isEmpty();
    }
}
