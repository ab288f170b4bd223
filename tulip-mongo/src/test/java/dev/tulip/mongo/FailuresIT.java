package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Failures a handler lets through answer with their status and a message, over HTTP. */
class FailuresIT {
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        MongoApp m = MongoApp.create();
        var people = m.mongo.collection("people");
        m.app.onAfterStart(ctx -> people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)));
        m.app.post("/people", req -> Map.of("id", people.insertOne(req.json(ObjectNode.class))));
        m.app.get("/people/{id}", req -> people.findById(req.pathParam("id")));
        m.app.post(
                "/people/search",
                req -> people.find(Filter.fromJson(req.json(ObjectNode.class))).list(10));
        server = TestServer.start(m.app);
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void aDuplicateKeyIsA409() {
        assertThat(client.post("/people", Map.of("email", "a@example.com")).status())
                .isEqualTo(200);
        TestResponse r = client.post("/people", Map.of("email", "a@example.com"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("message").asString()).contains("exists already");
    }

    @Test
    void aMalformedObjectIdInThePathIsA400() {
        TestResponse r = client.get("/people/not-an-id");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("24 hexadecimal digits");
    }

    @Test
    void aWellFormedIdThatIsNotThereIsA404() {
        assertThat(client.get("/people/65a1b2c3d4e5f60718293a4b").status()).isEqualTo(404);
    }

    @Test
    void aDocumentWithAnOperatorFieldIsA400() {
        TestResponse r = client.post("/people", Map.of("$where", "1"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("starts with '$'");
    }

    @Test
    void anInjectedOperatorInASearchIsA400FromTulip() {
        TestResponse r = client.post("/people/search", Map.of("email", Map.of("$ne", "")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("operator '$ne' is not allowed");
    }
}
