package dev.tulip.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Cookie;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Sessions} and {@link Session}: the signed cookie, a server-side store, rotation, expiry and keys. */
class SessionsTest {
    static final String KEY = "k1-0123456789abcdef0123456789abcdef";
    static final String KEY2 = "k2-0123456789abcdef0123456789abcdef";

    private final MutableClock clock = new MutableClock();
    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) browser.close();
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private Browser app(Consumer<Sessions.Builder> config) {
        Tulip app = Tulip.create(c -> c.port(0).trustedProxies("127.0.0.1")); // the in-process peer
        app.use(Sessions.create(s -> config.accept(s.clock(clock))));
        app.get("/anon", req -> "hello");
        app.get("/get", req -> Session.of(req).get("user").orElse("-"));
        app.post("/set", req -> {
            Session.of(req).put("user", req.formValue("user").orElseThrow());
            return "ok";
        });
        app.post("/login", req -> {
            Session s = Session.of(req);
            String before = s.id();
            s.rotate().put("user", "ada");
            return Map.of("before", before, "after", s.id());
        });
        app.post("/logout", req -> {
            Session.of(req).invalidate();
            return Response.noContent();
        });
        app.get("/id", req -> Session.of(req).id());
        app.post("/switch", req -> {
            Session s = Session.of(req);
            s.invalidate();
            s.put("user", "bob");
            return s.id();
        });
        app.post("/big", req -> {
            Session.of(req).put("big", "x".repeat(5000));
            return "ok";
        });
        browser = new Browser(app);
        return browser;
    }

    private Browser app() {
        return app(s -> s.keys(KEY));
    }

    private static String payload(String cookie) {
        String b64 = cookie.substring(0, cookie.indexOf('.'));
        return new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8);
    }

    @Test
    void aVisitorWhoseSessionIsNotUsedGetsNoCookie() {
        Browser.Answer r = app().get("/anon");

        assertThat(r.response().cookies()).isEmpty();
        assertThat(r.headers("Vary")).isEmpty();
    }

    @Test
    void readingTheSessionAddsVaryCookieButSetsNoCookie() {
        Browser.Answer r = app().get("/get");

        assertThat(r.body()).isEqualTo("-");
        assertThat(r.response().cookies()).isEmpty();
        assertThat(r.headers("Vary")).containsExactly("Cookie");
    }

    @Test
    void aValueSetIsInTheNextRequestThroughAnHttpOnlyLaxCookie() {
        Browser b = app();

        Browser.Answer set = b.send("POST", "/set", "user=ada");
        Browser.Answer get = b.get("/get");

        Cookie c = set.cookie("tulip_session");
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.sameSite()).contains(Cookie.SameSite.LAX);
        assertThat(c.path()).contains("/");
        assertThat(c.maxAge()).contains(Duration.ofDays(14));
        assertThat(c.isSecure()).isFalse();
        assertThat(get.body()).isEqualTo("ada");
    }

    @Test
    void theCookieIsSecureWhenTheRequestCameOverHttpsOrWhenForced() {
        assertThat(app().send("POST", "/set", "user=ada", "X-Forwarded-Proto", "https")
                        .cookie("tulip_session")
                        .isSecure())
                .isTrue();
        browser.close();
        assertThat(app().send("POST", "/set", "user=ada", "Forwarded", "for=1.2.3.4;proto=https")
                        .cookie("tulip_session")
                        .isSecure())
                .isTrue();
        browser.close();
        assertThat(app(s -> s.keys(KEY).secure(true))
                        .send("POST", "/set", "user=ada")
                        .cookie("tulip_session")
                        .isSecure())
                .isTrue();
    }

    @Test
    void valuesWithAnyCharactersSurviveTheCookie() {
        Browser b = app();
        String odd = "a=b&c;d\n\"é\" 100%";

        b.send("POST", "/set", "user=" + URLEncoder.encode(odd, StandardCharsets.UTF_8));

        assertThat(b.get("/get").body()).isEqualTo(odd);
    }

    @Test
    void aTamperedCookieIsIgnored() {
        Browser b = app();
        b.send("POST", "/set", "user=ada");
        String cookie = b.jar.get("tulip_session");
        String forged = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload(cookie).replace("ada", "bob").getBytes(StandardCharsets.UTF_8));
        b.jar.put("tulip_session", forged + cookie.substring(cookie.indexOf('.')));

        assertThat(b.get("/get").body()).isEqualTo("-");
    }

    @Test
    void aCookieSignedWithAnotherKeyIsIgnored() {
        Browser other = app(s -> s.keys(KEY2));
        other.send("POST", "/set", "user=ada");
        String cookie = other.jar.get("tulip_session");
        other.close();

        Browser b = app();
        b.jar.put("tulip_session", cookie);

        assertThat(b.get("/get").body()).isEqualTo("-");
    }

    @Test
    void anOldKeyStillVerifiesWhileTheNewestSignsWhatIsSaved() {
        Browser before = app(s -> s.keys(KEY));
        before.send("POST", "/set", "user=ada");
        String oldCookie = before.jar.get("tulip_session");
        before.close();

        Browser rotated = app(s -> s.keys(KEY2, KEY));
        rotated.jar.put("tulip_session", oldCookie);
        assertThat(rotated.get("/get").body()).isEqualTo("ada");
        rotated.send("POST", "/set", "user=bob");
        String newCookie = rotated.jar.get("tulip_session");
        rotated.close();

        Browser onlyNew = app(s -> s.keys(KEY2));
        onlyNew.jar.put("tulip_session", newCookie);
        assertThat(onlyNew.get("/get").body()).isEqualTo("bob");
        onlyNew.jar.put("tulip_session", oldCookie);
        assertThat(onlyNew.get("/get").body()).isEqualTo("-");
    }

    @Test
    void aSessionExpiresMaxAgeAfterItWasLastSavedEvenIfTheCookieIsReplayed() {
        Browser b = app(s -> s.keys(KEY).maxAge(Duration.ofHours(1)));
        b.send("POST", "/set", "user=ada");

        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(b.get("/get").body()).isEqualTo("ada");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(b.get("/get").body()).isEqualTo("-");
    }

    @Test
    void rotatingGivesANewIdAndKeepsTheValues() {
        Browser b = app();
        b.send("POST", "/set", "user=x");
        String id = b.get("/id").body();

        Browser.Answer login = b.post("/login");

        assertThat(login.body()).contains("\"before\":\"" + id + "\"").doesNotContain("\"after\":\"" + id + "\"");
        assertThat(b.get("/get").body()).isEqualTo("ada");
        assertThat(b.get("/id").body()).isNotEqualTo(id);
    }

    @Test
    void invalidatingDeletesTheCookie() {
        Browser b = app();
        b.send("POST", "/set", "user=ada");

        Browser.Answer out = b.post("/logout");

        assertThat(out.cookie("tulip_session").maxAge()).contains(Duration.ZERO);
        assertThat(b.jar).doesNotContainKey("tulip_session");
        assertThat(b.get("/get").body()).isEqualTo("-");
    }

    @Test
    void aCookieOverWhatBrowsersKeepIsAnErrorThatSaysWhatToDo() {
        Browser.Answer r = app().post("/big");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.response().cookies()).isEmpty();
    }

    @Test
    void aSessionUsedWithoutTheMiddlewareSaysHowToInstallIt() {
        Tulip app = Tulip.create(c -> c.port(0));
        app.get("/s", req -> {
            try {
                return Session.of(req).id();
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        });
        browser = new Browser(app);

        assertThat(browser.get("/s").body()).contains("app.use(Sessions.create(...))");
    }

    // ---- server-side store ------------------------------------------------------------------------

    @Test
    void withAStoreTheCookieCarriesOnlyTheIdAndTheValuesStayOnTheServer() {
        var store = new MemorySessionStore(clock);
        Browser b = app(s -> s.keys(KEY).store(store));

        b.send("POST", "/set", "user=ada");

        String cookie = b.jar.get("tulip_session");
        assertThat(payload(cookie)).doesNotContain("ada");
        String id = payload(cookie).split("\n")[0];
        assertThat(store.load(id)).contains(Map.of("user", "ada"));
        assertThat(b.get("/get").body()).isEqualTo("ada");
    }

    @Test
    void withAStoreASessionMissingThereIsANewOne() {
        var store = new MemorySessionStore(clock);
        Browser b = app(s -> s.keys(KEY).store(store));
        b.send("POST", "/set", "user=ada");

        store.delete(payload(b.jar.get("tulip_session")).split("\n")[0]);

        assertThat(b.get("/get").body()).isEqualTo("-");
    }

    @Test
    void withAStoreRotationAndLogoutDeleteTheOldEntries() {
        var store = new MemorySessionStore(clock);
        Browser b = app(s -> s.keys(KEY).store(store));
        b.send("POST", "/set", "user=x");
        assertThat(store.size()).isEqualTo(1);

        b.post("/login");
        assertThat(store.size()).isEqualTo(1);
        assertThat(b.get("/get").body()).isEqualTo("ada");

        b.post("/logout");
        assertThat(store.size()).isZero();
    }

    @Test
    void valuesPutAfterInvalidatingStartANewSessionWithANewId() {
        var store = new MemorySessionStore(clock);
        Browser b = app(s -> s.keys(KEY).store(store));
        b.send("POST", "/set", "user=ada");
        String id = b.get("/id").body();

        String newId = b.post("/switch").body();

        assertThat(newId).isNotEqualTo(id);
        assertThat(store.load(id)).isEmpty();
        assertThat(store.size()).isEqualTo(1);
        assertThat(b.get("/get").body()).isEqualTo("bob");
    }

    @Test
    void theMemoryStoreForgetsExpiredSessions() {
        var store = new MemorySessionStore(clock);
        store.save("a", Map.of("k", "v"), Duration.ofMinutes(1));

        assertThat(store.load("a")).contains(Map.of("k", "v"));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(store.load("a")).isEmpty();
        assertThat(store.size()).isZero();
    }

    // ---- configuration ---------------------------------------------------------------------------

    @Test
    void aMissingOrShortKeyIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> Sessions.create(s -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a signing key")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> Sessions.create(s -> s.keys("short")))
                .hasMessageContaining("at least 32 bytes, one has 5");
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefused() {
        assertThatThrownBy(() -> Sessions.create(s -> s.keys(KEY).sameSite(Cookie.SameSite.NONE)))
                .hasMessageContaining("SameSite=None need secure(true)");
    }
}
