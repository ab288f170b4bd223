package dev.tulip.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.ObjectMapper;

/**
 * How an {@link Http} client connects and what it sends by default; set with {@code
 * Http.create(cfg -> cfg.baseUrl(...).readTimeout(...))}. Every timeout has a default, so no call
 * waits forever.
 *
 * @param baseUrl what a relative URL ({@code "/users"}) is appended to
 * @param headers headers sent with every request (a request's own replace them)
 * @param connectTimeout how long opening a connection may take ({@link ConnectTimeoutException})
 * @param readTimeout the longest silence of the server while a response is awaited ({@link ReadTimeoutException})
 * @param totalTimeout the longest a whole call may take, redirects, retries and body included ({@link TotalTimeoutException})
 * @param poolTimeout how long a call waits for a connection when the host's are all busy ({@link PoolExhaustedException})
 * @param maxConnectionsPerHost the most connections open to one origin (scheme, host, port)
 * @param idleTimeout how long an unused keep-alive connection stays open
 * @param redirects which redirects are followed
 * @param retries how many times an idempotent request that failed to connect, or whose kept
 *     connection closed before any response, is sent again
 * @param retryBackoff the wait before the first retry, doubled before each next one
 * @param maxResponseSize the largest body read into memory ({@code send}, {@code as}, {@code text});
 *     a larger one is a {@link ConnectionClosedException} (stream it instead)
 * @param jsonMapper the mapper for JSON bodies; empty for the app's ({@code cfg.jsonMapper}), else Jackson's default
 */
public record HttpConfig(
        Optional<URI> baseUrl,
        Map<String, String> headers,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        Duration poolTimeout,
        int maxConnectionsPerHost,
        Duration idleTimeout,
        Redirects redirects,
        int retries,
        Duration retryBackoff,
        long maxResponseSize,
        Optional<ObjectMapper> jsonMapper) {

    /** Validates the values. */
    public HttpConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        headers = Map.copyOf(headers);
        positive("connectTimeout", connectTimeout);
        positive("readTimeout", readTimeout);
        positive("totalTimeout", totalTimeout);
        positive("poolTimeout", poolTimeout);
        positive("idleTimeout", idleTimeout);
        Objects.requireNonNull(redirects, "redirects");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(jsonMapper, "jsonMapper");
        if (maxConnectionsPerHost < 1)
            throw new IllegalArgumentException("maxConnectionsPerHost must be 1 or more, got " + maxConnectionsPerHost);
        if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        if (maxResponseSize < 1) throw new IllegalArgumentException("maxResponseSize must be positive");
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero())
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }

    /** Builds an {@link HttpConfig}; every setting has a default. */
    public static final class Builder {
        private Optional<URI> baseUrl = Optional.empty();
        private final Map<String, String> headers = new LinkedHashMap<>(Map.of("User-Agent", "tulip-client"));
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration totalTimeout = Duration.ofSeconds(60);
        private Duration poolTimeout = Duration.ofSeconds(5);
        private int maxConnectionsPerHost = 64;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Redirects redirects = Redirects.follow(10);
        private int retries = 2;
        private Duration retryBackoff = Duration.ofMillis(50);
        private long maxResponseSize = 16L << 20;
        private Optional<ObjectMapper> jsonMapper = Optional.empty();

        Builder() {}

        /** What relative URLs are appended to ({@code http://pong:8001/api}); default none (URLs must be absolute). */
        public Builder baseUrl(String url) {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null)
                throw new IllegalArgumentException(
                        "the base URL must be http://host[:port][/path] or https://..., got " + url);
            this.baseUrl = Optional.of(uri);
            return this;
        }

        /** A header sent with every request; default {@code User-Agent: tulip-client}. */
        public Builder header(String name, String value) {
            headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Default 5 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** The longest silence of the server while a response is awaited; default 30 s. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** The longest a whole call may take; default 60 s. */
        public Builder totalTimeout(Duration d) {
            this.totalTimeout = d;
            return this;
        }

        /** How long to wait for a busy host's connection; default 5 s. */
        public Builder poolTimeout(Duration d) {
            this.poolTimeout = d;
            return this;
        }

        /** Default 64. */
        public Builder maxConnectionsPerHost(int n) {
            this.maxConnectionsPerHost = n;
            return this;
        }

        /** Default 30 s. */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        /** Default {@code Redirects.follow(10)}. */
        public Builder redirects(Redirects policy) {
            this.redirects = policy;
            return this;
        }

        /** Retries of idempotent requests after connection failures, and the first wait; default 2 and 50 ms. */
        public Builder retries(int count, Duration backoff) {
            this.retries = count;
            this.retryBackoff = backoff;
            return this;
        }

        /** The largest body read into memory; default 16 MiB. */
        public Builder maxResponseSize(long bytes) {
            this.maxResponseSize = bytes;
            return this;
        }

        /** The mapper for JSON bodies; default the app's, else Jackson's default. */
        public Builder jsonMapper(ObjectMapper mapper) {
            this.jsonMapper = Optional.of(mapper);
            return this;
        }

        HttpConfig build() {
            return new HttpConfig(
                    baseUrl,
                    headers,
                    connectTimeout,
                    readTimeout,
                    totalTimeout,
                    poolTimeout,
                    maxConnectionsPerHost,
                    idleTimeout,
                    redirects,
                    retries,
                    retryBackoff,
                    maxResponseSize,
                    jsonMapper);
        }
    }
}
