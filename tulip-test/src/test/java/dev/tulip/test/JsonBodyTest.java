package dev.tulip.test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.Tulip;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** The default mapper's strictness, as a table of bodies and the status and message each gets. */
class JsonBodyTest {
    enum Size {
        SMALL,
        LARGE
    }

    record Item(String name, int qty, Double price, Boolean gift, Size size, List<String> tags) {}

    record Order(String ref, List<Item> items, Map<String, Integer> counts, UUID id, BigDecimal total, long seq) {}

    record Checked(String code) {
        Checked {
            if (code != null && code.length() != 3) throw new IllegalArgumentException("code must have 3 letters");
        }
    }

    static final class NoAccessors {
        final int hidden = 1;
    }

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    JsonBodyTest() {
        app.post("/item", req -> req.json(Item.class).toString());
        app.post("/order", req -> req.json(Order.class).toString());
        app.post("/checked", req -> req.json(Checked.class).toString());
        app.post("/tree", req -> req.json(JsonNode.class).toString());
        app.post("/any", req -> req.json(Object.class).toString());
    }

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    private TestResponse post(String path, String body) {
        return client.send("POST", path, body.getBytes(UTF_8), Map.of("Content-Type", "application/json"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /item  | {"qty":"3"}                    | field 'qty': expected an integer, got "3"
            /item  | {"qty":3.7}                    | field 'qty': expected an integer, got 3.7
            /item  | {"qty":3.0}                    | field 'qty': expected an integer, got 3.0
            /item  | {"qty":1e2}                    | field 'qty': expected an integer, got 100.0
            /item  | {"qty":99999999999}            | field 'qty': 99999999999 is out of range for a 32-bit integer
            /item  | {"qty":null}                   | field 'qty' must not be null
            /item  | {"name":"a"}                   | field 'qty' is required
            /item  | {"qty":1,"name":123}           | field 'name': expected a string, got 123
            /item  | {"qty":1,"name":true}          | field 'name': expected a string, got true
            /item  | {"qty":1,"name":{}}            | field 'name': expected a string, got an object
            /item  | {"qty":1,"price":"1.5"}        | field 'price': expected a number, got "1.5"
            /item  | {"qty":1,"gift":1}             | field 'gift': expected true or false, got 1
            /item  | {"qty":1,"gift":"true"}        | field 'gift': expected true or false, got "true"
            /item  | {"qty":1,"size":"HUGE"}        | field 'size': expected one of SMALL, LARGE, got "HUGE"
            /item  | {"qty":1,"size":0}             | field 'size': expected one of SMALL, LARGE, got 0
            /item  | {"qty":1,"tags":"x"}           | field 'tags': expected an array, got "x"
            /item  | {"qty":1,"tags":[1]}           | field 'tags[0]': expected a string, got 1
            /item  | {"qty":1,"color":"red"}        | field 'color' is not allowed here (expected one of: gift, name, price, qty, size, tags)
            /item  | {"qty":1,"qty":2}              | duplicate field 'qty' (line 1, column 15)
            /item  | [1]                            | body: expected an object, got an array
            /item  | "x"                            | body: expected an object, got "x"
            /item  | null                           | body: expected a JSON value, got null
            /item  | {"qty":1} {}                   | malformed JSON: more than one value in the body (line 1, column 11)
            /item  | `{"qty": 1, `                  | malformed JSON: the body ends before the value does (line 1, column 12)
            /item  | {"qty": nope}                  | malformed JSON: unexpected 'n' (line 1, column 9)
            /item  | {"qty": 1,}                    | malformed JSON: unexpected '}' (line 1, column 11)
            /order | {"items":[{"qty":1},{"qty":"x"}],"seq":1} | field 'items[1].qty': expected an integer, got "x"
            /order | {"counts":{"a":"1"},"seq":1}   | field 'counts.a': expected an integer, got "1"
            /order | {"id":"not-a-uuid","seq":1}    | field 'id': expected a UUID string, got "not-a-uuid"
            /order | {"total":"9.99","seq":1}       | field 'total': expected a number, got "9.99"
            /checked | {"code":"abcd"}              | body: code must have 3 letters
            /tree  | {"a":1,"a":2}                  | duplicate field 'a' (line 1, column 11)
            """)
    void aBodyOfTheWrongShapeIsABadRequestSayingWhatAndWhere(String path, String body, String message) {
        TestResponse r = post(path, body);

        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /item  | {"qty":3}                       | Item[name=null, qty=3, price=null, gift=null, size=null, tags=null]
            /item  | {"qty":-3,"price":2}            | Item[name=null, qty=-3, price=2.0, gift=null, size=null, tags=null]
            /item  | {"qty":1,"size":"LARGE","tags":[]} | Item[name=null, qty=1, price=null, gift=null, size=LARGE, tags=[]]
            /order | {"seq":9223372036854775807,"total":0.10} | Order[ref=null, items=null, counts=null, id=null, total=0.10, seq=9223372036854775807]
            /tree  | [1,"a",null]                    | [1,"a",null]
            /any   | {"a":[true]}                    | {a=[true]}
            """)
    void aBodyOfTheRightShapeIsRead(String path, String body, String read) {
        TestResponse r = post(path, body);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(read);
    }

    @Test
    void noMessageNamesAJavaOrJacksonType() {
        for (String body : List.of(
                "{\"qty\":\"3\"}", "{\"qty\":1,\"tags\":\"x\"}", "\"x\"", "{\"qty\":1,\"color\":1}", "{\"qty\":}")) {
            String message = post("/item", body).json().get("message").asString();

            assertThat(message)
                    .doesNotContain("Item", "java.", "Jackson", "JsonToken", "coercion", "CoercionConfig", "`");
        }
    }

    @Test
    void nestingBeyondTheLimitIsABadRequestNamingTheLimit() {
        int depth = 128 + 1;

        TestResponse r = post("/any", "[".repeat(depth) + "]".repeat(depth));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString())
                .startsWith("JSON exceeds a limit: nested deeper than 128 levels");
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        int depth = 128;

        assertThat(post("/any", "[".repeat(depth) + "]".repeat(depth)).status()).isEqualTo(200);
    }

    @Test
    void aNumberLongerThanTheLimitIsABadRequest() {
        TestResponse r = post("/any", "[" + "1".repeat(100 + 1) + "]");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).startsWith("JSON exceeds a limit: a number longer than 100");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        TestResponse r = client.send("POST", "/item", null, Map.of("Content-Type", "application/json"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).isEqualTo("a JSON body is required");
    }

    @Test
    void anObjectWithNothingToEncodeIsAServerErrorNotAnEmptyObject() {
        app.get("/opaque", req -> new NoAccessors());

        assertThat(client.get("/opaque").status()).isEqualTo(500);
    }

    @Test
    void aCompressedBodyIsUnsupportedMediaTypeNotMalformedJson() throws Exception {
        var gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write("{\"qty\":1}".getBytes(UTF_8));
        }
        TestResponse r = client.send(
                "POST",
                "/item",
                gz.toByteArray(),
                Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"));

        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("message").asString())
                .isEqualTo("Content-Encoding 'gzip' is not supported for this body; send it uncompressed");
        assertThat(client.send(
                                "POST",
                                "/item",
                                "{\"qty\":1}".getBytes(UTF_8),
                                Map.of("Content-Type", "application/json", "Content-Encoding", "identity"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anyDeclaredContentTypeIsReadAsJsonAsTheSeedsCurlLinesSendIt() {
        TestResponse r = client.send(
                "POST",
                "/item",
                "{\"qty\":2}".getBytes(UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("qty=2");
    }
}
