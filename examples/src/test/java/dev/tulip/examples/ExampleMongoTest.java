package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.mongo.embedded.EmbeddedMongo;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guide's MongoDB examples, answering as docs/guide/mongo.md says. */
class ExampleMongoTest {
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(MongoExamples.app(cfg -> cfg.port(0), EmbeddedMongo.inMemory()));
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aContactInsertedIsListedWithItsIdAsAString() {
        String id = client.post("/contacts", Map.of("name", "masnun"))
                .json()
                .get("inserted_id")
                .asString();
        assertThat(client.get("/contacts").json().valueStream())
                .anySatisfy(c -> assertThat(c.toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"masnun\"}"));
        assertThat(client.get("/contacts/" + id).json().get("name").asString()).isEqualTo("masnun");
        assertThat(client.get("/contacts/nope").status()).isEqualTo(400);
        assertThat(client.get("/contacts/65a1b2c3d4e5f60718293a4b").status()).isEqualTo(404);
    }

    @Test
    void queriesFilterSortAndCount() {
        client.post("/contacts", Map.of("name", "grace", "added", 1));
        client.post("/contacts", Map.of("name", "grace", "added", 2));
        assertThat(client.get("/contacts/by-name/grace")
                        .json()
                        .valueStream()
                        .map(c -> c.get("added").asInt()))
                .containsExactly(2, 1);
        assertThat(client.get("/contacts/by-name/grace?skip=1").json().size()).isEqualTo(1);
        assertThat(client.get("/contacts-count").json().get("count").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(client.get("/contacts/export").text()).contains("\"grace\"");
    }

    @Test
    void anUpsertAnswers201ThenUpdates200() {
        assertThat(client.put("/stuff/42", Map.of("colour", "red")).status()).isEqualTo(201);
        assertThat(client.put("/stuff/42", Map.of("colour", "blue")).status()).isEqualTo(200);
        var found = client.post("/stuff/search", Map.of("id", List.of("42", "43")))
                .json()
                .get("data");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("colour").asString()).isEqualTo("blue");
    }

    @Test
    void injectedOperatorsAreRefusedWith400() {
        assertThat(client.post("/stuff/search", "{\"id\": {\"$ne\": null}}").status())
                .isEqualTo(400);
        assertThat(client.post("/stuff/where", "{\"colour\": {\"$gt\": \"\"}}").status())
                .isEqualTo(400);
        assertThat(client.post("/stuff/where", Map.of("colour", "nothing-like-this"))
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void recordsWithAUniqueEmailAnswer409OnADuplicate() {
        var created = client.post("/people", Map.of("name", "Ada", "email", "ada@example.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(client.post("/people", Map.of("name", "Ada", "email", "ada@example.com"))
                        .status())
                .isEqualTo(409);
        String id = created.json().get("id").asString();
        assertThat(client.send("POST", "/people/" + id + "/rename", "Ada L.".getBytes(), Map.of())
                        .text())
                .isEqualTo("1");
    }
}
