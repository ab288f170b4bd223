package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 001's users on the demo's embedded PostgreSQL, over real sockets. */
class UsersIT {
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(DemoApp.create(c -> c.port(0)));
        client = server.client();
    }

    @AfterAll
    static void stop() {
        assertThat(server.stop()).isTrue();
    }

    private static String uniqueEmail() {
        return UUID.randomUUID() + "@example.com";
    }

    @Test
    void theMigrationCreatedTheTableWithItsSampleUsers() {
        TestResponse r = client.get("/users");
        assertThat(r.status()).isEqualTo(200);
        List<String> names =
                r.json().valueStream().map(u -> u.get("name").asString()).toList();
        assertThat(names).startsWith("Ada", "Linus");
    }

    @Test
    void aUserIsFetchedById() {
        TestResponse r = client.get("/users/1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Map.class)).isEqualTo(Map.of("id", 1, "name", "Ada", "email", "ada@example.com"));
    }

    @Test
    void aCreatedUserIs201WithItsIdAndCanBeFetched() {
        String email = uniqueEmail();
        TestResponse created = client.post("/users", Map.of("name", "Grace", "email", email));
        assertThat(created.status()).isEqualTo(201);
        int id = created.json().get("id").asInt();
        assertThat(created.json().get("email").asString()).isEqualTo(email);
        assertThat(created.header("Location")).hasValue("/users/" + id);
        TestResponse fetched = client.get("/users/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("name").asString()).isEqualTo("Grace");
    }

    @Test
    void anUnknownUserIs404() {
        assertThat(client.get("/users/999999").status()).isEqualTo(404);
    }

    @Test
    void aNonNumericIdIs404() {
        assertThat(client.get("/users/abc").status()).isEqualTo(404);
    }

    @Test
    void anEmptyNameIs422NamingTheField() {
        TestResponse r = client.post("/users", Map.of("name", "  ", "email", uniqueEmail()));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("message").asString()).contains("'name'");
    }

    @Test
    void anInvalidEmailIs422NamingTheField() {
        TestResponse r = client.post("/users", Map.of("name", "Bob", "email", "not-an-email"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("message").asString()).contains("'email'");
    }

    @Test
    void aDuplicateEmailIs409NamingTheConstraint() {
        TestResponse r = client.post("/users", Map.of("name", "Ada again", "email", "ada@example.com"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asString())
                .contains("users_email_key")
                .doesNotContainIgnoringCase("insert");
    }

    @Test
    void malformedJsonIs400() {
        assertThat(client.post("/users", "{\"name\": ").status()).isEqualTo(400);
    }

    @Test
    void aWrongTypeIs400() {
        assertThat(client.post("/users", Map.of("name", 5, "email", List.of())).status())
                .isEqualTo(400);
    }
}
