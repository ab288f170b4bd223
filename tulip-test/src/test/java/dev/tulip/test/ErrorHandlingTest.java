package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.*;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest {

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    private TestResponse throwing(Exception e) {
        app.get("/boom", req -> {
            throw e;
        });
        return client.get("/boom");
    }

    // ---- HttpException and unexpected exceptions ----------------------------------------------------

    @Test
    void anHttpExceptionIsAJsonErrorWithStatusErrorAndMessage() {
        TestResponse r = throwing(new HttpException(409, "name already taken"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).contains("application/json");
        assertThat(r.text()).isEqualTo("{\"status\":409,\"error\":\"Conflict\",\"message\":\"name already taken\"}");
    }

    @Test
    void httpExceptionShortcutsHaveTheirStatus() {
        app.get("/bad", req -> {
            throw HttpException.badRequest("nope");
        });
        app.get("/missing", req -> {
            throw HttpException.notFound("gone");
        });

        assertThat(client.get("/bad").status()).isEqualTo(400);
        assertThat(client.get("/missing").json().get("message").asString()).isEqualTo("gone");
    }

    @Test
    void anHttpExceptionWithAnUncommonStatusGetsAGenericReason() {
        TestResponse r = throwing(new HttpException(499, "client went away"));

        assertThat(r.status()).isEqualTo(499);
        assertThat(r.json().get("error").asString()).isEqualTo("Client Error");
    }

    @Test
    void anUncaughtRuntimeExceptionIsA500ThatDoesNotLeakItsMessage() {
        TestResponse r = throwing(new IllegalStateException("password=hunter2"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text())
                .isEqualTo("{\"status\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error\"}");
    }

    @Test
    void anUncaughtCheckedExceptionIsA500() {
        TestResponse r = throwing(new IOException("disk /secret full"));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.text()).doesNotContain("secret");
    }

    // ---- exception handlers ------------------------------------------------------------------------

    @Test
    void anExceptionHandlerTurnsItsTypeIntoAResponse() {
        app.exception(IllegalStateException.class, (e, req) -> Response.text(503, "try later: " + e.getMessage()));

        TestResponse r = throwing(new IllegalStateException("busy"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).isEqualTo("try later: busy");
    }

    @Test
    void anExceptionHandlerAppliesToSubtypes() {
        app.exception(IllegalArgumentException.class, (e, req) -> Response.text(422, "invalid"));

        assertThat(throwing(new NumberFormatException("x")).status()).isEqualTo(422);
    }

    @Test
    void theMostSpecificExceptionHandlerWins() {
        app.exception(RuntimeException.class, (e, req) -> Response.text(500, "runtime"));
        app.exception(IllegalArgumentException.class, (e, req) -> Response.text(422, "illegal argument"));
        app.exception(Exception.class, (e, req) -> Response.text(500, "exception"));

        assertThat(throwing(new NumberFormatException()).text()).isEqualTo("illegal argument");
    }

    @Test
    void aMoreGeneralHandlerCatchesWhatNoSpecificOneDoes() {
        app.exception(RuntimeException.class, (e, req) -> Response.text(500, "runtime"));
        app.exception(IllegalArgumentException.class, (e, req) -> Response.text(422, "illegal argument"));

        assertThat(throwing(new IllegalStateException()).text()).isEqualTo("runtime");
    }

    @Test
    void anExceptionHandlerMayReturnAnyHandlerResult() {
        record Problem(String detail) {}
        app.exception(IllegalStateException.class, (e, req) -> new Problem(e.getMessage()));

        TestResponse r = throwing(new IllegalStateException("as json"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Problem.class)).isEqualTo(new Problem("as json"));
    }

    @Test
    void anExceptionHandlerMayReturnACompletionStage() {
        app.exception(
                IllegalStateException.class,
                (e, req) -> CompletableFuture.supplyAsync(() -> Response.text(503, "later")));

        TestResponse r = throwing(new IllegalStateException());

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.text()).isEqualTo("later");
    }

    @Test
    void anExceptionHandlerCanReplaceTheDefaultHttpExceptionBody() {
        app.exception(HttpException.class, (e, req) -> Response.text(e.status(), "custom " + e.status()));

        TestResponse r = throwing(new HttpException(404, "x"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo("custom 404");
    }

    @Test
    void anExceptionHandlerAlsoHandlesRequestsNoRouteMatches() {
        app.exception(HttpException.class, (e, req) -> Response.text(e.status(), "custom " + e.status()));
        app.get("/x", req -> "x");

        assertThat(client.get("/nothing").text()).isEqualTo("custom 404");
    }

    @Test
    void anExceptionHandlerThatFailsGivesA500() {
        app.exception(IllegalStateException.class, (e, req) -> {
            throw new RuntimeException("handler broke: secret");
        });

        TestResponse r = throwing(new IllegalStateException());

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asString()).isEqualTo("internal error");
    }

    @Test
    void anExceptionHandlerForACheckedExceptionCatchesIt() {
        app.exception(IOException.class, (e, req) -> Response.text(502, "upstream"));

        assertThat(throwing(new IOException()).status()).isEqualTo(502);
    }

    // ---- 404, 405, OPTIONS -------------------------------------------------------------------------

    @Test
    void anUnknownPathIsA404JsonError() {
        app.get("/x", req -> "x");

        TestResponse r = client.get("/nothing?q=1");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text())
                .isEqualTo("{\"status\":404,\"error\":\"Not Found\",\"message\":\"GET /nothing: not found\"}");
    }

    @Test
    void every404HasTheSameJsonShapeWhateverMadeIt() {
        app.get("/null", req -> null);
        app.get("/empty", req -> Optional.empty());
        app.get("/explicit", req -> Response.notFound());
        app.get("/thrown", req -> {
            throw new HttpException(404, "no such pet");
        });

        for (String path : List.of("/none", "/null", "/empty", "/explicit", "/thrown")) {
            TestResponse r = client.get(path);

            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("content-type")).as(path).hasValue("application/json");
            assertThat(r.json().propertyNames()).as(path).containsExactly("status", "error", "message");
            assertThat(r.json().get("error").asString()).isEqualTo("Not Found");
        }
        assertThat(client.get("/none").json().get("message").asString()).isEqualTo("GET /none: not found");
        assertThat(client.get("/null").json().get("message").asString()).isEqualTo("GET /null: not found");
        assertThat(client.get("/explicit").json().get("message").asString()).isEqualTo("not found");
    }

    @Test
    void responseErrorMakesTheSameShapeForAnyErrorStatus() {
        app.get("/teapot", req -> Response.error(418, "short and stout").header("X-Kind", "teapot"));

        TestResponse r = client.get("/teapot");

        assertThat(r.status()).isEqualTo(418);
        assertThat(r.text()).isEqualTo("{\"status\":418,\"error\":\"Client Error\",\"message\":\"short and stout\"}");
        assertThat(r.header("x-kind")).hasValue("teapot");
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405WithAllow() {
        app.get("/x", req -> "x");
        app.post("/x", req -> "x");

        TestResponse r = client.delete("/x");

        assertThat(r.status()).isEqualTo(405);
        assertThat(r.header("Allow")).contains("GET, HEAD, OPTIONS, POST");
        assertThat(r.json().get("error").asString()).isEqualTo("Method Not Allowed");
        assertThat(r.json().get("message").asString())
                .isEqualTo("DELETE is not allowed on /x; allowed: GET, HEAD, OPTIONS, POST");
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        app.get("/x", req -> "x");
        app.delete("/x", req -> "x");

        TestResponse r = client.send("OPTIONS", "/x", null, Map.of());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).contains("DELETE, GET, HEAD, OPTIONS");
        assertThat(r.bytes()).isEmpty();
    }

    @Test
    void optionsOnAParameterRouteListsItsMethods() {
        app.put("/items/{id:int}", req -> "x");

        TestResponse r = client.send("OPTIONS", "/items/3", null, Map.of());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).contains("OPTIONS, PUT");
    }

    @Test
    void optionsOnAnUnknownPathIsA404() {
        app.get("/x", req -> "x");

        assertThat(client.send("OPTIONS", "/nothing", null, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void optionsStarListsEveryMethod() {
        TestResponse r = client.send("OPTIONS", "*", null, Map.of());

        assertThat(r.status()).isEqualTo(204);
        assertThat(r.header("Allow")).contains("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    }

    @Test
    void anExplicitOptionsRouteReplacesTheAutomaticAnswer() {
        app.get("/x", req -> "x");
        app.options("/x", req -> Response.noContent().header("Allow", "GET").header("X-Custom", "1"));

        TestResponse r = client.send("OPTIONS", "/x", null, Map.of());

        assertThat(r.header("X-Custom")).contains("1");
        assertThat(r.header("Allow")).contains("GET");
    }

    @Test
    void aMalformedPathIsABadRequest() {
        app.get("/files/{name}", req -> req.pathParam("name"));

        TestResponse r = client.get("/files/%E0%A4");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).startsWith("malformed path");
    }
}
