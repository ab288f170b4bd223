package dev.tulip.examples;

import dev.tulip.Config;
import dev.tulip.Tulip;
import dev.tulip.web.Sse;
import dev.tulip.web.SseHub;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/** The server-sent events page of the guide: a clock stream and a feed of new contacts. */
public final class SseExamples {
    private SseExamples() {}

    /** A contact, as posted to /new. */
    public record Contact(String id, String name) {}

    /** A new contact for {@code posted} (a real app stores it). */
    static Contact save(Contact posted) {
        return new Contact(UUID.randomUUID().toString(), posted.name());
    }

    /** /clock ticks every second; /events announces each contact posted to /new. */
    public static Tulip app(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        // tag::sse-javadoc[]
        Sse sse = Sse.create(cfg -> cfg.heartbeat(Duration.ofSeconds(15)));
        app.install(sse);
        app.get(
                "/clock",
                req -> sse.stream(req, events -> {
                    long n = events.lastEventId().map(Long::parseLong).orElse(0L);
                    while (!events.awaitClosed(Duration.ofSeconds(1))) {
                        n++;
                        events.send(Sse.event(Instant.now().toString())
                                .id(Long.toString(n))
                                .event("tick"));
                    }
                }));
        // end::sse-javadoc[]
        // tag::hub-javadoc[]
        SseHub contacts = sse.hub(64);
        app.get("/events", req -> sse.stream(req, contacts::join));
        app.post("/new", req -> {
            var saved = save(req.json(Contact.class));
            contacts.publish(Sse.event(saved.name()).event("contact").id(saved.id()));
            return saved;
        });
        // end::hub-javadoc[]
        return app;
    }

    /** A stream that ends when the client leaves, with what it does then. */
    public static Tulip countdown(Consumer<Config.Builder> config) {
        var app = Tulip.create(config);
        Sse sse = Sse.create();
        app.install(sse);
        // tag::guide-countdown[]
        app.get(
                "/countdown/{from:int}",
                req -> sse.stream(req, events -> {
                    for (int i = req.pathInt("from"); i > 0; i--) {
                        events.send(Sse.event(Integer.toString(i)).id(Integer.toString(i)));
                        if (events.awaitClosed(Duration.ofMillis(100))) return; // the client left, or the app stops
                    }
                    events.send(Sse.event("lift-off").event("done"));
                })); // returning ends the stream; a send after the client left throws SseClosedException
        // end::guide-countdown[]
        return app;
    }
}
