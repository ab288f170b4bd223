package dev.tulip.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.tulip.Tulip;
import dev.tulip.test.TestClient;
import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that goes away answers 503 within a second; service is back within 5 s of its return. */
class UnavailableIT {

    private static MongoServer server(int port) {
        MongoServer s = new MongoServer(new MemoryBackend());
        if (port == 0) s.bind();
        else s.bind("127.0.0.1", port);
        return s;
    }

    @Test
    void aStoppedServerIsA503WithinASecondAndServiceResumesWhenItIsBack() throws Exception {
        MongoServer db = server(0);
        int port = ((InetSocketAddress) db.getLocalAddress()).getPort();
        Mongo mongo = Mongo.create(cfg -> cfg.uri("mongodb://127.0.0.1:" + port + "/t"));
        Tulip app = Tulip.create(c -> c.port(0));
        app.install(mongo);
        var coll = mongo.collection("c");
        app.post("/c", req -> Map.of("id", coll.insertOne(req.json(tools.jackson.databind.node.ObjectNode.class))));
        try (TestServer http = TestServer.start(app)) {
            TestClient client = http.client();
            assertThat(client.post("/c", Map.of("n", 1)).status()).isEqualTo(200);

            db.shutdownNow();
            for (int i = 0; i < 2; i++) { // a broken pooled connection, then no server at all
                long t0 = System.nanoTime();
                TestResponse down = client.post("/c", Map.of("n", 2));
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.json().get("message").asString()).contains("MongoDB is unavailable");
                assertThat(took).isLessThan(Duration.ofSeconds(1));
            }

            MongoServer again = server(port);
            try (http) {
                long t0 = System.nanoTime();
                int status;
                do {
                    status = client.post("/c", Map.of("n", 3)).status();
                } while (status != 200
                        && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
                assertThat(status).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            } finally {
                again.shutdownNow(); // after the app (and its client) stopped
            }
        }
    }

    @Test
    void noServerAtAllIsA503TooNotAHang() {
        Mongo mongo = Mongo.create(cfg -> cfg.uri("mongodb://127.0.0.1:1/t"));
        Tulip app = Tulip.create(c -> c.port(0));
        app.install(mongo);
        var coll = mongo.collection("c");
        app.get("/n", req -> coll.count(Filter.all()));
        try (TestServer http = TestServer.start(app)) {
            long t0 = System.nanoTime();
            assertThat(http.client().get("/n").status()).isEqualTo(503);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
