package dev.tulip.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client bound to one running server: {@code client.get("/users/1")}. Requests go over
 * real sockets (the JDK's HTTP/1.1 client); each call returns once the whole response is read.
 */
public final class TestClient {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;

    /** A client for {@code baseUrl}, e.g. {@code http://127.0.0.1:8000}. */
    public TestClient(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The base URL. */
    public String baseUrl() {
        return base;
    }

    /** {@code GET path}. */
    public TestResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** {@code DELETE path}. */
    public TestResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** {@code POST path} with {@code body} as JSON. */
    public TestResponse post(String path, Object body) {
        return send("POST", path, json(body), Map.of("Content-Type", "application/json"));
    }

    /** {@code PUT path} with {@code body} as JSON. */
    public TestResponse put(String path, Object body) {
        return send("PUT", path, json(body), Map.of("Content-Type", "application/json"));
    }

    /** {@code PATCH path} with {@code body} as JSON. */
    public TestResponse patch(String path, Object body) {
        return send("PATCH", path, json(body), Map.of("Content-Type", "application/json"));
    }

    /** Any request: {@code body} may be null; headers are added as given. */
    public TestResponse send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new TestResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static byte[] json(Object body) {
        if (body instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        if (body instanceof byte[] b) return b;
        return MAPPER.writeValueAsBytes(body);
    }
}
