package dev.tulip.internal;

import static dev.tulip.internal.Fuzz.forAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tulip.HttpException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a request carries besides its head, under generated input: percent-decoding, query and
 * form parsing, cookies, routing and JSON bodies. Each either gives a value that round-trips or
 * fails the documented way (a 400, an {@code IllegalArgumentException} the dispatcher turns into
 * one, a JSON message in JSON's words) — never another exception.
 */
class DecodingFuzzTest {
    /** Text of any code points, surrogate pairs and controls included. */
    private static String unicode(SplittableRandom r, int max) {
        var b = new StringBuilder();
        for (int i = 0, n = r.nextInt(max + 1); i < n; i++) {
            int kind = r.nextInt(4);
            int cp = switch (kind) {
                case 0 -> r.nextInt(0x80);
                case 1 -> 0x80 + r.nextInt(0x800 - 0x80);
                case 2 -> 0x1F300 + r.nextInt(0x400); // outside the BMP
                default -> " &=+%;,\"".charAt(r.nextInt(8));
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    private static String ascii(SplittableRandom r, String alphabet, int max) {
        var b = new StringBuilder();
        for (int i = 0, n = r.nextInt(max + 1); i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void percentDecodingUndoesEncoding() {
        forAll(r -> {
            String s = unicode(r, 30);
            assertThat(PercentDecoder.decode(encode(s), true)).isEqualTo(s);
        });
    }

    @Test
    void percentDecodingOfAnyTextDecodesOrRefusesWithIllegalArgument() {
        forAll(r -> {
            String s = ascii(r, "%0aF9gZ+/ \u00e9", 20);
            try {
                PercentDecoder.decode(s, r.nextBoolean());
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).containsAnyOf("percent-escape", "not UTF-8");
            }
        });
    }

    @Test
    void aQueryBuiltFromPairsParsesBackToThemInOrder() {
        forAll(r -> {
            Map<String, List<String>> pairs = new LinkedHashMap<>();
            var q = new StringBuilder();
            for (int i = 0, n = r.nextInt(6); i < n; i++) {
                String k = unicode(r, 6);
                if (k.isEmpty()) continue;
                String v = unicode(r, 10);
                pairs.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
                if (!q.isEmpty()) q.append(r.nextBoolean() ? "&" : "&&");
                q.append(encode(k)).append('=').append(encode(v));
            }
            assertThat(ServerRequest.parseUrlEncoded(q.toString(), "query")).isEqualTo(pairs);
        });
    }

    @Test
    void anyQueryParsesOrIsA400() {
        forAll(r -> {
            try {
                ServerRequest.parseUrlEncoded(ascii(r, "ab=&%2Fz+;é\u0000", 30), "query");
            } catch (HttpException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.getMessage()).startsWith("malformed query");
            }
        });
    }

    @Test
    void anyCookieHeaderGivesCookiesAndNeverAnException() {
        forAll(r -> {
            String header = ascii(r, "ab=; \"\t,=%\u00e9", 40);
            var headers = HeaderList.readOnly(new String[] {"Cookie", header}, 1);
            var req = new ServerRequest("GET", "/", "HTTP/1.1", headers, new byte[0], null, null, null);
            for (var e : req.cookies().entrySet()) {
                assertThat(e.getKey()).isNotBlank().doesNotContain(";").doesNotContain("=");
                assertThat(e.getValue()).doesNotContain(";");
            }
        });
    }

    @Test
    void routingAnyPathFindsARouteNothingOrRefusesThePath() {
        Router<String> router = new Router<>();
        for (String p : List.of(
                "/",
                "/users",
                "/users/{id:int}",
                "/users/{id:int}/posts/{slug:[a-z-]+}",
                "/files/{rest:path}",
                "/a/{x}",
                "/a/b",
                "/u/{id:uuid}",
                "/n/{n:long}")) router.add("GET", p, p);
        forAll(r -> {
            String path = "/" + ascii(r, "ab/usersfil%2e%2E%00%2F0129-.{}~", 30);
            try {
                Router.Found<String> found = router.find("GET", path);
                if (found == null) return;
                for (String v : found.values()) assertThat(v).doesNotContain("\u0000");
                if (found.route().value().equals("/users/{id:int}"))
                    assertThat(Integer.parseInt(found.values()[0])).isNotNull();
            } catch (IllegalArgumentException refused) {
                // a malformed path: the dispatcher answers 400
            }
        });
    }

    @Test
    void anyJsonBodyBindsOrGivesAMessageInJsonsWords() {
        record Item(String name, int qty, List<String> tags) {}
        JsonMapper mapper = Json.newDefaultMapper();
        String[] seeds = {
            "{\"name\":\"a\",\"qty\":3,\"tags\":[\"x\"]}", "[1,2]", "{\"qty\":\"3\"}", "{\"name\":null}", "null", "{}"
        };
        forAll(r -> {
            var b = new StringBuilder(seeds[r.nextInt(seeds.length)]);
            for (int m = 0, n = r.nextInt(4); m < n && !b.isEmpty(); m++) {
                int at = r.nextInt(b.length());
                switch (r.nextInt(3)) {
                    case 0 -> b.setCharAt(at, "{}[]\",:0e.-tn\\".charAt(r.nextInt(14)));
                    case 1 -> b.deleteCharAt(at);
                    default -> b.insert(at, "{}[]\",:9".charAt(r.nextInt(8)));
                }
            }
            byte[] body = b.toString().getBytes(StandardCharsets.UTF_8);
            for (Class<?> type : List.of(Item.class, JsonNode.class)) {
                try {
                    mapper.readValue(body, type);
                } catch (JacksonException e) {
                    String message = JsonErrors.badRequest(e, body).getMessage();
                    assertThat(message)
                            .as("a client's message names no Java or Jackson type: %s", message)
                            .doesNotContain("java.", "jackson", "Jackson", "DecodingFuzzTest", "Item", "JsonNode");
                } catch (RuntimeException other) {
                    fail("reading %s as %s threw %s", b, type.getSimpleName(), other);
                }
            }
        });
    }
}
