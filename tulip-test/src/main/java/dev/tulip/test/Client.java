package dev.tulip.test;

import java.time.Duration;
import java.util.Map;

/**
 * What a test sends requests through: {@link TestClient} over a real socket, or {@link DirectClient}
 * straight into the app. Both answer with the same {@link TestResponse} (header names in lower
 * case, as HTTP/2 and the JDK's client spell them), so a test can run against either.
 */
public interface Client {

    /** Any request: {@code body} may be null; headers are added as given. */
    TestResponse send(String method, String path, byte[] body, Map<String, String> headers);

    /** How long a request may take before it fails with a timeout. */
    Duration timeout();

    /** {@code GET path}. */
    default TestResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** {@code DELETE path}. */
    default TestResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code POST path} with {@code body} as JSON (a {@code String} or {@code byte[]} is sent as is). */
    default TestResponse post(String path, Object body) {
        return send("POST", path, Json.encode(body), Json.HEADERS);
    }

    /** {@code PUT path} with {@code body} as JSON. */
    default TestResponse put(String path, Object body) {
        return send("PUT", path, Json.encode(body), Json.HEADERS);
    }

    /** {@code PATCH path} with {@code body} as JSON. */
    default TestResponse patch(String path, Object body) {
        return send("PATCH", path, Json.encode(body), Json.HEADERS);
    }
}
