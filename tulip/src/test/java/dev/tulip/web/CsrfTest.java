package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Cookie;
import dev.tulip.Tulip;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Csrf}: the synchronizer token in the session and the signed double-submit cookie. */
class CsrfTest {
    private static final String KEY = SessionsTest.KEY;
    private static final String KEY2 = SessionsTest.KEY2;

    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    private Browser app(boolean sessions, Consumer<Csrf.Builder> csrf) {
        Tulip app = Tulip.create(c -> c.port(0));
        if (sessions) app.use(Sessions.create(s -> s.keys(KEY)));
        app.use(Csrf.create(csrf));
        app.get("/form", req -> Csrf.token(req));
        app.get("/page", req -> "no token asked for");
        app.post("/transfer", req -> "sent");
        app.put("/transfer", req -> "sent");
        app.post("/webhooks/pay", req -> "hooked");
        app.post("/login", req -> {
            Session.of(req).rotate().put("user", "ada");
            return "in";
        });
        browser = new Browser(app);
        return browser;
    }

    private Browser inSession() {
        return app(true, c -> {});
    }

    private Browser doubleSubmit() {
        return app(false, c -> c.doubleSubmit(KEY));
    }

    // ---- synchronizer token -------------------------------------------------------------------------

    @Test
    void safeMethodsPassWithoutAToken() {
        Browser b = inSession();

        assertThat(b.get("/page").status()).isEqualTo(200);
        assertThat(b.send("HEAD", "/page", null).status()).isEqualTo(200);
        assertThat(b.send("OPTIONS", "/transfer", null).status()).isEqualTo(204);
    }

