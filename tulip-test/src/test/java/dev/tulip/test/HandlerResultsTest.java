package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.*;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HandlerResultsTest {

    record Thing(String name, int size) {}

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    private TestResponse get(Handler h) {
        app.get("/r", h);
        return client.get("/r");
    }

    @Test
    void aStringIsPlainText() {
        TestResponse r = get(req -> "héllo");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("héllo");
    }

    @Test
    void anyCharSequenceIsPlainText() {
        TestResponse r = get(req -> new StringBuilder("built"));

        assertThat(r.header("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(r.text()).isEqualTo("built");
    }

    @Test
    void bytesAreAnOctetStream() {
        TestResponse r = get(req -> new byte[] {0, 1, (byte) 255});

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("application/octet-stream");
        assertThat(r.bytes()).containsExactly(0, 1, 255);
    }

    @Test
    void aRecordIsJson() {
        TestResponse r = get(req -> new Thing("box", 3));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.json(Thing.class)).isEqualTo(new Thing("box", 3));
    }

    @Test
    void aMapIsJsonInItsOrder() {
        TestResponse r = get(req -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("b", 1);
            m.put("a", List.of(true, "x"));
            return m;
        });

        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.text()).isEqualTo("{\"b\":1,\"a\":[true,\"x\"]}");
    }

    @Test
    void aListIsJson() {
        TestResponse r = get(req -> List.of(new Thing("a", 1), new Thing("b", 2)));

        assertThat(r.json(Thing[].class)).containsExactly(new Thing("a", 1), new Thing("b", 2));
    }

    @Test
    void aNumberOrBooleanIsJson() {
        app.get("/n", req -> 42);
        app.get("/b", req -> true);

        assertThat(client.get("/n").header("Content-Type")).contains("application/json");
        assertThat(client.get("/n").text()).isEqualTo("42");
        assertThat(client.get("/b").text()).isEqualTo("true");
    }

    @Test
    void nullIsANotFoundJsonError() {
        TestResponse r = get(req -> null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.json().get("status").asInt()).isEqualTo(404);
        assertThat(r.json().get("error").asString()).isEqualTo("Not Found");
        assertThat(r.json().get("message").asString()).isEqualTo("GET /r: not found");
    }

    @Test
    void anEmptyOptionalIsNotFound() {
        TestResponse r = get(req -> Optional.empty());

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asString()).isEqualTo("Not Found");
    }

    @Test
    void aPresentOptionalIsItsContent() {
        app.get("/s", req -> Optional.of("inside"));
        app.get("/t", req -> Optional.of(new Thing("t", 1)));

        assertThat(client.get("/s").text()).isEqualTo("inside");
        assertThat(client.get("/s").header("Content-Type")).contains("text/plain; charset=utf-8");
        assertThat(client.get("/t").json(Thing.class)).isEqualTo(new Thing("t", 1));
    }

    @Test
    void aCompletionStageIsWhatItCompletesWith() {
        TestResponse r = get(req -> CompletableFuture.supplyAsync(() -> new Thing("later", 2)));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Thing.class)).isEqualTo(new Thing("later", 2));
    }

    @Test
    void aCompletionStageOfNullIsNotFound() {
        assertThat(get(req -> CompletableFuture.completedFuture(null)).status()).isEqualTo(404);
    }

    @Test
    void aNonBlockingHandlersCompletionStageIsWhatItCompletesWith() {
        TestResponse r = get(Handler.nonBlocking(req -> CompletableFuture.supplyAsync(() -> "async")));

        assertThat(r.text()).isEqualTo("async");
    }

    @Test
    void aFailedCompletionStageIsMappedLikeAThrownException() {
        TestResponse r = get(req -> CompletableFuture.failedFuture(new HttpException(409, "taken")));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asString()).isEqualTo("taken");
    }

    @Test
    void aStageFailingWithAnUnexpectedExceptionIsAServerError() {
        TestResponse r = get(req -> CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("db down");
        }));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).doesNotContain("db down");
    }

    @Test
    void aFailedStageReachesTheExceptionHandlerOfItsCause() {
        app.exception(IllegalStateException.class, (e, req) -> Response.text(503, "handled " + e.getMessage()));

        TestResponse r =
                get(Handler.nonBlocking(req -> CompletableFuture.failedFuture(new IllegalStateException("x"))));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).isEqualTo("handled x");
    }

    @Test
    void aResponseIsSentAsIs() {
        TestResponse r = get(req -> Response.of(201).header("X-Id", "7").contentType("text/csv"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("X-Id")).contains("7");
        assertThat(r.header("Content-Type")).contains("text/csv");
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void aJsonResponseTakesItsStatus() {
        TestResponse r = get(req -> Response.json(201, new Thing("new", 0)));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json(Thing.class)).isEqualTo(new Thing("new", 0));
    }

    @Test
    void anHtmlResponseHasTheHtmlContentType() {
        TestResponse r = get(req -> Response.html("<p>hi</p>"));

        assertThat(r.header("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(r.text()).isEqualTo("<p>hi</p>");
    }

    @Test
    void aRedirectIs302WithLocation() {
        TestResponse r = get(req -> Response.redirect("/new/place"));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/new/place");
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void aRedirectMayBePermanent() {
        TestResponse r = get(req -> Response.redirect(308, "https://example.com/"));

        assertThat(r.status()).isEqualTo(308);
        assertThat(r.header("Location")).contains("https://example.com/");
    }

    @Test
    void aRedirectWithALineBreakInTheLocationIsAServerError() {
        assertThat(get(req -> Response.redirect("/x\r\nSet-Cookie: a=b")).status())
                .isEqualTo(500);
    }

    @Test
    void aCookieIsSentWithEveryAttribute() {
        TestResponse r = get(req -> Response.text("ok")
                .cookie(Cookie.of("s", "v")
                        .path("/app")
                        .domain("example.com")
                        .maxAge(Duration.ofMinutes(2))
                        .expires(Instant.parse("2031-06-15T12:30:00Z"))
                        .secure()
                        .httpOnly()
                        .sameSite(Cookie.SameSite.STRICT)
                        .partitioned()));

        assertThat(r.headers("Set-Cookie"))
                .containsExactly("s=v; Path=/app; Domain=example.com; Max-Age=120; "
                        + "Expires=Sun, 15 Jun 2031 12:30:00 GMT; Secure; HttpOnly; SameSite=Strict; Partitioned");
    }

    @Test
    void severalCookiesAreSentAsSeveralHeaders() {
        TestResponse r =
                get(req -> Response.noContent().cookie(Cookie.of("a", "1")).cookie(Cookie.expired("b")));

        assertThat(r.headers("Set-Cookie")).containsExactly("a=1", "b=; Max-Age=0");
    }

    @Test
    void aStreamedBodyIsCollected() {
        TestResponse r = get(req -> Response.stream("text/plain", out -> {
            for (int i = 0; i < 3; i++) {
                out.write(("line " + i + "\n").getBytes());
                out.flush();
            }
        }));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).contains("text/plain");
        assertThat(r.text()).isEqualTo("line 0\nline 1\nline 2\n");
    }

    @Test
    void aHeadRequestGetsTheGetResponseWithoutBody() {
        TestResponse r = get(req -> Response.text("body").header("X-A", "1"));

        TestResponse head = client.send("HEAD", "/r", null, Map.of());

        assertThat(r.text()).isEqualTo("body");
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-A")).contains("1");
        assertThat(head.bytes()).isEmpty();
    }

    @Test
    void aResultThatCannotBeEncodedAsJsonIsAServerErrorNotABadRequest() {
        record Exploding(String name) {
            @Override
            public String name() {
                throw new IllegalStateException("secret detail");
            }
        }

        TestResponse r = get(req -> new Exploding("x"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asString()).isEqualTo("internal error");
    }
}
