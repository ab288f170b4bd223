package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.Tulip;
import dev.tulip.examples.IntegrationExamples.Hits;
import dev.tulip.test.TestServer;
import org.junit.jupiter.api.Test;

class ExampleIntegrationTest {

    @Test
    void theArchitectureGuidesIntegrationCountsRequestsByRoute() {
        var hits = new Hits();
        var app = Tulip.create(cfg -> cfg.port(0)).install(hits);
        app.get("/users/{id:int}", req -> "user " + req.pathInt("id"));
        try (var server = TestServer.start(app)) {
            server.client().get("/users/1");
            server.client().get("/users/2");
            server.client().get("/nowhere");
            assertThat(server.client()
                            .get("/hits")
                            .json()
                            .get("/users/{id:int}")
                            .asInt())
                    .isEqualTo(2);
        }
        assertThat(hits.snapshot()).containsEntry("(no route)", 1L).containsEntry("/hits", 1L);
    }

    @Test
    void oneHitsValueInstallsIntoOneApp() {
        var hits = new Hits();
        Tulip.create().install(hits);

        assertThatThrownBy(() -> Tulip.create().install(hits)).hasMessageContaining("another app");
    }
}
