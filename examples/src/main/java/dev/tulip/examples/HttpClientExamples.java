package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Handler;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.client.ClientResponse;
import dev.tulip.client.Http;
import dev.tulip.client.HttpStatusException;
import dev.tulip.client.Redirects;
import dev.tulip.client.StreamedResponse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The HTTP client: docs/guide/http-client.md and the javadoc of {@code Http}. */
public final class HttpClientExamples {
    private HttpClientExamples() {}

    /** A user of the back app. */
    public record User(String name, int age) {}

    /** The app the examples call: users, a search, a 404, a redirect, a large download, an upload. */
    public static Tulip back(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        app.get("/pong", req -> "pong");
        app.get("/users/{id:int}", req -> req.pathInt("id") == 1 ? new User("Ada", 36) : null);
        app.post("/users", req -> Response.json(201, req.json(User.class)));
        app.get("/search", req -> Map.of("q", req.query("q", ""), "page", req.queryInt("page", 1)));
        app.get("/old", req -> Response.redirect(301, "/pong"));
        app.get(
                "/export",
                req -> Response.stream("text/csv", out -> {
                    for (int i = 0; i < 10_000; i++) out.write(("row " + i + "\n").getBytes());
                }));
        app.post("/upload", req -> Map.of("bytes", req.body().length)).maxBodySize(64L << 20);
        return app;
    }

    /** The javadoc's example: ping asks pong. */
    public static Tulip javadoc(Consumer<Config.Builder> config, String pongUrl) {
        var app = Tulip.create(config);
        // tag::http-client-javadoc[]
        Http pong = Http.create(cfg -> cfg.baseUrl(pongUrl).readTimeout(Duration.ofSeconds(2)));
        app.install(pong); // opens after the loops exist, closes after the drain
        app.get("/ping", req -> pong.get("/pong").text());
        // end::http-client-javadoc[]
        return app;
    }

    /** The guide's front app: its handlers call the back app at {@code backUrl}. */
    public static Tulip front(Consumer<Config.Builder> config, String backUrl) {
        var app = Tulip.create(config);
        // tag::http-client-config[]
        Http back = Http.create(cfg -> cfg.baseUrl(backUrl) // relative URLs are appended to it
                .header("X-Api-Key", "k-123") // sent with every request
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(5))
                .totalTimeout(Duration.ofSeconds(10))
                .maxConnectionsPerHost(32)
                .redirects(Redirects.sameOrigin(5))
                .retries(2, Duration.ofMillis(50)));
        app.install(back);
        // end::http-client-config[]
        calls(app, back);
        async(app, back);
        streams(app, back);
        return app;
    }

    static void calls(Tulip app, Http back) {
        // tag::http-client-calls[]
        app.get("/user", req -> back.get("/users/1").as(User.class)); // a record from JSON
        app.get(
                "/created",
                req -> back.post("/users").json(new User("Grace", 45)).as(JsonNode.class));
        app.get(
                "/find",
                req -> back.get("/search")
                        .query("q", req.query("q", "")) // percent-encoded
                        .query("page", 2)
                        .as(JsonNode.class));
        app.get("/maybe/{id:int}", req -> {
            ClientResponse r = back.get("/users/" + req.pathInt("id")).send(); // any status
            return r.status() == 404 ? "nobody" : r.as(User.class).name();
        });
        app.get("/strict/{id:int}", req -> {
            try {
                return back.get("/users/" + req.pathInt("id")).as(User.class);
            } catch (HttpStatusException e) { // a status outside 2xx, with the response
                return Response.json(e.responseStatus(), Map.of("upstream", e.body()));
            }
        });
        // end::http-client-calls[]
    }

    static void async(Tulip app, Http back) {
        // tag::http-client-async[]
        app.get(
                "/both",
                Handler.nonBlocking(req -> back.get("/users/1")
                        .asAsync(User.class) // no thread waits: the stage completes on a loop
                        .thenCombine(back.get("/pong").textAsync(), (user, pong) -> user.name() + " " + pong)));
        // end::http-client-async[]
    }

    static void streams(Tulip app, Http back) {
        // tag::http-client-stream[]
        app.get("/export-lines", req -> {
            try (StreamedResponse r = back.get("/export").stream(); // returns at the head
                    InputStream body = r.body()) { // read as it arrives, with back-pressure
                long lines = 0;
                int b;
                while ((b = body.read()) >= 0) if (b == '\n') lines++;
                return Map.of("status", r.status(), "lines", lines);
            }
        });
        app.post("/forward", req -> {
            Path file = Files.createTempFile("upload", ".bin");
            Files.write(file, req.body());
            try (InputStream in = Files.newInputStream(file)) { // sent chunked, read as the socket takes it
                return back.post("/upload").body(in, "application/octet-stream").as(JsonNode.class);
            } finally {
                Files.delete(file);
            }
        });
        // end::http-client-stream[]
    }

    /** The guide's standalone use: a script or a test, no app. */
    public static List<String> standalone(String backUrl) {
        // tag::http-client-standalone[]
        try (Http http = Http.open(cfg -> cfg.baseUrl(backUrl))) { // its own event loop; closed at the end
            String pong = http.get("/pong").text();
            User ada = http.get("/users/1").as(User.class);
            return List.of(pong, ada.name(), http.get("/old").send().url()); // the redirect followed
        }
        // end::http-client-standalone[]
    }
}
