package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.spi.RequestEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RequestIdTest {

    private static Tulip app(boolean requestIds, List<RequestEvent> events) {
        Tulip app = Tulip.create(cfg -> cfg.requestIds(requestIds));
        app.install(setup -> setup.observe(events::add));
        app.get("/id", req -> req.id() + " " + req.id());
        app.get("/boom", req -> {
            throw new IllegalStateException("boom");
        });
        return app;
    }

    private static TestResponse get(DirectClient c, String path, String incoming) {
        return c.send("GET", path, null, incoming == null ? Map.of() : Map.of("X-Request-Id", incoming));
    }

    @Test
    void aValidIncomingIdIsKeptAndSentBack() {
        List<RequestEvent> events = new CopyOnWriteArrayList<>();
        try (var client = DirectClient.of(app(true, events))) {
            TestResponse r = get(client, "/id", "req-42.a:b/c+d=e@f_g");

            assertThat(r.text()).isEqualTo("req-42.a:b/c+d=e@f_g req-42.a:b/c+d=e@f_g");
            assertThat(r.header("x-request-id")).hasValue("req-42.a:b/c+d=e@f_g");
            assertThat(events.getLast().requestId()).hasValue("req-42.a:b/c+d=e@f_g");
        }
    }

    @Test
    void aMissingOrUnsafeIncomingIdIsReplacedByAGeneratedOne() {
        try (var client = DirectClient.of(app(true, new CopyOnWriteArrayList<>()))) {
            for (String incoming : new String[] {null, "", "has space", "a\"b", "x".repeat(129), "é"}) {
                TestResponse r = get(client, "/id", incoming);
                String id = r.header("x-request-id").orElseThrow();

                assertThat(id).as(String.valueOf(incoming)).matches("[0-9a-f]{16}");
                assertThat(r.text()).isEqualTo(id + " " + id);
            }
            assertThat(get(client, "/id", "x".repeat(128)).header("x-request-id"))
                    .hasValue("x".repeat(128));
        }
    }

    @Test
    void generatedIdsDiffer() {
        try (var client = DirectClient.of(app(true, new CopyOnWriteArrayList<>()))) {
            String a = client.get("/id").header("x-request-id").orElseThrow();
            String b = client.get("/id").header("x-request-id").orElseThrow();

            assertThat(a).isNotEqualTo(b);
        }
    }

    @Test
    void errorResponsesCarryTheIdToo() {
        try (var client = DirectClient.of(app(true, new CopyOnWriteArrayList<>()))) {
            TestResponse boom = get(client, "/boom", "abc");
            assertThat(boom.status()).isEqualTo(500);
            assertThat(boom.header("x-request-id")).hasValue("abc");
            assertThat(get(client, "/nowhere", "abc").header("x-request-id")).hasValue("abc");
        }
    }

    @Test
    void offByDefaultTheIdIsOnlyOnTheRequest() {
        List<RequestEvent> events = new CopyOnWriteArrayList<>();
        try (var client = DirectClient.of(app(false, events))) {
            TestResponse r = get(client, "/id", "abc");

            assertThat(r.text()).isEqualTo("abc abc");
            assertThat(r.header("x-request-id")).isEmpty();
            assertThat(events.getLast().requestId()).isEmpty();
        }
    }
}
