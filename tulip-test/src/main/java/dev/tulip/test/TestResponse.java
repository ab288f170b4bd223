package dev.tulip.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/** A response as a test sees it: status, headers (names in lower case, looked up case-insensitively) and body. */
public final class TestResponse {

    private final int status;
    private final Map<String, List<String>> headers;
    private final byte[] body;

    TestResponse(int status, Map<String, List<String>> headers, byte[] body) {
        this.status = status;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        this.headers = java.util.Collections.unmodifiableMap(h);
        this.body = body;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** The first value of header {@code name}. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.getFirst());
    }

    /** All values of header {@code name}. */
    public List<String> headers(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** All headers, names in lower case (the map looks names up case-insensitively). */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body bytes. */
    public byte[] bytes() {
        return body.clone();
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed as JSON into {@code type}. */
    public <T> T json(Class<T> type) {
        return Json.MAPPER.readValue(body, type);
    }

    /** The body parsed as a JSON tree. */
    public JsonNode json() {
        return Json.MAPPER.readTree(body);
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + (body.length > 200 ? text().substring(0, 200) + "..." : text());
    }
}
