package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Cors}: preflights and actual requests as the Fetch standard's CORS protocol has them. */
class CorsTest {
    private static final String APP = "https://app.example.com";
    private static final String EVIL = "https://evil.example.net";

    private final AtomicInteger handled = new AtomicInteger();
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    private Browser app(Consumer<Cors.Builder> cors) {
        Tulip app = Tulip.create(c -> c.port(0));
        app.use(Cors.create(cors));
        app.get("/things", req -> {
            handled.incrementAndGet();
            return Map.of("n", 1);
        });
        app.put("/things", req -> {
            handled.incrementAndGet();
            return Response.text("put").header("X-Total", "1");
        });
        app.get("/async", Handler.nonBlocking(req -> CompletableFuture.completedFuture("later")));
        app.get("/missing", req -> null);
        browser = new Browser(app);
        return browser;
    }

    private Browser listed() {
        return app(c -> c.allowOrigins(APP)
                .allowMethods("GET", "PUT")
                .allowHeaders("Content-Type", "X-Token")
                .maxAge(Duration.ofMinutes(10)));
    }

    private Browser.Answer preflight(Browser b, String origin, String method, String headers) {
        return headers == null
                ? b.send("OPTIONS", "/things", null, "Origin", origin, "Access-Control-Request-Method", method)
                : b.send(
                        "OPTIONS",
                        "/things",
                        null,
                        "Origin",
                        origin,
                        "Access-Control-Request-Method",
                        method,
                        "Access-Control-Request-Headers",
                        headers);
    }

    // ---- preflight -------------------------------------------------------------------------------

