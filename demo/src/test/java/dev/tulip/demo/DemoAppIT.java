package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every seed endpoint of the demo app, over real sockets. */
class DemoAppIT {
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

    // ---- contacts (seed 000) ----

    @Test
    void contactsInsertedAreListed() {
        TestResponse created = client.post("/new", Map.of("name", "Ada", "phone", "555-0100"));
        assertThat(created.status()).isEqualTo(200);
        String id = created.json().get("inserted_id").asString();
        assertThat(id).hasSize(24);

        TestResponse list = client.get("/?limit=1000");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.header("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode mine = list.json()
                .valueStream()
                .filter(c -> c.get("id").asString().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(mine.get("name").asString()).isEqualTo("Ada");
        assertThat(mine.get("phone").asString()).isEqualTo("555-0100");
    }

    @Test
    void contactsListHonoursTheLimit() {
        for (int i = 0; i < 3; i++) client.post("/new", Map.of("n", i));
        assertThat(client.get("/?limit=2").json().size()).isEqualTo(2);
    }

    @Test
    void emptyContactIsRejected() {
        TestResponse r = client.post("/new", Map.of());
        assertThat(r.status()).isEqualTo(400);
    }

    // ---- stuff (seed 002) ----

    @Test
    void stuffPutCreatesThenReplaces() {
        assertThat(client.put("/stuff/s1", Map.of("color", "red")).status()).isEqualTo(201);
        assertThat(client.put("/stuff/s1", Map.of("color", "blue")).status()).isEqualTo(200);
        TestResponse r = client.get("/stuff/s1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Map.class)).isEqualTo(Map.of("_id", "s1", "color", "blue"));
    }

    @Test
    void missingStuffIs404() {
        assertThat(client.get("/stuff/nope").status()).isEqualTo(404);
    }

    // ---- vt-info search (seed 004) ----

    @Test
    void searchReturnsTheDocumentsFound() {
        TestResponse r = client.post("/svc_vt_info/search", Map.of("id", List.of("a1", "c3", "missing")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.valueStream().map(d -> d.get("_id").asString())).containsExactlyInAnyOrder("a1", "c3");
        assertThat(data.valueStream()
                        .filter(d -> d.get("_id").asString().equals("a1"))
                        .findFirst()
                        .orElseThrow()
                        .get("name")
                        .asString())
                .isEqualTo("alpha");
    }

    @Test
    void searchWithoutIdsIs400WithStatusError() {
        TestResponse r = client.post("/svc_vt_info/search", Map.of("ids", List.of("a1")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asString()).isEqualTo("error");
        assertThat(r.json().get("message").asString()).contains("'id'");
    }
}
