package dev.tulip.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.*;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NonBlockingAwaitIT {

    private static TestServer server;

    @BeforeAll
    static void start() {
        Tulip app = Tulip.create(c -> c.port(0).eventLoops(1));
        app.get("/nb/await", Handler.nonBlocking(req -> Tulip.await(CompletableFuture.supplyAsync(() -> "never"))));
        app.get("/nb/await-refusal", Handler.nonBlocking(req -> {
            try {
                return Tulip.await(CompletableFuture.completedFuture("never"));
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }));
        app.get("/nb/stage", Handler.nonBlocking(req -> CompletableFuture.supplyAsync(() -> "staged")));
        app.get("/vt/await", req -> Tulip.await(CompletableFuture.supplyAsync(() -> "awaited")));
        server = TestServer.start(app);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void awaitInANonBlockingHandlerIsRefusedWithA500() {
        TestResponse r = server.client().get("/nb/await");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("message").asString()).isEqualTo("internal error");
    }

    @Test
    void theRefusalSaysAwaitWouldBlockTheEventLoop() {
        TestResponse r = server.client().get("/nb/await-refusal");

        assertThat(r.text()).startsWith("Tulip.await would block the event loop");
    }

    @Test
    void aNonBlockingHandlerMayReturnTheStageInstead() {
        TestResponse r = server.client().get("/nb/stage");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("staged");
    }

    @Test
    void awaitInABlockingHandlerWorksOverASocket() {
        TestResponse r = server.client().get("/vt/await");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo("awaited");
    }

    @Test
    void theLoopStillServesAfterARefusedAwait() {
        server.client().get("/nb/await");

        assertThat(server.client().get("/nb/stage").status()).isEqualTo(200);
    }
}
