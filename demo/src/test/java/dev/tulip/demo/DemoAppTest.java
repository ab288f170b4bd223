package dev.tulip.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import dev.tulip.test.DirectClient;
import dev.tulip.test.TestResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Demo routes through the router without sockets; the app's resources open as on the server. */
class DemoAppTest {
    private DirectClient client;

    @BeforeEach
    void setUp() {
        Tulip app = DemoApp.create(c -> c.port(0));
        client = DirectClient.of(app).start();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void putStuffThenSearchUnknownIds() {
        String id = "x-" + System.nanoTime();
        assertThat(client.put("/stuff/" + id, Map.of("a", 1)).status()).isEqualTo(201);
        assertThat(client.get("/stuff/" + id).json(Map.class)).isEqualTo(Map.of("id", id, "a", 1));
        TestResponse r = client.post("/svc_vt_info/search", Map.of("id", List.of("zz")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data").size()).isZero();
    }

    @Test
    void missingStuffIs404() {
        assertThat(client.get("/stuff/none").status()).isEqualTo(404);
    }
}
