package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Config;
import dev.tulip.Tulip;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a path that differs from a route only by its trailing slash gets, under each policy. */
class TrailingSlashTest {

    private static Tulip app(Config.TrailingSlash policy) {
        Tulip app = Tulip.create(cfg -> cfg.trailingSlash(policy));
        app.group("/users", users -> users.get("/", req -> "all users"));
        app.get("/docs/", req -> "docs");
        app.post("/items", req -> "posted " + req.text());
        return app;
    }

    @Test
    void strictIsTheDefaultAndItsNotFoundNamesThePathThatHasARoute() {
        assertThat(Config.defaults().trailingSlash()).isEqualTo(Config.TrailingSlash.STRICT);
        try (var client = DirectClient.of(app(Config.TrailingSlash.STRICT))) {
            assertThat(client.get("/users").text()).isEqualTo("all users");

            TestResponse r = client.get("/users/");

            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("message").asString())
                    .startsWith("GET /users/: not found; /users has a route (a trailing slash matters");
            assertThat(client.get("/docs").json().get("message").asString())
                    .startsWith("GET /docs: not found; /docs/ has a route");
        }
    }

    @Test
    void redirectSendsA308ToThePathThatHasARouteKeepingTheQuery() {
        try (var client = DirectClient.of(app(Config.TrailingSlash.REDIRECT))) {
            TestResponse r = client.get("/users/?page=2&q=a%20b");

            assertThat(r.status()).isEqualTo(308);
            assertThat(r.header("location")).hasValue("/users?page=2&q=a%20b");
            assertThat(client.get("/docs").header("location")).hasValue("/docs/");
            assertThat(client.send("POST", "/items/", "x".getBytes(), Map.of()).status())
                    .isEqualTo(308);
        }
    }

    @Test
    void ignoreServesThePathWithTheOtherRoute() {
        try (var client = DirectClient.of(app(Config.TrailingSlash.IGNORE))) {
            assertThat(client.get("/users/").text()).isEqualTo("all users");
            assertThat(client.get("/docs").text()).isEqualTo("docs");
            assertThat(client.send("POST", "/items/", "x".getBytes(), Map.of()).text())
                    .isEqualTo("posted x");
        }
    }

    @Test
    void aPathWithoutANeighbourIsAPlainNotFoundAndNeverARedirectToAnotherHost() {
        Tulip app = Tulip.create(cfg -> cfg.trailingSlash(Config.TrailingSlash.REDIRECT));
        app.get("/evil.example/", req -> "x");
        try (var client = DirectClient.of(app)) {
            assertThat(client.get("/nothing/").status()).isEqualTo(404);
            assertThat(client.get("//evil.example").status()).isEqualTo(404);
        }
    }

    @Test
    void theSettingIsReadFromText() {
        assertThat(Config.defaults().toBuilder()
                        .set("trailing-slash", "redirect", "test")
                        .build()
                        .trailingSlash())
                .isEqualTo(Config.TrailingSlash.REDIRECT);
    }
}
