package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Cookie;
import dev.tulip.Response;
import dev.tulip.Tulip;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Responses: the builders of {@link Response} and {@link Cookie}. */
public final class ResponsesExamples {
    private ResponsesExamples() {}

    /** A stored thing. */
    public record Thing(int id, String name) {}

    /** An app whose {@code POST /things} answers as the {@link Response} javadoc shows. */
    public static Tulip create(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        app.post("/things", req -> {
            var saved = new Thing(7, req.text());
            // tag::response-javadoc[]
            return Response.json(201, saved).header("Location", "/things/" + saved.id());
            // end::response-javadoc[]
        });
        return app;
    }

    /** The guide's list of responses; each line compiles, none is sent. */
    static void builders(Thing saved, byte[] png, String id, List<String> lines) {
        // spotless:off (the guide packs related one-liners together)
        // tag::guide-responses[]
        Response.json(201, saved).header("Location", "/things/" + saved.id());
        Response.text("hi");  Response.html("<p>hi</p>");  Response.bytes(png, "image/png");
        Response.redirect("/login");  Response.redirect(301, "/new-home");
        Response.of(202);  Response.noContent();
        Response.text("ok").cookie(Cookie.of("session", id).path("/").httpOnly().secure()
                .sameSite(Cookie.SameSite.LAX).maxAge(Duration.ofHours(1)));
        Response.stream("text/plain", out -> { for (var line : lines) { out.write(line.getBytes()); out.flush(); } });
        // end::guide-responses[]
        // spotless:on
    }

    /** The {@link Cookie} javadoc's one line. */
    static void cookie(String id) {
        // spotless:off (the javadoc's line is longer than the formatter allows)
        // tag::cookie-javadoc[]
        Response.text("hi").cookie(Cookie.of("session", id).httpOnly().secure().sameSite(Cookie.SameSite.LAX).maxAge(Duration.ofHours(1)));
        // end::cookie-javadoc[]
        // spotless:on
    }
}
