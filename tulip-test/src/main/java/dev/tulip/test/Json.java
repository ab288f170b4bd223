package dev.tulip.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** JSON for test requests and responses (a plain mapper, not the app's). */
final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json");

    private Json() {}

    static byte[] encode(Object body) {
        if (body instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        if (body instanceof byte[] b) return b;
        return MAPPER.writeValueAsBytes(body);
    }
}
