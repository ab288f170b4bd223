package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.*;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    @Test
    void eachShortcutRegistersItsMethod() {
        app.get("/x", req -> "get");
        app.post("/x", req -> "post");
        app.put("/x", req -> "put");
        app.patch("/x", req -> "patch");
        app.delete("/x", req -> "delete");
        app.head("/h", req -> Response.noContent().header("X-Head", "1"));

        for (String m : new String[] {"GET", "POST", "PUT", "PATCH", "DELETE"}) {
            assertThat(client.send(m, "/x", null, Map.of()).text()).isEqualTo(m.toLowerCase());
        }
        assertThat(client.send("HEAD", "/h", null, Map.of()).header("X-Head")).contains("1");
    }

    @Test
    void anyTokenMethodCanBeRouted() {
        app.route("PROPFIND", "/dav", req -> "props");

        assertThat(client.send("PROPFIND", "/dav", null, Map.of()).text()).isEqualTo("props");
    }

    @Test
    void routeMethodsAreUpperCased() {
        app.route("get", "/x", req -> "x");

        assertThat(client.get("/x").text()).isEqualTo("x");
    }

    @Test
    void aMethodThatIsNotATokenIsRejected() {
        assertThatThrownBy(() -> app.route("GE T", "/x", req -> "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad method: GE T");
        assertThatThrownBy(() -> app.route("", "/x", req -> "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullHandlerIsRejected() {
        assertThatThrownBy(() -> app.get("/x", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handler must not be null");
    }

    @Test
    void aDuplicateRouteIsRejectedAtRegistration() {
        app.get("/x", req -> "x");

        assertThatThrownBy(() -> app.get("/x", req -> "y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route GET /x is already registered");
    }

    @Test
    void aDuplicateRouteThroughAGroupIsRejected() {
        app.get("/api/x", req -> "x");

        assertThatThrownBy(() -> app.group("/api", api -> api.get("/x", req -> "y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("route GET /api/x is already registered");
    }

    @Test
    void aBadPatternIsRejectedAtRegistration() {
        assertThatThrownBy(() -> app.get("/files/{rest:path}/meta", req -> "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be the last segment");
    }

    @Test
    void nonBlockingRejectsNullAndDoubleWrapping() {
        assertThatThrownBy(() -> Handler.nonBlocking(null)).isInstanceOf(IllegalArgumentException.class);
        Handler nb = Handler.nonBlocking(req -> "x");
        assertThatThrownBy(() -> Handler.nonBlocking(nb))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("handler is already non-blocking");
    }

    @Test
    void aNonBlockingHandlerAnswersThroughTheDirectClient() {
        app.get("/fast", Handler.nonBlocking(req -> "fast"));

        assertThat(client.get("/fast").text()).isEqualTo("fast");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "/files/..",
                "/files/a/../../etc/passwd",
                "/files/%2e%2e/secret",
                "/files/a/%2E%2E%2Fb",
                "/files/.",
                "/files/a%00.txt",
                "/one/..",
                "/one/%2e%2e",
                "/one/%00"
            })
    void pathParametersNeverHoldDotSegmentsOrNul(String path) {
        app.get("/files/{rest:path}", req -> "file " + req.pathParam("rest"));
        app.get("/one/{name}", req -> "one " + req.pathParam("name"));

        TestResponse r = client.get(path);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).startsWith("malformed path: a path parameter may not");
    }

    @Test
    void dotsInsideANameAreFine() {
        app.get("/files/{rest:path}", req -> req.pathParam("rest"));
        app.get("/one/{name}", req -> req.pathParam("name"));

        assertThat(client.get("/files/a/..b/.c/x..y").text()).isEqualTo("a/..b/.c/x..y");
        assertThat(client.get("/one/...").text()).isEqualTo("...");
        assertThat(client.get("/one/.env").text()).isEqualTo(".env");
    }
}
