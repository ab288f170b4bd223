package dev.tulip.test;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.*;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

class RequestTest {

    record Pet(String name, int age) {}

    record Owner(String name, List<Pet> pets) {}

    private final Tulip app = Tulip.create();
    private final DirectClient client = DirectClient.of(app);

    @AfterEach
    void stopTheApp() {
        client.close();
    }

    private TestResponse post(String path, String body, String contentType) {
        return client.send(
                "POST",
                path,
                body.getBytes(UTF_8),
                contentType == null ? Map.of() : Map.of("Content-Type", contentType));
    }

    private static String message(TestResponse r) {
        return r.json().get("message").asString();
    }

    // ---- request line ----------------------------------------------------------------------------

    @Test
    void methodPathUriAndVersionAreAsSent() {
        app.get("/a/{x}", req -> req.method() + " " + req.path() + " " + req.uri() + " " + req.version());

        assertThat(client.get("/a/b%20c?q=1").text()).isEqualTo("GET /a/b%20c /a/b%20c?q=1 HTTP/1.1");
    }

    // ---- query -----------------------------------------------------------------------------------

    @Test
    void queryReturnsTheFirstValue() {
        app.get("/q", req -> req.query("a").orElse("none"));

        assertThat(client.get("/q?a=1&a=2").text()).isEqualTo("1");
    }

    @Test
    void queryOfAMissingParameterIsEmptyOrTheDefault() {
        app.get("/q", req -> req.query("a").isPresent() + " " + req.query("a", "dflt"));

        assertThat(client.get("/q?b=1").text()).isEqualTo("false dflt");
    }

    @Test
    void queryWithoutQueryStringIsEmpty() {
        app.get("/q", req -> "[" + req.rawQuery() + "] " + req.queryParams());

        assertThat(client.get("/q").text()).isEqualTo("[] {}");
        assertThat(client.get("/q?").text()).isEqualTo("[] {}");
    }

    @Test
    void rawQueryIsStillEncoded() {
        app.get("/q", req -> req.rawQuery());

        assertThat(client.get("/q?a=b+c%26d").text()).isEqualTo("a=b+c%26d");
    }

    @Test
    void queryValuesArePercentAndPlusDecoded() {
        app.get("/q", req -> req.query("q").orElseThrow());

        assertThat(client.get("/q?q=caf%C3%A9+au+lait%26more%2B").text()).isEqualTo("café au lait&more+");
    }

    @Test
    void queryNamesAreDecodedToo() {
        app.get("/q", req -> req.query("a b").orElseThrow());

        assertThat(client.get("/q?a+b=1").text()).isEqualTo("1");
    }

    @Test
    void aParameterWithoutEqualsSignHasAnEmptyValue() {
        app.get("/q", req -> "[" + req.query("flag").orElseThrow() + "]");

        assertThat(client.get("/q?flag&x=1").text()).isEqualTo("[]");
    }

    @Test
    void emptyPairsAreSkipped() {
        app.get("/q", req -> req.queryParams().toString());

        assertThat(client.get("/q?&a=1&&b=2&").text()).isEqualTo("{a=[1], b=[2]}");
    }

    @Test
    void queryAllReturnsEveryValueInOrder() {
        app.get("/q", req -> req.queryAll("tag"));

        assertThat(client.get("/q?tag=b&x=0&tag=a&tag=c").json(String[].class)).containsExactly("b", "a", "c");
    }

    @Test
    void queryAllOfAMissingParameterIsEmpty() {
        app.get("/q", req -> req.queryAll("tag"));

        assertThat(client.get("/q").json(String[].class)).isEmpty();
    }

