package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReverseRoutingTest {
    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    ReverseRoutingTest() {
        app.get("/", req -> "home").name("home");
        app.group(
                "/users",
                users -> users.get("/", req -> "all")
                        .name("users")
                        .get("/{id:int}", req -> "user " + req.pathInt("id"))
                        .name("user"));
        app.get("/tags/{tag}/posts/{n:long}", req -> req.pathParam("tag") + " " + req.pathLong("n"))
                .name("tagged");
        app.get("/files/{rest:path}", req -> req.pathParam("rest")).name("file");
        app.get("/things/{id:uuid}", req -> req.pathUuid("id").toString()).name("thing");
        app.get("/docs/", req -> "docs").name("docs");
        app.get("/link", req -> req.context().path("tagged", "a b/c?", 7));
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private String path(String name, Object... params) {
        client.get("/"); // starts the app
        return app.context().path(name, params);
    }

    @Test
    void aNamedRoutesPathIsBuiltFromItsParameters() {
        assertThat(path("home")).isEqualTo("/");
        assertThat(path("users")).isEqualTo("/users");
        assertThat(path("user", 42)).isEqualTo("/users/42");
        assertThat(path("docs")).isEqualTo("/docs/");
        UUID id = UUID.randomUUID();
        assertThat(path("thing", id)).isEqualTo("/things/" + id);
    }

    @Test
    void valuesArePercentEncodedAndRouteBackToTheSameValues() {
        String p = path("tagged", "a b/c?é", 7L);

        assertThat(p).isEqualTo("/tags/a%20b%2Fc%3F%C3%A9/posts/7");
        assertThat(client.get(p).text()).isEqualTo("a b/c?é 7");
        assertThat(client.get("/link").text()).isEqualTo("/tags/a%20b%2Fc%3F/posts/7");
    }

    @Test
    void aPathParameterKeepsItsSlashesButRefusesDotSegments() {
        assertThat(path("file", "css/site main.css")).isEqualTo("/files/css/site%20main.css");
        assertThat(client.get("/files/css/site%20main.css").text()).isEqualTo("css/site main.css");
        assertThatThrownBy(() -> path("file", "../etc/passwd")).hasMessageContaining("does not fit {rest}");
    }

    @Test
    void wrongNamesCountsAndTypesAreErrorsSayingSo() {
        assertThatThrownBy(() -> path("nope")).hasMessageStartingWith("no route is named 'nope'; named routes: ");
        assertThatThrownBy(() -> path("user")).hasMessage("route 'user' (/users/{id:int}) takes 1 value, got 0");
        assertThatThrownBy(() -> path("user", "abc"))
                .hasMessage("route 'user': 'abc' does not fit {id} of /users/{id:int}");
        assertThatThrownBy(() -> path("thing", "not-a-uuid")).hasMessageContaining("does not fit {id}");
    }

    @Test
    void aNameIsUniqueAndNamesTheLastRoute() {
        assertThatThrownBy(() -> Tulip.create().name("x")).hasMessageContaining("add one first");
        assertThatThrownBy(() -> Tulip.create()
                        .get("/a", req -> "a")
                        .name("x")
                        .get("/b", req -> "b")
                        .name("x"))
                .hasMessage("route name 'x' is already used for /a");
    }
}
