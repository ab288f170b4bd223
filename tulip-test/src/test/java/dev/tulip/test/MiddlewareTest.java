package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MiddlewareTest {

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    private final List<String> log = new ArrayList<>();

    private Middleware logging(String name) {
        return (req, next) -> {
            log.add(name + ">");
            Object r = next.handle(req);
            log.add("<" + name);
            return r;
        };
    }

    @Test
    void appMiddlewareRunsInRegistrationOrderAroundTheHandler() {
        app.use(logging("a"));
        app.use(logging("b"));
        app.get("/x", req -> {
            log.add("handler");
            return "ok";
        });

        client.get("/x");

        assertThat(log).containsExactly("a>", "b>", "handler", "<b", "<a");
    }

    @Test
    void appMiddlewareIsOuterAndGroupMiddlewareInner() {
        app.group("/api", api -> {
            api.use(logging("group"));
            api.get("/x", req -> {
                log.add("handler");
                return "ok";
            });
        });
        app.use(logging("app"));

        client.get("/api/x");

        assertThat(log).containsExactly("app>", "group>", "handler", "<group", "<app");
    }

    @Test
    void nestedGroupMiddlewareRunsInsideItsParents() {
        app.group("/a", a -> {
            a.use(logging("outer"));
            a.group("/b", b -> {
                b.use(logging("inner"));
                b.get("/x", req -> "ok");
            });
        });

        assertThat(client.get("/a/b/x").status()).isEqualTo(200);
        assertThat(log).containsExactly("outer>", "inner>", "<inner", "<outer");
    }

    @Test
    void middlewareDeclaredAfterARouteStillAppliesToIt() {
        app.get("/x", req -> "ok");
        app.use(logging("late"));

        client.get("/x");

        assertThat(log).containsExactly("late>", "<late");
    }

    @Test
    void middlewareCanShortCircuitWithoutCallingTheHandler() {
        AtomicBoolean handled = new AtomicBoolean();
        app.use((req, next) ->
                req.header("X-Token").isPresent() ? next.handle(req) : Response.text(401, "who are you?"));
        app.get("/secret", req -> {
            handled.set(true);
            return "secret";
        });

        TestResponse r = client.get("/secret");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text()).isEqualTo("who are you?");
        assertThat(handled).isFalse();
        assertThat(client.send("GET", "/secret", null, Map.of("X-Token", "t")).text())
                .isEqualTo("secret");
    }

    @Test
    void middlewareCanChangeTheResponseAfterTheHandler() {
        app.use((req, next) -> {
            Object r = next.handle(req);
            return r instanceof Response resp ? resp.header("X-Seen", "yes").status(202) : r;
        });
        app.get("/x", req -> Response.text("body"));

        TestResponse r = client.get("/x");

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.header("X-Seen")).contains("yes");
        assertThat(r.text()).isEqualTo("body");
    }

    @Test
    void middlewareCanReplaceTheResult() {
        app.use((req, next) -> "wrapped(" + next.handle(req) + ")");
        app.get("/x", req -> "inner");

        assertThat(client.get("/x").text()).isEqualTo("wrapped(inner)");
    }

    @Test
    void middlewareOfABlockingRouteSeesTheValueOfACompletionStage() {
        app.use((req, next) -> "saw " + next.handle(req));
        app.get("/x", req -> CompletableFuture.supplyAsync(() -> "value"));

        assertThat(client.get("/x").text()).isEqualTo("saw value");
    }

    @Test
    void middlewareCanCatchAnExceptionOfTheHandler() {
        app.use((req, next) -> {
            try {
                return next.handle(req);
            } catch (IllegalStateException e) {
                return Response.text(409, "caught");
            }
        });
        app.get("/x", req -> {
            throw new IllegalStateException("boom");
        });

        assertThat(client.get("/x").status()).isEqualTo(409);
    }

    @Test
    void anExceptionThrownByMiddlewareIsMappedLikeAHandlers() {
        app.use((req, next) -> {
            throw new HttpException(403, "forbidden here");
        });
        app.get("/x", req -> "ok");

        TestResponse r = client.get("/x");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("message").asString()).isEqualTo("forbidden here");
    }

    @Test
    void aGroupPrefixesItsRoutes() {
        app.group("/api", api -> api.get("/users", req -> "users"));

        assertThat(client.get("/api/users").text()).isEqualTo("users");
        assertThat(client.get("/users").status()).isEqualTo(404);
    }

    @Test
    void aGroupRouteOnSlashAnswersTheBarePrefix() {
        app.group("/api", api -> api.get("/", req -> "root of api"));

        assertThat(client.get("/api").text()).isEqualTo("root of api");
        assertThat(client.get("/api/").status()).isEqualTo(404);
    }

    @Test
    void nestedGroupsJoinTheirPrefixes() {
        app.group("/api", api -> api.group("/v1", v1 -> v1.get("/x", req -> "deep")));

        assertThat(client.get("/api/v1/x").text()).isEqualTo("deep");
    }

    @Test
    void groupMiddlewareDoesNotApplyToOtherRoutes() {
        AtomicInteger calls = new AtomicInteger();
        app.group("/admin", admin -> {
            admin.use((req, next) -> {
                calls.incrementAndGet();
                return next.handle(req);
            });
            admin.get("/panel", req -> "panel");
        });
        app.group("/public", pub -> pub.get("/page", req -> "page"));
        app.get("/home", req -> "home");

        client.get("/public/page");
        client.get("/home");
        assertThat(calls).hasValue(0);

        client.get("/admin/panel");
        assertThat(calls).hasValue(1);
    }

    @Test
    void groupMiddlewareDoesNotRunForUnmatchedPathsUnderItsPrefix() {
        AtomicInteger calls = new AtomicInteger();
        app.group("/admin", admin -> {
            admin.use((req, next) -> {
                calls.incrementAndGet();
                return next.handle(req);
            });
            admin.get("/panel", req -> "panel");
        });

        assertThat(client.get("/admin/nope").status()).isEqualTo(404);
        assertThat(calls).hasValue(0);
    }

    @Test
    void appMiddlewareRunsForRequestsNoRouteMatches() {
        AtomicInteger calls = new AtomicInteger();
        app.use((req, next) -> {
            calls.incrementAndGet();
            return next.handle(req);
        });
        app.get("/x", req -> "x");

        assertThat(client.get("/nothing").status()).isEqualTo(404);
        assertThat(calls).hasValue(1);
    }

    @Test
    void appMiddlewareCanAnswerInsteadOfA404() {
        app.use((req, next) -> req.path().startsWith("/legacy") ? Response.redirect(301, "/") : next.handle(req));

        TestResponse r = client.get("/legacy/page");

        assertThat(r.status()).isEqualTo(301);
        assertThat(r.header("Location")).contains("/");
    }

    @Test
    void appMiddlewareSeesThe405Response() {
        app.use((req, next) -> next.handle(req) instanceof Response r ? r.header("X-Mw", "1") : null);
        app.get("/x", req -> Response.text("x"));

        TestResponse r = client.delete("/x");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("X-Mw")).contains("1");
    }

    @Test
    void appMiddlewareSeesTheAutomaticOptionsResponse() {
        app.use((req, next) -> next.handle(req) instanceof Response r ? r.header("X-Mw", "1") : null);
        app.get("/x", req -> Response.text("x"));

        TestResponse r = client.send("OPTIONS", "/x", null, Map.of());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("X-Mw")).contains("1");
    }

    @Test
    void aGroupPrefixMustStartWithSlashAndNotEndWithIt() {
        assertThatThrownBy(() -> app.group("api", r -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("group prefix must start with '/'");
        assertThatThrownBy(() -> app.group("/api/", r -> {})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullMiddlewareIsRejected() {
        assertThatThrownBy(() -> app.use(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