    @Test
    void brokenPercentEncodingInTheQueryIsABadRequest() {
        app.get("/q", req -> req.query("a").orElse(""));

        TestResponse r = client.get("/q?a=%zz");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).startsWith("malformed query");
    }

    @Test
    void queryIntParsesTheValue() {
        app.get("/q", req -> req.queryInt("page", 1));

        assertThat(client.get("/q?page=-7").text()).isEqualTo("-7");
        assertThat(client.get("/q?page=%2042").text()).isEqualTo("42");
    }

    @Test
    void queryIntOfAMissingParameterIsTheDefault() {
        app.get("/q", req -> req.queryInt("page", 1));

        assertThat(client.get("/q").text()).isEqualTo("1");
    }

    @Test
    void queryIntOfANonIntegerIsABadRequestNamingTheParameter() {
        app.get("/q", req -> req.queryInt("page", 1));

        TestResponse r = client.get("/q?page=two");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).isEqualTo("query parameter 'page' must be an integer, was 'two'");
    }

    @Test
    void queryIntOfAnOverflowingNumberIsABadRequest() {
        app.get("/q", req -> req.queryInt("n", 0));

        assertThat(client.get("/q?n=2147483648").status()).isEqualTo(400);
    }

    @Test
    void requiredAccessorsAnswer400NamingWhatIsMissing() {
        app.get("/q", req -> req.queryRequired("q"));
        app.get("/n", req -> req.queryInt("n") + req.queryLong("m"));
        app.get("/h", req -> req.headerRequired("X-Token"));
        app.post("/f", req -> req.formRequired("name"));

        assertThat(message(client.get("/q"))).isEqualTo("query parameter 'q' is required");
        assertThat(client.get("/q?q=x").text()).isEqualTo("x");
        assertThat(message(client.get("/n?m=1"))).isEqualTo("query parameter 'n' is required");
        assertThat(message(client.get("/n?n=1"))).isEqualTo("query parameter 'm' is required");
        assertThat(message(client.get("/n?n=x&m=1"))).isEqualTo("query parameter 'n' must be an integer, was 'x'");
        assertThat(client.get("/n?n=2&m=3").text()).isEqualTo("5");
        assertThat(client.get("/h").status()).isEqualTo(400);
        assertThat(message(client.get("/h"))).isEqualTo("header 'X-Token' is required");
        assertThat(message(post("/f", "other=1", "application/x-www-form-urlencoded")))
                .isEqualTo("form field 'name' is required");
        assertThat(post("/f", "name=Ann", "application/x-www-form-urlencoded").text())
                .isEqualTo("Ann");
    }

    @Test
    void queryLongParsesBeyondTheIntRange() {
        app.get("/q", req -> req.queryLong("n", 0));

        assertThat(client.get("/q?n=9000000000").text()).isEqualTo("9000000000");
        assertThat(client.get("/q").text()).isEqualTo("0");
    }

    @Test
    void queryLongOfANonIntegerIsABadRequest() {
        app.get("/q", req -> req.queryLong("n", 0));

        TestResponse r = client.get("/q?n=1.5");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).contains("'n'");
    }

    @Test
    void queryBooleanAcceptsTheUsualSpellings() {
        app.get("/q", req -> req.queryBoolean("on", false));

        for (String t : List.of("true", "1", "yes", "on", "TRUE"))
            assertThat(client.get("/q?on=" + t).text()).as(t).isEqualTo("true");
        for (String f : List.of("false", "0", "no", "off"))
            assertThat(client.get("/q?on=" + f).text()).as(f).isEqualTo("false");
    }

    @Test
    void queryBooleanOfAMissingParameterIsTheDefault() {
        app.get("/q", req -> req.queryBoolean("on", true));

        assertThat(client.get("/q").text()).isEqualTo("true");
    }

    @Test
    void queryBooleanOfAnythingElseIsABadRequest() {
        app.get("/q", req -> req.queryBoolean("on", false));

        TestResponse r = client.get("/q?on=maybe");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).isEqualTo("query parameter 'on' must be true or false, was 'maybe'");
    }

    // ---- path parameters ---------------------------------------------------------------------------

    @Test
    void pathParamIsDecoded() {
        app.get("/files/{name}", req -> req.pathParam("name"));

        assertThat(client.get("/files/my%20file.txt").text()).isEqualTo("my file.txt");
    }

    @Test
    void pathParamsListsEveryParameterInOrder() {
        app.get("/{a}/x/{b}", req -> req.pathParams().toString());

        assertThat(client.get("/1/x/2").text()).isEqualTo("{a=1, b=2}");
    }

    @Test
    void pathIntReadsAnIntParameter() {
        app.get("/users/{id:int}", req -> req.pathInt("id") + 1);

        assertThat(client.get("/users/-41").json().asInt()).isEqualTo(-40);
    }

    @Test
    void pathIntOfANonIntegerIsABadRequest() {
        app.get("/users/{id}", req -> req.pathInt("id"));

        TestResponse r = client.get("/users/abc");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).isEqualTo("path parameter 'id' must be an integer, was 'abc'");
    }

    @Test
    void aTypedRouteAnswers404ForAValueOfTheWrongType() {
        app.get("/users/{id:int}", req -> req.pathInt("id"));

        assertThat(client.get("/users/abc").status()).isEqualTo(404);
    }

    @Test
    void pathLongReadsALongParameter() {
        app.get("/n/{n:long}", req -> req.pathLong("n") == 9_000_000_000L);

        assertThat(client.get("/n/9000000000").text()).isEqualTo("true");
    }

    @Test
    void pathLongOfANonIntegerIsABadRequest() {
        app.get("/n/{n}", req -> req.pathLong("n"));

        assertThat(client.get("/n/x").status()).isEqualTo(400);
    }

    @Test
    void pathUuidReadsAUuidParameter() {
        UUID id = UUID.randomUUID();
        app.get("/o/{id:uuid}", req -> req.pathUuid("id").equals(id));

        assertThat(client.get("/o/" + id).text()).isEqualTo("true");
    }

    @Test
    void pathUuidOfANonUuidIsABadRequest() {
        app.get("/o/{id}", req -> req.pathUuid("id"));

        TestResponse r = client.get("/o/nope");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).isEqualTo("path parameter 'id' must be a UUID, was 'nope'");
    }

    @Test
    void askingForAnUndeclaredPathParameterIsAServerError() {
        app.get("/o/{id}", req -> req.pathParam("other"));

        assertThat(client.get("/o/1").status()).isEqualTo(500);
    }

    // ---- headers and cookies -----------------------------------------------------------------------

    @Test
    void headersAreCaseInsensitive() {
        app.get(
                "/h",
                req -> req.header("x-token").orElse("-") + " "
                        + req.header("X-TOKEN").orElse("-") + " "
                        + req.headers().first("X-Token").orElse("-"));

        TestResponse r = client.send("GET", "/h", null, Map.of("X-Token", "abc"));

        assertThat(r.text()).isEqualTo("abc abc abc");
    }

    @Test
    void aMissingHeaderIsEmpty() {
        app.get("/h", req -> req.header("X-Nope").isEmpty());

        assertThat(client.get("/h").text()).isEqualTo("true");
    }

    @Test
    void contentTypeComesFromTheHeader() {
        app.post("/h", req -> req.contentType().orElse("none"));

        assertThat(post("/h", "x", "text/csv").text()).isEqualTo("text/csv");
    }

    @Test
    void cookiesAreParsedFromTheCookieHeader() {
        app.get("/c", req -> req.cookies().toString());

        TestResponse r = client.send("GET", "/c", null, Map.of("Cookie", "a=1; b=two;c=3"));

        assertThat(r.text()).isEqualTo("{a=1, b=two, c=3}");
    }

    @Test
    void cookieReturnsOneCookieByName() {
        app.get(
                "/c",
                req -> req.cookie("session").orElse("none") + " "
                        + req.cookie("other").orElse("none"));

        assertThat(client.send("GET", "/c", null, Map.of("Cookie", "session=abc"))
                        .text())
                .isEqualTo("abc none");
    }

    @Test
    void quotedCookieValuesAreUnquoted() {
        app.get("/c", req -> req.cookie("a").orElseThrow());

        assertThat(client.send("GET", "/c", null, Map.of("Cookie", "a=\"quoted\""))
                        .text())
                .isEqualTo("quoted");
    }

    @Test
    void aCookieValueMayContainEqualsSigns() {
        app.get("/c", req -> req.cookie("t").orElseThrow());

        assertThat(client.send("GET", "/c", null, Map.of("Cookie", "t=a=b==")).text())
                .isEqualTo("a=b==");
    }

    @Test
    void theFirstOfTwoCookiesWithTheSameNameWins() {
        app.get("/c", req -> req.cookie("a").orElseThrow());

        assertThat(client.send("GET", "/c", null, Map.of("Cookie", "a=1; a=2")).text())
                .isEqualTo("1");
    }

    @Test
    void malformedCookiePairsAreSkipped() {
        app.get("/c", req -> req.cookies().toString());

        assertThat(client.send("GET", "/c", null, Map.of("Cookie", "junk; =x; a=1;;"))
                        .text())
                .isEqualTo("{a=1}");
    }

    @Test
    void noCookieHeaderMeansNoCookies() {
        app.get("/c", req -> req.cookies().isEmpty());

        assertThat(client.get("/c").text()).isEqualTo("true");
    }

    // ---- body as bytes and text ----------------------------------------------------------------------

    @Test
    void bodyIsTheBytesSent() {
        app.post("/b", req -> req.body().length);

        assertThat(client.send("POST", "/b", new byte[] {1, 2, 3}, Map.of()).text())
                .isEqualTo("3");
    }

    @Test
    void aRequestWithoutBodyHasAnEmptyBody() {
        app.get("/b", req -> req.body().length + ":" + req.text());

        assertThat(client.get("/b").text()).isEqualTo("0:");
    }

    @Test
    void textIsUtf8ByDefault() {
        app.post("/t", req -> req.text());

        assertThat(post("/t", "café", "text/plain").text()).isEqualTo("café");
    }

    @Test
    void textUsesTheCharsetOfTheContentType() {
        app.post("/t", req -> req.text());

        TestResponse r = client.send(
                "POST",
                "/t",
                "café".getBytes(ISO_8859_1),
                Map.of("Content-Type", "text/plain; charset=\"ISO-8859-1\""));

        assertThat(r.text()).isEqualTo("café");
    }

    @Test
    void anUnknownCharsetIsUnsupportedMediaType() {
        app.post("/t", req -> req.text());

        TestResponse r = post("/t", "x", "text/plain; charset=klingon");

        assertThat(r.status()).isEqualTo(415);
        assertThat(message(r)).isEqualTo("unsupported charset 'klingon'");
    }

    // ---- form --------------------------------------------------------------------------------------

    @Test
    void aFormBodyIsParsedAndDecoded() {
        app.post(
                "/f",
                req -> req.formValue("name").orElseThrow() + "|" + req.form().get("tag"));

        TestResponse r = post("/f", "name=J%C3%B6rg+M&tag=a&tag=b+c", "application/x-www-form-urlencoded");

        assertThat(r.text()).isEqualTo("Jörg M|[a, b c]");
    }

    @Test
    void aFormContentTypeWithACharsetIsAccepted() {
        app.post("/f", req -> req.formValue("a").orElseThrow());

        assertThat(post("/f", "a=1", "Application/X-WWW-Form-Urlencoded; charset=UTF-8")
                        .text())
                .isEqualTo("1");
    }

    @Test
    void aMissingFormFieldIsEmpty() {
        app.post("/f", req -> req.formValue("nope").isPresent());

        assertThat(post("/f", "a=1", "application/x-www-form-urlencoded").text())
                .isEqualTo("false");
    }

    @Test
    void anEmptyFormBodyHasNoFields() {
        app.post("/f", req -> req.form().isEmpty());

        assertThat(post("/f", "", "application/x-www-form-urlencoded").text()).isEqualTo("true");
    }

    @Test
    void aFormWithoutTheFormContentTypeIsUnsupportedMediaType() {
        app.post("/f", req -> req.form());

        TestResponse r = post("/f", "{\"a\":1}", "application/json");

        assertThat(r.status()).isEqualTo(415);
        assertThat(message(r))
                .isEqualTo("expected Content-Type application/x-www-form-urlencoded, was 'application/json'");
    }

    @Test
    void aFormWithoutAnyContentTypeIsUnsupportedMediaType() {
        app.post("/f", req -> req.form());

        TestResponse r = post("/f", "a=1", null);

        assertThat(r.status()).isEqualTo(415);
        assertThat(message(r)).endsWith("was none");
    }

    @Test
    void aFormWithBrokenEncodingIsABadRequest() {
        app.post("/f", req -> req.form());

        TestResponse r = post("/f", "a=%G1", "application/x-www-form-urlencoded");

        assertThat(r.status()).isEqualTo(400);
        assertThat(message(r)).startsWith("malformed form body");
    }

    // ---- JSON --------------------------------------------------------------------------------------

    @Test
    void jsonReadsARecord() {
        app.post("/pets", req -> {
            Pet p = req.json(Pet.class);
            return p.name() + " is " + p.age();
        });

        assertThat(post("/pets", "{\"name\":\"Rex\",\"age\":3}", "application/json")
                        .text())
                .isEqualTo("Rex is 3");
    }

    @Test
    void jsonReadsNestedRecordsAndLists() {
        app.post("/owners", req -> req.json(Owner.class).pets().get(1).name());

        String body = "{\"name\":\"Ann\",\"pets\":[{\"name\":\"Rex\",\"age\":3},{\"name\":\"Tom\",\"age\":1}]}";
        assertThat(post("/owners", body, "application/json").text()).isEqualTo("Tom");
    }

    @Test
    void jsonReadsAGenericType() {
        app.post("/pets", req -> req.json(new TypeReference<List<Pet>>() {}).size());

        assertThat(post("/pets", "[{\"name\":\"a\",\"age\":1},{\"name\":\"b\",\"age\":2}]", "application/json")
                        .text())
                .isEqualTo("2");
    }

    // ---- attributes, context, connection -----------------------------------------------------------

    @Test
    void attributesCarryValuesFromMiddlewareToTheHandler() {
        app.use((req, next) -> {
            req.attribute("user", "ann");
            return next.handle(req);
        });
        app.get("/me", req -> req.attribute("user", String.class).orElse("nobody"));

        assertThat(client.get("/me").text()).isEqualTo("ann");
    }

    @Test
    void anAttributeOfAnotherTypeIsEmpty() {
        app.get("/a", req -> {
            req.attribute("n", 42);
            return req.attribute("n", String.class).isPresent() + " "
                    + req.attribute("n", Integer.class).orElseThrow();
        });

        assertThat(client.get("/a").text()).isEqualTo("false 42");
    }

    @Test
    void settingAnAttributeToNullIsAnErrorThatPointsToRemoveAttribute() {
        app.get("/a", req -> {
            req.attribute("x", (Object) null);
            return "set";
        });
        app.exception(IllegalArgumentException.class, (e, req) -> e.getMessage());

        assertThat(client.get("/a").text()).contains("removeAttribute");
    }

    @Test
    void removeAttributeRemovesIt() {
        app.get("/a", req -> {
            req.attribute("x", "1");
            req.removeAttribute("x");
            return req.attribute("x", Object.class).isPresent();
        });

        assertThat(client.get("/a").text()).isEqualTo("false");
    }

    @Test
    void attributesDoNotOutliveTheirRequest() {
        app.get("/a", req -> {
            boolean seen = req.attribute("x", String.class).isPresent();
            req.attribute("x", "1");
            return seen;
        });

        client.get("/a");
        assertThat(client.get("/a").text()).isEqualTo("false");
    }

    @Test
    void contextIsTheAppsSharedContext() {
        var key = dev.tulip.Key.of("shared", StringBuilder.class);
        app.context().put(key, new StringBuilder("shared"));
        app.get("/ctx", req -> req.context().get(key).toString());

        assertThat(client.get("/ctx").text()).isEqualTo("shared");
    }

    @Test
    void remoteAddressIsTheClient() {
        app.get("/ip", req -> req.remoteAddress().getAddress().getHostAddress());

        assertThat(client.get("/ip").text()).isEqualTo("127.0.0.1");
    }
}
