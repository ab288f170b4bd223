package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.*;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectClientTest {

    record Note(String text) {}

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @Test
    void worksOnAnAppThatWasNeverStarted() {
        app.get("/x", req -> "x");

        assertThat(client.get("/x").status()).isEqualTo(200);
        assertThat(app.port()).isEqualTo(-1);
    }

    @Test
    void postSendsTheBodyAsJson() {
        app.post(
                "/notes",
                req -> req.contentType().orElse("") + " " + req.json(Note.class).text());

        assertThat(client.post("/notes", new Note("hi")).text()).isEqualTo("application/json hi");
    }

    @Test
    void postSendsAStringBodyAsIs() {
        app.post("/raw", req -> req.text());

        assertThat(client.post("/raw", "{\"text\":1}").text()).isEqualTo("{\"text\":1}");
    }

    @Test
    void putSendsTheBodyAsJson() {
        app.put("/notes/1", req -> req.json(Note.class));

        assertThat(client.put("/notes/1", new Note("new")).json(Note.class)).isEqualTo(new Note("new"));
    }

    @Test
    void sendSetsContentLengthAndAHost() {
        app.post(
                "/h",
                req -> req.header("Content-Length").orElse("-") + " "
                        + req.header("Host").orElse("-"));

        assertThat(client.send("POST", "/h", new byte[5], Map.of()).text()).isEqualTo("5 direct");
    }

    @Test
    void sendPassesHeadersThrough() {
        app.get("/h", req -> req.header("Accept").orElse("-"));

        assertThat(client.send("GET", "/h", null, Map.of("Accept", "text/csv")).text())
                .isEqualTo("text/csv");
    }

    @Test
    void responseHeadersAreCaseInsensitive() {
        app.get("/h", req -> Response.text("x").header("X-Thing", "1"));

        TestResponse r = client.get("/h");

        assertThat(r.header("x-thing")).contains("1");
        assertThat(r.headers().get("X-THING")).containsExactly("1");
    }

    @Test
    void repeatedResponseHeadersAreAllKept() {
        app.get("/h", req -> Response.text("x").addHeader("Vary", "a").addHeader("Vary", "b"));

        assertThat(client.get("/h").headers("vary")).containsExactly("a", "b");
    }

    @Test
    void aMissingResponseHeaderIsEmpty() {
        app.get("/h", req -> "x");

        assertThat(client.get("/h").header("X-Nope")).isEmpty();
        assertThat(client.get("/h").headers("X-Nope")).isEmpty();
    }

    @Test
    void handlersSeeTheAppContext() {
        app.context().put(Integer.class, 7);
        app.get("/ctx", req -> req.app().get(Integer.class));

        assertThat(client.get("/ctx").text()).isEqualTo("7");
    }

    @Test
    void startListenersDoNotRun() {
        app.onBeforeStart(ctx -> ctx.put(String.class, "started"));
        app.get("/ctx", req -> req.app().find(String.class).orElse("not started"));

        assertThat(client.get("/ctx").text()).isEqualTo("not started");
    }

    @Test
    void eachRequestIsIndependent() {
        app.get("/q", req -> req.query("a").orElse("none"));

        assertThat(client.get("/q?a=1").text()).isEqualTo("1");
        assertThat(client.get("/q").text()).isEqualTo("none");
    }
}
