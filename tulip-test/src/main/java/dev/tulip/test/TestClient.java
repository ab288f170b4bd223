package dev.tulip.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An HTTP client bound to one running server: {@code client.get("/users/1")}. Requests go over
 * real sockets (the JDK's HTTP/1.1 client); each call returns once the whole response is read.
 */
public final class TestClient implements Client {
    private final String base;
    private final Duration timeout;
    private final HttpClient http;

    /** A client for {@code baseUrl}, e.g. {@code http://127.0.0.1:8000}, with a 30 s timeout. */
    public TestClient(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    /** A client for {@code baseUrl} whose requests fail after {@code timeout}. */
    public TestClient(String baseUrl, Duration timeout) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The base URL. */
    public String baseUrl() {
        return base;
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    /** This client with another timeout. */
    public TestClient withTimeout(Duration timeout) {
        return new TestClient(base, timeout);
    }

    @Override
    public TestResponse send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
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
}
