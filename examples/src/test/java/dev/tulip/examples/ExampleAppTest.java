package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guide's first app, run as a program (its {@code app.run(args)} owns the JVM). */
class ExampleAppTest {

    @Test
    void usersAppSavesAndFindsUsersAndAnswers404ForNull() throws Exception {
        try (ChildJvm app = ChildJvm.run(AnApp.class, "--port", "0")) {
            var client = new TestClient("http://127.0.0.1:" + app.port());

            var missing = client.get("/users/1");
            assertThat(missing.status()).as("null -> 404").isEqualTo(404);
            assertThat(missing.header("Content-Type")).hasValue("application/json");

            var created = client.post("/users", Map.of("name", "Ada"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.text()).isEqualTo("{\"id\":1,\"name\":\"Ada\"}");

            assertThat(client.get("/users/1").text()).isEqualTo("{\"id\":1,\"name\":\"Ada\"}");
            assertThat(client.get("/users/abc").status())
                    .as("not an int: no route")
                    .isEqualTo(404);
            assertThat(app.terminate()).isZero();
        }
    }
}