    @Test
    void anUnsafeRequestWithoutATokenIs403WithAJsonMessageSayingWhereToPutIt() {
        Browser.Answer r = inSession().post("/transfer");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.body())
                .isEqualTo("{\"status\":403,\"error\":\"Forbidden\",\"message\":\"CSRF token missing: send the token"
                        + " of this session in the X-CSRF-Token header or the _csrf form field\"}");
    }

    @Test
    void theTokenInTheHeaderPasses() {
        Browser b = inSession();
        String token = b.get("/form").body();

        assertThat(b.post("/transfer", "X-CSRF-Token", token).body()).isEqualTo("sent");
        assertThat(b.send("PUT", "/transfer", null, "X-CSRF-Token", token).body())
                .isEqualTo("sent");
    }

    @Test
    void theTokenInTheFormFieldPasses() {
        Browser b = inSession();
        String token = b.get("/form").body();

        assertThat(b.send("POST", "/transfer", "amount=5&_csrf=" + token).body())
                .isEqualTo("sent");
    }

    @Test
    void eachTokenHandedOutIsDifferentAndEachIsValid() {
        Browser b = inSession();
        String first = b.get("/form").body();
        String second = b.get("/form").body();

        assertThat(first).isNotEqualTo(second);
        assertThat(b.post("/transfer", "X-CSRF-Token", first).status()).isEqualTo(200);
        assertThat(b.post("/transfer", "X-CSRF-Token", second).status()).isEqualTo(200);
    }

    @Test
    void aWrongTokenIs403Invalid() {
        Browser b = inSession();
        String token = b.get("/form").body();
        String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

        Browser.Answer r = b.post("/transfer", "X-CSRF-Token", wrong);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF token invalid: it does not belong to this session");
        assertThat(b.post("/transfer", "X-CSRF-Token", "garbage!").status()).isEqualTo(403);
    }

    @Test
    void anotherSessionsTokenIsRefused() {
        Browser attacker = inSession();
        String token = attacker.get("/form").body();
        attacker.close();

        Browser victim = inSession();
        victim.get("/form"); // the victim's session has a token of its own

        assertThat(victim.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(403);
    }

    @Test
    void theTokenSurvivesALoginThatRotatesTheSession() {
        Browser b = inSession();
        String token = b.get("/form").body();

        assertThat(b.post("/login", "X-CSRF-Token", token).status()).isEqualTo(200);
        assertThat(b.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(200);
    }

    @Test
    void exemptRequestsNeedNoToken() {
        Browser b = app(true, c -> c.exempt(req -> req.path().startsWith("/webhooks/")));

        assertThat(b.post("/webhooks/pay").body()).isEqualTo("hooked");
        assertThat(b.post("/transfer").status()).isEqualTo(403);
    }

    @Test
    void theHeaderAndFieldNamesCanBeChanged() {
        Browser b = app(true, c -> c.header("X-XSRF").formField("token"));
        String token = b.get("/form").body();

        assertThat(b.post("/transfer", "X-XSRF", token).status()).isEqualTo(200);
        assertThat(b.send("POST", "/transfer", "token=" + token).status()).isEqualTo(200);
        assertThat(b.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(403);
    }

    @Test
    void tokenWithoutTheMiddlewareSaysHowToInstallIt() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/t", req -> {
            try {
                return Csrf.token(req);
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        browser = new Browser(app);

        assertThat(browser.get("/t").body()).contains("app.use(Csrf.create(...))");
    }

    // ---- signed double-submit cookie ------------------------------------------------------------------

    @Test
    void theDoubleSubmitCookieIsSetOnceAndReadableByScripts() {
        Browser b = doubleSubmit();

        Browser.Answer first = b.get("/form");
        Browser.Answer second = b.get("/form");

        Cookie c = first.cookie("tulip_csrf");
        assertThat(c.value()).isEqualTo(first.body());
        assertThat(c.isHttpOnly()).isFalse();
        assertThat(c.sameSite()).contains(Cookie.SameSite.LAX);
        assertThat(second.response().cookies()).isEmpty();
        assertThat(second.body()).isEqualTo(first.body());
    }

    @Test
    void aSafeRequestThatAskedForNoTokenStillGetsTheCookieForScripts() {
        assertThat(doubleSubmit().get("/page").cookie("tulip_csrf")).isNotNull();
    }

    @Test
    void theCookiesTokenSentBackInTheHeaderPasses() {
        Browser b = doubleSubmit();
        String token = b.get("/form").body();

        assertThat(b.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(200);
    }

    @Test
    void aHeaderWithoutTheCookieIsRefused() {
        Browser b = doubleSubmit();
        String token = b.get("/form").body();
        b.jar.clear();

        assertThat(b.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(403);
    }

    @Test
    void aCookieAndHeaderTheAttackerMadeUpAreRefusedForTheirSignature() {
        Browser b = doubleSubmit();
        String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA";
        b.jar.put("tulip_csrf", forged);

        Browser.Answer r = b.post("/transfer", "X-CSRF-Token", forged);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("does not belong to this client's tulip_csrf cookie");
    }

    @Test
    void aHeaderThatDiffersFromTheCookieIsRefused() {
        Browser b = doubleSubmit();
        b.get("/form");
        Browser other = app(false, c -> c.doubleSubmit(KEY));

        assertThat(b.post("/transfer", "X-CSRF-Token", other.get("/form").body())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theDoubleSubmitCookieIsBoundToTheSessionAndRenewedAfterLogin() {
        Browser b = app(true, c -> c.doubleSubmit(KEY));
        String anonymous = b.get("/form").body();

        Browser.Answer login = b.post("/login", "X-CSRF-Token", anonymous);
        assertThat(login.status()).isEqualTo(200);
        String bound = login.cookie("tulip_csrf").value();
        assertThat(bound).isNotEqualTo(anonymous);

        assertThat(b.post("/transfer", "X-CSRF-Token", anonymous).status()).isEqualTo(403);
        assertThat(b.post("/transfer", "X-CSRF-Token", bound).status()).isEqualTo(200);
    }

    @Test
    void aDoubleSubmitCookieOfAnOldKeyIsAcceptedAfterKeyRotation() {
        Browser before = app(false, c -> c.doubleSubmit(KEY));
        String token = before.get("/form").body();
        before.close();

        Browser after = app(false, c -> c.doubleSubmit(KEY2, KEY));
        after.jar.put("tulip_csrf", token);

        assertThat(after.post("/transfer", "X-CSRF-Token", token).status()).isEqualTo(200);
    }

    @Test
    void aShortDoubleSubmitKeyIsRefused() {
        assertThatThrownBy(() -> Csrf.create(c -> c.doubleSubmit("short")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Csrf signing keys must have at least 32 bytes");
    }
}
