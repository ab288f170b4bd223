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
    private Store store;
    private DirectClient client;

    @BeforeEach
    void setUp() {
        Tulip app = DemoApp.create(c -> c.port(0));
        client = DirectClient.of(app).start();
        store = app.context().get(DemoApp.STORE);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void putStuffThenSearchUnknownIds() {
        assertThat(client.put("/stuff/x", Map.of("a", 1)).status()).isEqualTo(201);
        assertThat(store.stuff.get("x")).containsEntry("a", 1).containsEntry("_id", "x");
        TestResponse r = client.post("/svc_vt_info/search", Map.of("id", List.of("zz")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("data").size()).isZero();
    }

    @Test
    void missingStuffIs404() {
        assertThat(client.get("/stuff/none").status()).isEqualTo(404);
    }
}