    @Test
    void anAllowedPreflightIsAnswered204WithTheAllowHeadersWithoutReachingTheHandler() {
        Browser.Answer r = preflight(listed(), APP, "PUT", "content-type, X-Token");

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("GET, PUT");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("content-type, x-token");
        assertThat(r.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(r.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(r.header("Vary")).contains("Origin");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aPreflightFromAnOriginNotAllowedIs403WithoutAllowHeaders() {
        Browser.Answer r = preflight(listed(), EVIL, "PUT", null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.response().headers().names())
                .noneMatch(n -> n.toLowerCase().startsWith("access-control-"));
        assertThat(r.body()).contains("CORS preflight refused: origin " + EVIL + " is not allowed");
        assertThat(handled).hasValue(0);
    }

    @Test
    void aPreflightForAMethodNotAllowedIs403NamingIt() {
        Browser.Answer r = preflight(listed(), APP, "DELETE", null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        assertThat(r.body()).contains("method DELETE is not allowed (allowed: GET, PUT)");
    }

    @Test
    void methodsAreCaseSensitiveAsInFetch() {
        assertThat(preflight(listed(), APP, "put", null).status()).isEqualTo(403);
    }

    @Test
    void aPreflightForAHeaderNotAllowedIs403NamingIt() {
        Browser.Answer r = preflight(listed(), APP, "PUT", "X-Token, X-Secret");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Access-Control-Allow-Headers")).isNull();
        assertThat(r.body()).contains("header x-secret is not allowed");
    }

    @Test
    void aPreflightWithoutMaxAgeSendsNone() {
        Browser.Answer r = preflight(app(c -> c.allowOrigins(APP)), APP, "GET", null);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Max-Age")).isNull();
        assertThat(r.header("Access-Control-Allow-Headers")).isNull();
    }

    @Test
    void anyMethodAndHeaderEchoWhatThePreflightAskedFor() {
        Browser.Answer r = preflight(
                app(c -> c.allowOrigins("*").allowMethods("*").allowHeaders("*")), EVIL, "PATCH", "x-anything");

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(r.header("Access-Control-Allow-Methods")).isEqualTo("PATCH");
        assertThat(r.header("Access-Control-Allow-Headers")).isEqualTo("x-anything");
    }

    @Test
    void anOptionsRequestWithoutRequestMethodIsNotAPreflight() {
        Browser.Answer r = listed().send("OPTIONS", "/things", null, "Origin", APP);

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).contains("GET"); // the server's own OPTIONS answer
        assertThat(r.header("Access-Control-Allow-Methods")).isNull();
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void aPreflightToAPathWithoutRoutesIsAnsweredToo() {
        Browser.Answer r =
                listed().send("OPTIONS", "/nowhere", null, "Origin", APP, "Access-Control-Request-Method", "GET");

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    // ---- actual requests ---------------------------------------------------------------------------

    @Test
    void aRequestFromAnAllowedOriginGetsAllowOriginAndVaryOnTheHandlersResponse() {
        Browser.Answer r = listed().get("/things", "Origin", APP);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"n\":1}");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(r.headers("Vary")).containsExactly("Origin");
        assertThat(handled).hasValue(1);
    }

    @Test
    void aRequestFromAnotherOriginReachesTheHandlerButGetsNoAllowOrigin() {
        Browser.Answer r = listed().get("/things", "Origin", EVIL);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        assertThat(r.headers("Vary")).containsExactly("Origin");
        assertThat(handled).hasValue(1);
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeadersOnlyVaryWhenTheAnswerDependsOnTheOrigin() {
        Browser.Answer r = listed().get("/things");

        assertThat(r.body()).isEqualTo("{\"n\":1}");
        assertThat(r.response().headers().names())
                .noneMatch(n -> n.toLowerCase().startsWith("access-control-"));
        assertThat(r.headers("Vary")).containsExactly("Origin");
    }

    @Test
    void withAnyOriginAndNoCredentialsTheAnswerIsTheSameForAllAndNeedsNoVary() {
        Browser b = app(c -> c.allowOrigins("*"));

        Browser.Answer cors = b.get("/things", "Origin", EVIL);
        Browser.Answer plain = b.get("/things");

        assertThat(cors.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(cors.headers("Vary")).isEmpty();
        assertThat(plain.response().headers().names()).containsExactly("Content-Type");
    }

    @Test
    void credentialsAreAllowedWithTheOriginEchoedAndExposedHeadersListed() {
        Browser b = app(c -> c.allowOrigins(APP)
                .allowMethods("GET", "PUT")
                .allowCredentials()
                .exposeHeaders("X-Total"));

        Browser.Answer r = b.send("PUT", "/things", null, "Origin", APP);

        assertThat(r.body()).isEqualTo("put");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(r.header("Access-Control-Expose-Headers")).isEqualTo("X-Total");
        assertThat(preflight(b, APP, "PUT", null).header("Access-Control-Allow-Credentials"))
                .isEqualTo("true");
    }

    @Test
    void theResultOfANonBlockingRouteGetsTheHeadersWhenItCompletes() {
        Browser.Answer r = listed().get("/async", "Origin", APP);

        assertThat(r.body()).isEqualTo("later");
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void theNotFoundOfANullResultGetsTheHeadersSoThePageCanReadIt() {
        Browser.Answer r = listed().get("/missing", "Origin", APP);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(APP);
    }

    @Test
    void originsCanBeMatchedByAPredicate() {
        Browser b = app(c -> c.allowOriginsMatching(o -> o.endsWith(".example.com")));

        assertThat(b.get("/things", "Origin", "https://a.example.com").header("Access-Control-Allow-Origin"))
                .isEqualTo("https://a.example.com");
        assertThat(b.get("/things", "Origin", EVIL).header("Access-Control-Allow-Origin"))
                .isNull();
    }

    @Test
    void theNullOriginIsNotAllowedByAList() {
        assertThat(listed().get("/things", "Origin", "null").header("Access-Control-Allow-Origin"))
                .isNull();
    }

    // ---- configuration ---------------------------------------------------------------------------

    @Test
    void credentialsWithAWildcardAreRefused() {
        assertThatThrownBy(() -> Cors.create(c -> c.allowOrigins("*").allowCredentials()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials cannot use *");
        assertThatThrownBy(() ->
                        Cors.create(c -> c.allowOrigins(APP).allowHeaders("*").allowCredentials()))
                .hasMessageContaining("credentials cannot use *");
        assertThatThrownBy(() ->
                        Cors.create(c -> c.allowOrigins(APP).allowMethods("*").allowCredentials()))
                .hasMessageContaining("credentials cannot use *");
    }

    @Test
    void anOriginWithAPathOrTrailingSlashIsRefused() {
        assertThatThrownBy(() -> Cors.create(c -> c.allowOrigins("https://app.example.com/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without a path or trailing slash");
    }

    @Test
    void noOriginAtAllIsRefused() {
        assertThatThrownBy(() -> Cors.create(c -> c.allowMethods("GET"))).hasMessageContaining("CORS allows no origin");
    }
}
