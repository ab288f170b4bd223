package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.pg.Pg;
import dev.tulip.pg.Subscription;
import dev.tulip.pg.embedded.EmbeddedPg;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's PostgreSQL examples on a real (embedded) PostgreSQL. */
class ExamplePgTest {
    private static EmbeddedPg postgres;
    private static TestServer server;
    private static TestClient client;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPg.startTemporary();
        server = TestServer.start(PgExamples.app(cfg -> cfg.port(0), postgres.url()));
        client = server.client();
    }

    @AfterAll
    static void stop() {
        server.stop();
        postgres.close();
    }

    private int create(String name, String price) {
        var r = client.post("/products", Map.of("name", name, "price", new java.math.BigDecimal(price)));
        assertThat(r.status()).isEqualTo(201);
        return r.json().get("id").asInt();
    }

    @Test
    void aProductIsCreatedReadAsARecordAndDeleted() {
        int id = create("tulip", "2.50");
        var got = client.get("/products/" + id).json();
        assertThat(got.get("name").asString()).isEqualTo("tulip");
        assertThat(got.get("createdAt").isNull()).isFalse();
        assertThat(client.get("/fast/products/" + id).json().get("price").decimalValue())
                .isEqualByComparingTo("2.50");
        assertThat(client.delete("/products/" + id).status()).isEqualTo(204);
        assertThat(client.get("/products/" + id).status()).isEqualTo(404);
    }

    @Test
    void aNegativePriceIs422NamingTheConstraint() {
        var r = client.post("/products", Map.of("name", "free money", "price", -1));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("message").asString()).contains("product_price_check");
    }

    @Test
    void productsFetchedTogetherComeBackInOrder() {
        int a = create("a", "1"), b = create("b", "2");
        var r = client.get("/products/by-ids?id=" + b + "&id=" + a + "&id=999999");
        assertThat(r.json().valueStream().map(p -> p.get("name").asString()).toList())
                .containsExactly("b", "a");
    }

    @Test
    void theDiscountIsCommittedInATransaction() {
        int id = create("rose", "10");
        assertThat(client.post("/products/" + id + "/discount", "")
                        .json()
                        .get("price")
                        .decimalValue())
                .isEqualByComparingTo("9.0");
        assertThat(client.post("/products/999999/discount", "").status()).isEqualTo(404);
        assertThat(client.post("/products/reprice", "").status()).isEqualTo(200);
    }

    @Test
    void anImportKeepsTheGoodRowsWhenOneBreaksARule() {
        var r = client.post(
                "/products/import", List.of(Map.of("name", "ok", "price", 1), Map.of("name", "", "price", 1)));
        assertThat(r.json().get("imported").asInt()).isEqualTo(1);
    }

    @Test
    void theCsvIsStreamedFromACursor() {
        create("csv", "3");
        var r = client.get("/products.csv");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains(",csv,3\n");
        assertThat(client.get("/products.json").json().isArray()).isTrue();
    }

    @Test
    void aNotificationArrivesAndCopyLoadsRows() throws Exception {
        try (Pg pg = Pg.connect(cfg -> cfg.url(postgres.url()))) {
            List<String> seen = new CopyOnWriteArrayList<>();
            try (Subscription sub = PgExamples.listen(pg, seen, new CopyOnWriteArrayList<>())) {
                long end = System.nanoTime() + 10_000_000_000L;
                while (seen.isEmpty() && System.nanoTime() < end) Thread.sleep(10);
                assertThat(seen).containsExactly("product 1 changed");
            }
            assertThat(PgExamples.bulk(pg, 1000)).isEqualTo(1000);
        }
    }

    @Test
    void theEmbeddedServerServesWhenThereIsNoDatabaseUrl(@TempDir Path data) {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DATABASE_URL") == null);
        try (var s = TestServer.start(PgExamples.withEmbedded(cfg -> cfg.port(0), data))) {
            assertThat(s.client().get("/version").text()).startsWith("14.");
        }
    }
}
