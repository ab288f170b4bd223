package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectClientTest {

    record Note(String text) {}

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

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

    private static final Key<Integer> NUMBER = Key.of("number", Integer.class);
    private static final Key<String> TEXT = Key.of("text", String.class);

    @Test
    void handlersSeeTheAppContext() {
        app.context().put(NUMBER, 7);
        app.get("/ctx", req -> req.context().get(NUMBER));

        assertThat(client.get("/ctx").text()).isEqualTo("7");
    }

    @Test
    void resourcesAndStartListenersRunBeforeTheFirstRequestAndCloseWithTheClient() {
        List<String> events = new ArrayList<>();
        app.resource(NUMBER, ctx -> 7, n -> events.add("closed " + n));
        app.onBeforeStart(ctx -> ctx.put(TEXT, "started"));
        app.get("/ctx", req -> req.context().get(TEXT) + " " + req.context().get(NUMBER));

        assertThat(client.get("/ctx").text()).isEqualTo("started 7");
        assertThat(events).isEmpty();
        client.close();
        assertThat(events).containsExactly("closed 7");
    }

    @Test
    void aRequestThatTakesLongerThanTheTimeoutFailsAndItsHandlerIsInterrupted() throws Exception {
        var interrupted = new java.util.concurrent.CountDownLatch(1);
        app.get("/slow", req -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return "late";
        });

        try (var quick = DirectClient.of(app, java.time.Duration.ofMillis(200))) {
            assertThatThrownBy(() -> quick.get("/slow"))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasCauseInstanceOf(java.net.http.HttpTimeoutException.class);
            assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        }
    }

    @Test
    void patchSendsJson() {
        app.patch("/p", req -> req.json(Map.class).get("a"));

        assertThat(client.patch("/p", Map.of("a", "b")).text()).isEqualTo("b");
    }

    @Test
    void headerNamesAreLowerCaseLikeTheSocketClients() {
        app.get("/h", req -> Response.text("x").header("X-Mixed-Case", "1"));

        assertThat(client.get("/h").headers()).containsKey("x-mixed-case");
        assertThat(client.get("/h").headers().keySet()).allMatch(k -> k.equals(k.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void eachRequestIsIndependent() {
        app.get("/q", req -> req.query("a").orElse("none"));

        assertThat(client.get("/q?a=1").text()).isEqualTo("1");
        assertThat(client.get("/q").text()).isEqualTo("none");
    }
}
