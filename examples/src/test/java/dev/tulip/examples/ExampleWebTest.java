package dev.tulip.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tulip.test.TestResponse;
import dev.tulip.test.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The web page's examples over real sockets: CORS, sessions, CSRF and compression. */
class ExampleWebTest {
    private static final String FORM = "application/x-www-form-urlencoded";

    /** The {@code name=value} of each {@code Set-Cookie}, joined as a {@code Cookie} header sends them. */
    private static String cookies(TestResponse r) {
        return String.join(
                "; ",
                r.headers("set-cookie").stream().map(c -> c.split(";", 2)[0]).toList());
    }

    private static byte[] form(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void corsAnswersThePagesPreflightAndMarksItsResponses() {
        try (var server = TestServer.start(WebExamples.cors(cfg -> cfg.port(0)))) {
            var preflight = server.client()
                    .send(
                            "OPTIONS",
                            "/things/7",
                            null,
                            Map.of(
                                    "Origin", "https://app.example.com",
                                    "Access-Control-Request-Method", "DELETE",
                                    "Access-Control-Request-Headers", "x-csrf-token"));
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("access-control-allow-methods")).hasValue("GET, POST, DELETE");
            assertThat(preflight.header("access-control-allow-credentials")).hasValue("true");
            assertThat(preflight.header("access-control-max-age")).hasValue("600");

            var get = server.client().send("GET", "/things", null, Map.of("Origin", "https://app.example.com"));
            assertThat(get.text()).isEqualTo("[\"a\",\"b\"]");
            assertThat(get.header("access-control-allow-origin")).hasValue("https://app.example.com");
            assertThat(get.header("vary")).hasValue("Origin");

            var other = server.client().send("GET", "/things", null, Map.of("Origin", "https://evil.example"));
            assertThat(other.header("access-control-allow-origin")).isEmpty();
        }
    }

    @Test
    void aSessionLogsInRotatesAndLogsOut() {
        try (var server = TestServer.start(WebExamples.sessions(cfg -> cfg.port(0), WebExamples.KEY))) {
            var client = server.client();
            assertThat(client.get("/me").status()).as("no session: 404").isEqualTo(404);
            assertThat(client.send("POST", "/login", form("user=ada&password=wrong"), Map.of("Content-Type", FORM))
                            .status())
                    .isEqualTo(401);

            var login = client.send("POST", "/login", form("user=ada&password=secret"), Map.of("Content-Type", FORM));
            assertThat(login.status()).isEqualTo(303);
            assertThat(login.header("set-cookie").orElseThrow()).contains("HttpOnly", "SameSite=Lax", "Path=/");
            String cookie = cookies(login);

            assertThat(client.send("GET", "/me", null, Map.of("Cookie", cookie)).text())
                    .isEqualTo("{\"user\":\"ada\"}");
            var logout = client.send("POST", "/logout", null, Map.of("Cookie", cookie));
            assertThat(logout.header("set-cookie").orElseThrow()).contains("Max-Age=0");
        }
    }

    @Test
    void aSessionInTheStoreCountsVisitsWithOnlyItsIdInTheCookie() {
        String oldKey = WebExamples.KEY.replace('0', 'o');
        try (var server = TestServer.start(WebExamples.storedSessions(cfg -> cfg.port(0), WebExamples.KEY, oldKey))) {
            var first = server.client().get("/visits");
            String cookie = cookies(first);
            var second = server.client().send("GET", "/visits", null, Map.of("Cookie", cookie));

            assertThat(first.text()).isEqualTo("{\"visits\":1}");
            assertThat(second.text()).isEqualTo("{\"visits\":2}");
            String payload = new String(
                    Base64.getUrlDecoder().decode(cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf('.'))),
                    StandardCharsets.UTF_8);
            assertThat(payload).doesNotContain("visits");
        }
    }

    @Test
    void theFormNeedsItsCsrfTokenAndTheWebhookDoesNot() {
        try (var server = TestServer.start(WebExamples.csrf(cfg -> cfg.port(0), WebExamples.KEY))) {
            var client = server.client();
            var page = client.get("/form");
            String token = page.text().replaceAll(".*name=_csrf value=([^>]+)>.*", "$1");
            String cookie = cookies(page);

            var forged =
                    client.send("POST", "/transfer", form("amount=5"), Map.of("Content-Type", FORM, "Cookie", cookie));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(forged.json().get("message").asString()).startsWith("CSRF token missing");

            var sent = client.send(
                    "POST",
                    "/transfer",
                    form("amount=5&_csrf=" + token),
                    Map.of("Content-Type", FORM, "Cookie", cookie));
            assertThat(sent.text()).isEqualTo("sent");
            assertThat(client.post("/webhooks/pay", Map.of()).text()).isEqualTo("hooked");
        }
    }

    @Test
    void aSinglePageAppSendsTheCookiesTokenBack() {
        try (var server = TestServer.start(WebExamples.doubleSubmit(cfg -> cfg.port(0), WebExamples.KEY))) {
            var client = server.client();
            var first = client.send("POST", "/api/orders", null, Map.of());
            assertThat(first.status()).isEqualTo(403);

            var page = client.get("/api/orders"); // any response sets the cookie for the scripts
            String cookie = cookies(page);
            String token = cookie.substring("tulip_csrf=".length());

            var ok = client.send("POST", "/api/orders", null, Map.of("Cookie", cookie, "X-CSRF-Token", token));
            assertThat(ok.status()).isEqualTo(201);
        }
    }

    @Test
    void largeBodiesAreGzippedForClientsThatAskAndNoTransformOnesAreNot() throws IOException {
        try (var server = TestServer.start(WebExamples.compression(0))) {
            var plain = server.client().get("/rows");
            var gzipped = server.client().send("GET", "/rows", null, Map.of("Accept-Encoding", "gzip"));
            var signed = server.client().send("GET", "/signed", null, Map.of("Accept-Encoding", "gzip"));

            assertThat(plain.header("content-encoding")).isEmpty();
            assertThat(gzipped.header("content-encoding")).hasValue("gzip");
            assertThat(gzipped.header("vary")).hasValue("Accept-Encoding");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped.bytes()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(plain.text());
            }
            assertThat(signed.header("content-encoding")).isEmpty();
            assertThat(signed.text()).isEqualTo(plain.text());
        }
    }
}
