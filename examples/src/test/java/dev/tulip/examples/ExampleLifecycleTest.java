package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.examples.LifecycleExamples.Db;
import dev.tulip.test.TestServer;
import org.junit.jupiter.api.Test;

class ExampleLifecycleTest {

    @Test
    void resourceIsOpenedBeforeStartSharedAndClosedAfterStop() {
        Db db;
        try (var server = TestServer.start(LifecycleExamples.guide(cfg -> cfg.port(0)))) {
            db = server.app().context().get(LifecycleExamples.DB);
            assertThat(db.isClosed()).isFalse();
            assertThat(server.client().get("/n").text()).isEqualTo("2");
        }
        assertThat(db.isClosed()).as("closed when the app stopped").isTrue();
    }

    @Test
    void resourceJavadocExampleOpensAndClosesThePool() {
        Db db;
        try (var server = TestServer.start(LifecycleExamples.resourceJavadoc(cfg -> cfg.port(0)))) {
            db = server.app().context().get(LifecycleExamples.DB);
            assertThat(server.client().get("/users").text()).isEqualTo("[\"ada\",\"grace\"]");
        }
        assertThat(db.isClosed()).isTrue();
    }

    @Test
    void appContextJavadocExampleServesFromTheSharedResource() {
        try (var server = TestServer.start(LifecycleExamples.appContext(cfg -> cfg.port(0)))) {
            assertThat(server.client().get("/users").text()).isEqualTo("[\"ada\",\"grace\"]");
        }
    }
}
