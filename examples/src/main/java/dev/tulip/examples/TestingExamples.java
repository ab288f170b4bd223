package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Config;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.examples.AnApp.NewUser;
import dev.tulip.examples.AnApp.Users;
import dev.tulip.test.DirectClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.util.Map;
import java.util.function.Consumer;

/** Testing: the real server on a free port and a client for it, as a user's tests use them. */
public final class TestingExamples {
    private TestingExamples() {}

    /** The app under test in the examples: a hello world and a users service. */
    public static final class MyApp {
        private MyApp() {}

        /** Creates the app with {@code config}. */
        public static Tulip create(Consumer<Config.Builder> config) {
            var users = new Users();
            var app = Tulip.create(config);
            app.get("/hello", req -> Map.of("hello", "world"));
            app.post("/users", req -> Response.json(201, users.save(req.json(NewUser.class))));
            return app;
        }
    }

    /** The guide's test; throws {@link AssertionError} if the app does not answer as it says. */
    public static void guideTest() {
        // tag::guide-testing[]
        try (var server = TestServer.start(MyApp.create(cfg -> cfg.port(0)))) {
            TestResponse r = server.client().post("/users", Map.of("name", "Ada"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().get("name").asString()).isEqualTo("Ada");
        }
        // end::guide-testing[]
    }

    /** The {@link DirectClient} javadoc's test. */
    public static void directClientJavadoc() {
        Tulip app = MyApp.create(cfg -> cfg.port(0));
        // tag::direct-client-javadoc[]
        try (var client = DirectClient.of(app)) {
            assertThat(client.get("/hello").status()).isEqualTo(200);
        }
        // end::direct-client-javadoc[]
    }

    /** The {@link TestServer} javadoc's test. */
    public static void testServerJavadoc() {
        // tag::test-server-javadoc[]
        try (var server = TestServer.start(MyApp.create(cfg -> cfg.port(0)))) {
            assertThat(server.client().get("/hello").status()).isEqualTo(200);
        }
        // end::test-server-javadoc[]
    }
}
