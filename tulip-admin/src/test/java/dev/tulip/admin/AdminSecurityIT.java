package dev.tulip.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Django's tested promises as the floor: one negative test per route at least, over a real socket. */
class AdminSecurityIT {
    static Fixture fx;

    /** Every state-changing route, with the form fields it would need. */
    static final List<String> POSTS = List.of(
            "/admin/logout",
            "/admin/m/authors/new",
            "/admin/m/authors/bulk",
            "/admin/m/authors/r/1/edit",
            "/admin/m/authors/r/1/delete");

    static final List<String> PAGES = List.of(
            "/admin",
            "/admin/m/authors",
            "/admin/m/authors/new",
            "/admin/m/authors/lookup?q=a",
            "/admin/m/authors/r/1",
            "/admin/m/authors/r/1/edit",
            "/admin/m/authors/r/1/delete");

    @BeforeAll
    static void start() {
        fx = new Fixture(cfg -> cfg.loginThrottle(3, 100, Duration.ofMinutes(15)));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageWhetherOrNotTheModelExists() {
        Browser anon = fx.browser();
        for (String p : PAGES) {
            HttpResponse<String> r = anon.get(p);
            assertThat(r.statusCode()).as(p).isEqualTo(303);
            assertThat(r.headers().firstValue("Location").orElseThrow()).startsWith("/admin/login?next=");
            assertThat(r.body()).doesNotContain("authors");
        }
        HttpResponse<String> missing = anon.get("/admin/m/no_such_model");
        assertThat(missing.statusCode()).isEqualTo(303);
        assertThat(anon.get("/admin/login").body()).doesNotContain("authors").doesNotContain("books");
    }

    @Test
    void everyStateChangingRouteWithoutACsrfTokenIs403AndChangesNothing() {
        Browser root = fx.loggedIn("root");
        int before = fx.backend.data.get("authors").size();
        for (String p : POSTS) {
            HttpResponse<String> r =
                    root.post(p, "v:name", "Mallory", "confirmed", "yes", "action", "delete", "ids", "1");
            assertThat(r.statusCode()).as(p).isEqualTo(403);
            assertThat(r.body()).contains("CSRF token missing");
            HttpResponse<String> wrong =
                    root.post(p, "_csrf", "forged", "v:name", "Mallory", "confirmed", "yes", "ids", "1");
            assertThat(wrong.statusCode()).as(p).isEqualTo(403);
        }
        assertThat(fx.backend.data.get("authors")).hasSize(before);
        assertThat(root.get("/admin").statusCode())
                .as("still logged in: logout needed a token")
                .isEqualTo(200);
    }

    @Test
    void getRequestsChangeNothing() {
        Browser root = fx.loggedIn("root");
        int callsBefore = fx.backend.calls.size();
        assertThat(root.get("/admin/logout").statusCode()).isEqualTo(405);
        HttpResponse<String> confirm = root.get("/admin/m/authors/r/1/delete");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Yes, delete");
        assertThat(fx.backend.find(fx.backend.models.get("authors"), dev.tulip.admin.spi.Id.of("1")))
                .isPresent();
        assertThat(root.get("/admin").statusCode()).isEqualTo(200);
        assertThat(fx.backend.calls.subList(callsBefore, fx.backend.calls.size()))
                .isNotEmpty()
                .noneMatch(c -> c.startsWith("delete") || c.startsWith("update") || c.startsWith("insert"));
    }

    @Test
    void aUserWithoutAPermissionGets403OnEveryPageAndFormOfIt() {
        Browser viewer = fx.loggedIn("viewer");
        assertThat(viewer.get("/admin/m/authors").statusCode()).isEqualTo(200);
        assertThat(viewer.get("/admin/m/authors/r/1").statusCode()).isEqualTo(200);
        for (String p : List.of("/admin/m/authors/new", "/admin/m/authors/r/1/edit", "/admin/m/authors/r/1/delete"))
            assertThat(viewer.get(p).statusCode()).as(p).isEqualTo(403);
        viewer.get("/admin/m/authors");
        for (String p : List.of("/admin/m/authors/new", "/admin/m/authors/r/1/edit", "/admin/m/authors/r/1/delete"))
            assertThat(viewer.submit(p, "v:name", "X", "confirmed", "yes").statusCode())
                    .as(p)
                    .isEqualTo(403);
        viewer.get("/admin/m/authors");
        assertThat(viewer.submit("/admin/m/authors/bulk", "action", "delete", "ids", "1", "confirmed", "yes")
                        .statusCode())
                .isEqualTo(403);

        Browser bookie = fx.loggedIn("bookie");
        HttpResponse<String> dash = bookie.get("/admin");
        assertThat(dash.body()).contains("Books").doesNotContain("/admin/m/authors");
        for (String p : PAGES.subList(1, PAGES.size()))
            assertThat(bookie.get(p).statusCode()).as(p).isEqualTo(403);
        assertThat(fx.backend.data.get("authors")).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void hiddenAndReadOnlyFieldsCannotBeSetByACraftedForm() {
        Browser root = fx.loggedIn("root");
        root.get("/admin/m/authors/new");
        HttpResponse<String> r = root.submit(
                "/admin/m/authors/new",
                "v:name",
                "Eve",
                "v:id",
                "999",
                "v:password_hash",
                "mine",
                "v:nonexistent",
                "x");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        var eve = fx.backend.data.get("authors").stream()
                .filter(a -> "Eve".equals(a.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(eve.get("id")).isNotEqualTo(999L);
        assertThat(eve.get("password_hash")).isNull();
        assertThat(eve).doesNotContainKey("nonexistent");
        root.get("/admin/m/authors/r/1/edit");
        root.submit(
                "/admin/m/authors/r/1/edit",
                "v:name",
                "Ada",
                "v:active",
                "true",
                "v:password_hash",
                "mine",
                "v:id",
                "5");
        var ada = fx.backend.data.get("authors").stream()
                .filter(a -> a.get("id").equals(1L))
                .findFirst()
                .orElseThrow();
        assertThat(ada.get("password_hash")).isEqualTo("SECRET-HASH");
    }

    @Test
    void hiddenFieldsReachNoPage() {
        Browser root = fx.loggedIn("root");
        for (String p : List.of("/admin/m/authors", "/admin/m/authors/r/1", "/admin/m/authors/r/1/edit"))
            assertThat(root.get(p).body())
                    .as(p)
                    .doesNotContain("SECRET-HASH")
                    .doesNotContain("password_hash")
                    .doesNotContain("Password hash");
        assertThat(root.get("/admin/m/authors?f.password_hash=SECRET-HASH").statusCode())
                .isEqualTo(400);
        assertThat(root.get("/admin/m/authors?sort=password_hash").statusCode()).isEqualTo(400);
    }

    @Test
    void sortAndFilterNamesAreAllowListed() {
        Browser root = fx.loggedIn("root");
        for (String q : List.of(
                "sort=name;drop%20table%20authors",
                "sort=-name%22",
                "f.name%20or%201=1=x",
                "f.active:gte)=1",
                "f.active:regex=.*",
                "f.born:null=2",
                "f.born:gte=not-a-date",
                "offset=-1",
                "size=abc")) {
            HttpResponse<String> r = root.get("/admin/m/authors?" + q);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(r.body()).as(q).doesNotContain("Exception");
        }
        assertThat(fx.backend.queries)
                .allMatch(query -> query.sort().isEmpty()
                        || List.of("id", "name", "email", "active", "kind", "born")
                                .contains(query.sort().get().field()));
    }

    @Test
    void thePageSizeIsCapped() {
        Browser root = fx.loggedIn("root");
        assertThat(root.get("/admin/m/authors?size=1000000").statusCode()).isEqualTo(200);
        assertThat(fx.backend.queries.getLast().limit()).isEqualTo(200);
    }

    @Test
    void outputIsEscapedInCellsDetailsFormsAndFilterChips() {
        String xss = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
        fx.backend.data.get("books").add(Fixture.row("id", 66L, "title", xss, "author_id", 1L));
        Browser root = fx.loggedIn("root");
        for (String p : List.of("/admin/m/books", "/admin/m/books/r/66", "/admin/m/books/r/66/edit")) {
            String body = root.get(p).body();
            assertThat(body)
                    .as(p)
                    .doesNotContain("<script>alert")
                    .doesNotContain("<img src=x")
                    .contains("&lt;script");
        }
        String chips = root.get(
                        "/admin/m/books?q=" + java.net.URLEncoder.encode(xss, java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(chips).doesNotContain("<script>alert").doesNotContain("<img src=x");
        String filter = root.get("/admin/m/authors?f.kind="
                        + java.net.URLEncoder.encode(xss, java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(filter).doesNotContain("<script>alert");
        fx.backend.data.get("books").removeIf(b -> b.get("id").equals(66L));
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        Browser root = fx.loggedIn("root");
        for (String p : List.of("/admin", "/admin/m/authors", "/admin/login")) {
            HttpResponse<String> r = root.get(p);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp)
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'nonce-")
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval");
            String nonce = csp.replaceAll(".*'nonce-([^']+)'.*", "$1");
            assertThat(r.body()).contains("nonce=\"" + nonce + "\"");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(r.body())
                    .doesNotContain("<script>")
                    .doesNotContain(" style=\"")
                    .doesNotContain(" onclick=");
        }
    }

    @Test
    void loginRotatesTheSessionAndLogoutInvalidatesIt() {
        Browser b = fx.browser();
        b.get("/admin/login");
        String before = cookie(b);
        HttpResponse<String> r =
                b.submit("/admin/login", "username", "root", "password", Fixture.PASSWORD, "next", "/admin/m/books");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/admin/m/books");
        String setCookie = r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tulip_admin="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/admin");
        String after = cookie(b);
        assertThat(after).isNotEqualTo(before);
        assertThat(b.get("/admin").statusCode()).isEqualTo(200);

        Browser thief = fx.browser(); // the cookie copied before logout
        java.net.HttpCookie stolen = new java.net.HttpCookie("tulip_admin", after);
        stolen.setPath("/admin");
        thief.cookies.getCookieStore().add(java.net.URI.create(b.base), stolen);
        assertThat(thief.get("/admin").statusCode()).isEqualTo(200);
        assertThat(b.submit("/admin/logout").statusCode()).isEqualTo(303);
        assertThat(b.get("/admin").statusCode()).isEqualTo(303);
        assertThat(thief.get("/admin").statusCode())
                .as("the old cookie is dead on the server")
                .isEqualTo(303);
    }

    @Test
    void loginRedirectsOnlyWithinTheAdmin() {
        for (String next : List.of("https://evil.example/", "//evil.example/admin", "/admin\\..\\x", "/other")) {
            Browser b = fx.browser();
            b.get("/admin/login");
            HttpResponse<String> r =
                    b.submit("/admin/login", "username", "root", "password", Fixture.PASSWORD, "next", next);
            assertThat(r.headers().firstValue("Location")).as(next).hasValue("/admin");
        }
    }

    @Test
    void failedLoginsAreThrottledPerAccountEvenWithTheRightPassword() {
        fx.admin.saveUser("target", Fixture.PASSWORD, true, java.util.Set.of());
        Browser b = fx.browser();
        b.get("/admin/login");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = b.submit("/admin/login", "username", "target", "password", "guess" + i);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("Wrong username or password");
        }
        HttpResponse<String> blocked = b.submit("/admin/login", "username", "target", "password", Fixture.PASSWORD);
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Retry-After")).isPresent();
        assertThat(fx.store.failures("u:target", Duration.ofMinutes(15))).isEqualTo(3);
        Browser other = fx.loggedIn("root"); // another account from the same address still works
        assertThat(other.get("/admin").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUsersAndWrongPasswordsGetTheSameAnswer() {
        Browser b = fx.browser();
        b.get("/admin/login");
        String unknown =
                b.submit("/admin/login", "username", "nobody", "password", "x").body();
        String wrong =
                b.submit("/admin/login", "username", "viewer", "password", "x").body();
        assertThat(unknown).contains("Wrong username or password");
        assertThat(wrong).contains("Wrong username or password");
    }

    private static String cookie(Browser b) {
        return b.cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("tulip_admin"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }
}
