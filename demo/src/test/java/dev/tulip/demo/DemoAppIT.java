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

/** Every seed endpoint of the demo app, over real sockets (MongoDB embedded, under target/demo-data). */
class DemoAppIT {
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        DemoData.forgetMongo(); // a fresh embedded database: these tests count documents
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
        assertThat(id).matches("[0-9a-f]{24}");

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
        assertThat(mine.has("_id")).isFalse();
    }

    @Test
    void contactsListHonoursTheLimitAndDefaultsToTwenty() {
        for (int i = 0; i < 22; i++) client.post("/new", Map.of("n", i));
        assertThat(client.get("/?limit=2").json().size()).isEqualTo(2);
        assertThat(client.get("/").json().size()).isEqualTo(20);
    }

    @Test
    void aLimitOutOfRangeIs400() {
        assertThat(client.get("/?limit=0").status()).isEqualTo(400);
        assertThat(client.get("/?limit=100000").json().get("message").asString())
                .contains("'limit'");
        assertThat(client.get("/?limit=abc").status()).isEqualTo(400);
    }

    @Test
    void emptyContactIsRejected() {
        TestResponse r = client.post("/new", Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("at least one field");
    }

    @Test
    void anIdSentWithAContactIsIgnored() {
        String id = client.post("/new", Map.of("id", "mine", "name", "x"))
                .json()
                .get("inserted_id")
                .asString();
        assertThat(id).matches("[0-9a-f]{24}");
    }

    @Test
    void contactsWithOperatorOrDottedFieldsAre400() {
        TestResponse dollar = client.post("/new", Map.of("$where", "sleep(1000)"));
        assertThat(dollar.status()).isEqualTo(400);
        assertThat(dollar.json().get("message").asString()).contains("starts with '$'");
        assertThat(client.post("/new", Map.of("a", Map.of("b.c", 1))).status()).isEqualTo(400);
    }

    @Test
    void contactsThatAreNotObjectsOrNotJsonAre400() {
        assertThat(client.post("/new", "[1, 2]").status()).isEqualTo(400);
        assertThat(client.post("/new", "\"ada\"").status()).isEqualTo(400);
        TestResponse malformed = client.post("/new", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("message").asString()).startsWith("malformed JSON");
    }

    @Test
    void aContactNestedDeeperThanMongoDbAllowsIs400() {
        String deep = "{\"a\":".repeat(110) + "1" + "}".repeat(110);
        TestResponse r = client.post("/new", deep);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("levels deep");
    }

    @Test
    void anOversizedBodyIs413() {
        String big = "{\"x\":\"" + "a".repeat(11 * 1024 * 1024) + "\"}";
        assertThat(client.post("/new", big).status()).isEqualTo(413);
    }

    // ---- stuff (seed 002) ----

    @Test
    void stuffPutCreatesThenReplaces() {
        assertThat(client.put("/stuff/s1", Map.of("color", "red")).status()).isEqualTo(201);
        assertThat(client.put("/stuff/s1", Map.of("color", "blue")).status()).isEqualTo(200);
        TestResponse r = client.get("/stuff/s1");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json(Map.class)).isEqualTo(Map.of("id", "s1", "color", "blue"));
    }

    @Test
    void stuffIdsAreAnyStringsNotObjectIds() {
        String id = "not an objectid: ü/42";
        String path = "/stuff/"
                + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20");
        assertThat(client.put(path, Map.of("k", 1)).status()).isIn(200, 201);
        assertThat(client.get(path).json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void theBodysOwnIdCannotMoveTheDocument() {
        client.put("/stuff/s2", Map.of("id", "elsewhere", "_id", "other", "v", 1));
        assertThat(client.get("/stuff/s2").json().get("v").asInt()).isEqualTo(1);
        assertThat(client.get("/stuff/elsewhere").status()).isEqualTo(404);
    }

    @Test
    void missingStuffIs404() {
        assertThat(client.get("/stuff/nope").status()).isEqualTo(404);
    }

    @Test
    void stuffThatIsNotAnObjectOrHasOperatorFieldsIs400() {
        assertThat(client.put("/stuff/s3", "[1]").status()).isEqualTo(400);
        assertThat(client.put("/stuff/s3", Map.of("$set", Map.of("a", 1))).status())
                .isEqualTo(400);
        assertThat(client.put("/stuff/s3", "{oops").status()).isEqualTo(400);
        assertThat(client.get("/stuff/s3").status()).isEqualTo(404);
    }

    @Test
    void anOverlongStuffIdIs400() {
        assertThat(client.put("/stuff/" + "x".repeat(600), Map.of("a", 1)).status())
                .isEqualTo(400);
    }

    // ---- vt-info search (seed 004) ----

    @Test
    void searchReturnsTheDocumentsFound() {
        TestResponse r = client.post("/svc_vt_info/search", Map.of("id", List.of("a1", "c3", "missing")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode data = r.json().get("data");
        assertThat(data.valueStream().map(d -> d.get("id").asString())).containsExactlyInAnyOrder("a1", "c3");
        assertThat(data.valueStream()
                        .filter(d -> d.get("id").asString().equals("a1"))
                        .findFirst()
                        .orElseThrow()
                        .get("name")
                        .asString())
                .isEqualTo("alpha");
    }

    @Test
    void searchWithNoMatchIsAnEmptyList() {
        TestResponse r = client.post("/svc_vt_info/search", Map.of("id", List.of("zz")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data").size()).isZero();
        assertThat(client.post("/svc_vt_info/search", Map.of("id", List.of()))
                        .json()
                        .get("data")
                        .size())
                .isZero();
    }

    @Test
    void searchWithoutIdsIs400WithStatusError() {
        TestResponse r = client.post("/svc_vt_info/search", Map.of("ids", List.of("a1")));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asString()).isEqualTo("error");
        assertThat(r.json().get("message").asString()).contains("'id'");
    }

    @Test
    void anInjectedOperatorIsRefusedByTheDemoItself() {
        TestResponse r = client.post("/svc_vt_info/search", "{\"id\": {\"$ne\": null}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json(Map.class))
                .isEqualTo(Map.of("status", "error", "message", "'id' must be a list of strings, got an object"));
    }

    @Test
    void idsThatAreNotStringsAre400() {
        for (String body :
                List.of("{\"id\": \"a1\"}", "{\"id\": [1]}", "{\"id\": [{\"$gt\": \"\"}]}", "{\"id\": null}", "[]")) {
            TestResponse r = client.post("/svc_vt_info/search", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("status").asString()).as(body).isEqualTo("error");
        }
    }

    @Test
    void malformedJsonInASearchIs400InTheSeedsShape() {
        TestResponse r = client.post("/svc_vt_info/search", "{\"id\": [");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("status").asString()).isEqualTo("error");
        assertThat(r.json().get("message").asString()).startsWith("malformed JSON");
    }

    // ---- the README's curl session ----

    @Test
    void theReadmesCurlSessionAnswersAsDocumented() {
        String id = client.post("/new", Map.of("name", "masnun"))
                .json()
                .get("inserted_id")
                .asString();
        assertThat(client.get("/?limit=1000").json().valueStream())
                .anySatisfy(c -> assertThat(c.toString()).isEqualTo("{\"id\":\"" + id + "\",\"name\":\"masnun\"}"));
        String stuffId = "readme-" + id;
        assertThat(client.put("/stuff/" + stuffId, Map.of("colour", "red")).status())
                .isEqualTo(201);
        assertThat(client.put("/stuff/" + stuffId, Map.of("colour", "red")).status())
                .isEqualTo(200);
        TestResponse found = client.post("/svc_vt_info/search", Map.of("id", List.of("a1", "b2")));
        assertThat(found.json().get("data").size()).isEqualTo(2);
    }
}
