package dev.tulip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tulip.HttpException;
import dev.tulip.Response;
import dev.tulip.Tulip;
import dev.tulip.test.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** JSON both ways, and statuses outside 2xx as a specific exception unless the raw response is asked for. */
class JsonIT {
    record User(String name, int age) {}

    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() {
        Tulip app = Tulip.create(cfg -> cfg.port(0));
        app.post("/users", req -> Response.json(201, req.json(User.class)));
        app.get("/users/1", req -> new User("Ada", 36));
        app.post("/raw", req -> req.text());
        app.get("/missing", req -> {
            throw HttpException.notFound("no such user");
        });
        app.get(
                "/headers",
                req -> Map.of(
                        "agent", req.header("User-Agent").orElse("-"),
                        "key", req.header("X-Key").orElse("-"),
                        "query", req.rawQuery()));
        server = TestServer.start(app);
        url = server.client().baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRecordGoesOutAsJsonAndComesBackAsARecord() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            assertThat(http.post("/users").json(new User("Grace", 45)).as(User.class))
                    .isEqualTo(new User("Grace", 45));
            assertThat(http.get("/users/1").as(User.class)).isEqualTo(new User("Ada", 36));
        }
    }

    @Test
    void aBodyReadsAsATree() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            JsonNode tree = http.get("/users/1").as(JsonNode.class);
            assertThat(tree.get("name").asString()).isEqualTo("Ada");
        }
    }

    @Test
    void aStatusOutside2xxIsAnExceptionCarryingStatusAndBody() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            assertThatThrownBy(() -> http.get("/missing").as(User.class))
                    .isInstanceOfSatisfying(HttpStatusException.class, e -> {
                        assertThat(e.responseStatus()).isEqualTo(404);
                        assertThat(e.body()).contains("no such user");
                        assertThat(e.status()).isEqualTo(502);
                        assertThat(e.getMessage()).isEqualTo("the server answered 404 to: GET " + url + "/missing");
                    });
        }
    }

    @Test
    void theRawResponseIsReturnedWhateverItsStatus() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url))) {
            ClientResponse r = http.get("/missing").send();
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.isSuccess()).isFalse();
            assertThat(r.as(JsonNode.class).get("message").asString()).isEqualTo("no such user");
            assertThat(r.header("content-type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        }
    }

    @Test
    void defaultHeadersAndQueryParametersAreSentEscaped() {
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).header("X-Key", "k1"))) {
            JsonNode sent =
                    http.get("/headers").query("q", "a b&c").query("n", 2).as(JsonNode.class);
            assertThat(sent.get("agent").asString()).isEqualTo("tulip-client");
            assertThat(sent.get("key").asString()).isEqualTo("k1");
            assertThat(sent.get("query").asString()).isEqualTo("q=a%20b%26c&n=2");
            assertThat(http.get("/headers")
                            .header("x-key", "k2")
                            .as(JsonNode.class)
                            .get("key")
                            .asString())
                    .isEqualTo("k2");
        }
    }

    @Test
    void aMapperOfTheConfigIsUsed() {
        JsonMapper upper = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .build();
        try (Http http = Http.open(cfg -> cfg.baseUrl(url).jsonMapper(upper))) {
            assertThat(http.post("/raw").json(new User("Ada", 36)).text()).isEqualTo("{\"Name\":\"Ada\",\"Age\":36}");
            assertThat(http.post("/raw").json(List.of(1)).send().header("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        }
    }
}
