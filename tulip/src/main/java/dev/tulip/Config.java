package dev.tulip;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's settings: immutable, built with {@link Tulip#create(Consumer)}. Every setting can also
 * come from the environment ({@code TULIP_PORT=9000}) or the command line ({@code --port 9000} or
 * {@code --port=9000}) when the app is started with {@link Tulip#run(String...)}. Precedence, lowest
 * first: defaults, code, environment, command line.
 *
 * <p>Every setting, with its name, meaning and default, is listed once, next to their table in
 * {@code Setting.java} (and in the guide's Configuration section). Each accessor below reads one of
 * them.
 */
public final class Config {
    /** The I/O transport under the event loops. */
    public enum Transport {
        /** The fastest available: epoll, then io_uring, then NIO. */
        AUTO,
        /** Linux epoll (native). */
        EPOLL,
        /** Linux io_uring (native). */
        IO_URING,
        /** Java NIO, everywhere. */
        NIO
    }

    /** The values, indexed like {@link Setting#ALL}; never modified. */
    private final Object[] values;

    private Config(Object[] values) {
        this.values = values;
    }

    /** The defaults. */
    public static Config defaults() {
        return new Builder().build();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(values);
    }

    /** {@code host}: the interface to bind. */
    public String host() {
        return get(Setting.HOST);
    }

    /** {@code port}: the TCP port, 0 for any free one. */
    public int port() {
        return get(Setting.PORT);
    }

    /** {@code event-loops}: the number of event-loop threads. */
    public int eventLoops() {
        return get(Setting.EVENT_LOOPS);
    }

    /** {@code transport}: the I/O transport. */
    public Transport transport() {
        return get(Setting.TRANSPORT);
    }

    /** {@code max-request-line}: the longest request line in bytes. */
    public int maxRequestLine() {
        return get(Setting.MAX_REQUEST_LINE);
    }

    /** {@code max-header-size}: the largest header section in bytes. */
    public int maxHeaderSize() {
        return get(Setting.MAX_HEADER_SIZE);
    }

    /** {@code max-header-count}: the most header fields. */
    public int maxHeaderCount() {
        return get(Setting.MAX_HEADER_COUNT);
    }

    /** {@code max-body-size}: the largest request body in bytes. */
    public long maxBodySize() {
        return get(Setting.MAX_BODY_SIZE);
    }

    /** {@code head-timeout}: the time allowed to receive a request's head once it started. */
    public Duration headTimeout() {
        return get(Setting.HEAD_TIMEOUT);
    }

    /** {@code idle-timeout}: idle keep-alive connections are closed after this long. */
    public Duration idleTimeout() {
        return get(Setting.IDLE_TIMEOUT);
    }

    /** {@code handler-timeout}: handlers running longer are answered 503 and interrupted. */
    public Duration handlerTimeout() {
        return get(Setting.HANDLER_TIMEOUT);
    }

    /** {@code max-concurrent-requests}: requests in flight beyond this are shed with 503. */
    public int maxConcurrentRequests() {
        return get(Setting.MAX_CONCURRENT_REQUESTS);
    }

    /** {@code max-pipelined}: requests queued on one connection before it stops being read. */
    public int maxPipelined() {
        return get(Setting.MAX_PIPELINED);
    }

    /** {@code drain-timeout}: on stop, how long in-flight requests may run. */
    public Duration drainTimeout() {
        return get(Setting.DRAIN_TIMEOUT);
    }

    /** {@code access-log}: whether one line per request is logged. */
    public boolean accessLog() {
        return get(Setting.ACCESS_LOG);
    }

    /** {@code server-header}: the {@code Server} header value, empty for none. */
    public String serverHeader() {
        return get(Setting.SERVER_HEADER);
    }

    /** {@code compression}: whether response bodies are gzipped for clients that accept it. */
    public boolean compression() {
        return get(Setting.COMPRESSION);
    }

    /** {@code compression-min-size}: the smallest body in bytes that is compressed. */
    public int compressionMinSize() {
        return get(Setting.COMPRESSION_MIN_SIZE);
    }

    /**
     * {@code json-mapper}: the Jackson mapper for JSON bodies, if one was set; when empty, each app
     * makes its own of Tulip's strict default (see the guide).
     */
    public Optional<JsonMapper> jsonMapper() {
        return Optional.ofNullable(get(Setting.JSON_MAPPER));
    }

    /** The value of one setting. */
    @SuppressWarnings("unchecked") // Builder.set stores only a Setting<T>'s T at its index
    <T> T get(Setting<T> setting) {
        return (T) values[setting.index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && Arrays.equals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    /** {@code Config[host=127.0.0.1, port=8000, ..., head-timeout=10s, ...]}: every setting by name. */
    @Override
    public String toString() {
        var s = new StringJoiner(", ", "Config[", "]");
        for (Setting<?> setting : Setting.ALL) {
            s.add(setting.name + "=" + ConfigValues.format(values[setting.index]));
        }
        return s.toString();
    }

    /** Builds a {@link Config}; each setter validates its value. */
    public static final class Builder {
        private final Object[] values;

        Builder() {
            values = Setting.defaults();
        }

        private Builder(Object[] from) {
            values = from.clone();
        }

        /** Interface to bind: an IP address or host name. */
        public Builder host(String host) {
            return set(Setting.HOST, host);
        }

        /** TCP port 0-65535; 0 picks a free port (see {@link Tulip#port()}). */
        public Builder port(int port) {
            return set(Setting.PORT, port);
        }

        /** Number of event-loop threads (at least 1). */
        public Builder eventLoops(int n) {
            return set(Setting.EVENT_LOOPS, n);
        }

        /** The I/O transport; {@code AUTO} picks the fastest available. */
        public Builder transport(Transport transport) {
            return set(Setting.TRANSPORT, transport);
        }

        /** Longest request line in bytes (414 beyond). */
        public Builder maxRequestLine(int bytes) {
            return set(Setting.MAX_REQUEST_LINE, bytes);
        }

        /** Largest header section in bytes (431 beyond). */
        public Builder maxHeaderSize(int bytes) {
            return set(Setting.MAX_HEADER_SIZE, bytes);
        }

        /** Most header fields (431 beyond). */
        public Builder maxHeaderCount(int count) {
            return set(Setting.MAX_HEADER_COUNT, count);
        }

        /** Largest request body in bytes (413 beyond, refused from Content-Length before reading). */
        public Builder maxBodySize(long bytes) {
            return set(Setting.MAX_BODY_SIZE, bytes);
        }

        /** Time allowed to receive a request's head once its first byte arrived (408 beyond). */
        public Builder headTimeout(Duration d) {
            return set(Setting.HEAD_TIMEOUT, d);
        }

        /** Idle keep-alive connections are closed after this long. */
        public Builder idleTimeout(Duration d) {
            return set(Setting.IDLE_TIMEOUT, d);
        }

        /** Handlers running longer are answered 503 and interrupted. */
        public Builder handlerTimeout(Duration d) {
            return set(Setting.HANDLER_TIMEOUT, d);
        }

        /** Requests in flight beyond this are shed at once with 503 and {@code Retry-After}. */
        public Builder maxConcurrentRequests(int n) {
            return set(Setting.MAX_CONCURRENT_REQUESTS, n);
        }

        /** Requests queued on one connection before the server stops reading it (back-pressure). */
        public Builder maxPipelined(int n) {
            return set(Setting.MAX_PIPELINED, n);
        }

        /** On stop, how long in-flight requests may run before they are cut. */
        public Builder drainTimeout(Duration d) {
            return set(Setting.DRAIN_TIMEOUT, d);
        }

        /** Whether to log one line per request (logger {@code dev.tulip.access}). */
        public Builder accessLog(boolean on) {
            return set(Setting.ACCESS_LOG, on);
        }

        /** The {@code Server} header value; empty to send none. */
        public Builder serverHeader(String value) {
            return set(Setting.SERVER_HEADER, value);
        }

        /**
         * Whether to gzip response bodies for clients that accept it ({@code Accept-Encoding}); see
         * the guide's web page for what is never compressed.
         */
        public Builder compression(boolean on) {
            return set(Setting.COMPRESSION, on);
        }

        /** The smallest body in bytes that is compressed (streamed bodies, of unknown size, always are). */
        public Builder compressionMinSize(int bytes) {
            return set(Setting.COMPRESSION_MIN_SIZE, bytes);
        }

        /** The Jackson mapper for JSON bodies; the default has strict read limits (see the guide). */
        public Builder jsonMapper(JsonMapper mapper) {
            if (mapper == null) throw new ConfigException("json-mapper must not be null");
            return set(Setting.JSON_MAPPER, mapper);
        }

        /** Validates and sets one setting. */
        <T> Builder set(Setting<T> setting, T value) {
            values[setting.index] = setting.validate(value);
            return this;
        }

        /** Sets one setting by its name ({@code port}, {@code max-body-size}, ...) from text; {@code source} goes into errors. */
        public Builder set(String key, String value, String source) {
            Setting<?> setting = Setting.find(key);
            try {
                if (setting == null) throw new ConfigException("unknown setting");
                setText(setting, value);
            } catch (ConfigException | IllegalArgumentException e) {
                throw new ConfigException(source + ": " + e.getMessage() + " (value: '" + value + "'; settings: "
                        + Setting.TEXT_NAMES + ")");
            }
            return this;
        }

        private <T> void setText(Setting<T> setting, String text) {
            values[setting.index] = setting.parse(text);
        }

        /** Applies every {@code TULIP_*} variable of {@code env} (unknown {@code TULIP_} names are errors). */
        public Builder fromEnv(Map<String, String> env) {
            for (var e : new TreeMap<>(env).entrySet()) {
                if (e.getKey().startsWith("TULIP_")) {
                    set(e.getKey().substring("TULIP_".length()), e.getValue(), "environment " + e.getKey());
                }
            }
            return this;
        }

        /**
         * Applies {@code --key value} and {@code --key=value} arguments; a boolean setting alone
         * ({@code --access-log}, then nothing or another {@code --}) means true. Anything else is an
         * error.
         */
        public Builder fromArgs(String... args) {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || a.length() == 2) {
                    throw new ConfigException("argument '" + a
                            + "': expected --setting value or --setting=value (settings: " + Setting.TEXT_NAMES + ")");
                }
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
                Setting<?> setting = Setting.find(key);
                String value;
                if (eq >= 0) value = a.substring(eq + 1);
                else if (setting != null && setting.isFlag() && (i + 1 == args.length || args[i + 1].startsWith("--")))
                    value = "true";
                else if (i + 1 < args.length) value = args[++i];
                else throw new ConfigException("argument --" + key + ": missing value");
                set(key, value, "argument --" + key);
            }
            return this;
        }

        /** The immutable config. */
        public Config build() {
            return new Config(values.clone());
        }
    }
}
