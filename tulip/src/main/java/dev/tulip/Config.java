package dev.tulip;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app's settings: immutable, built with {@link Tulip#create(Consumer)}. Every setting can also
 * come from the environment ({@code TULIP_PORT=9000}) or the command line ({@code --port 9000} or
 * {@code --port=9000}) when the app is started with {@link Tulip#run(String...)}. Precedence, lowest
 * first: defaults, code, environment, command line.
 *
 * @param host interface to bind ({@code host}, default {@code 127.0.0.1})
 * @param port TCP port, 0 for any free one ({@code port}, default 8000)
 * @param eventLoops event-loop threads, like Sanic's workers ({@code event-loops}, default: one per core)
 * @param transport I/O transport ({@code transport}: {@code auto}, {@code epoll}, {@code io_uring}, {@code nio})
 * @param maxRequestLine longest request line in bytes, else 414 ({@code max-request-line}, 8 KiB)
 * @param maxHeaderSize largest header section in bytes, else 431 ({@code max-header-size}, 16 KiB)
 * @param maxHeaderCount most header fields, else 431 ({@code max-header-count}, 100)
 * @param maxBodySize largest request body in bytes, else 413 ({@code max-body-size}, 10 MiB)
 * @param headTimeout time allowed to receive a request's head once it started (slowloris), else 408 ({@code head-timeout}, 10s)
 * @param idleTimeout keep-alive connections idle this long are closed ({@code idle-timeout}, 60s)
 * @param handlerTimeout a handler running longer is answered 503 and interrupted ({@code handler-timeout}, 30s)
 * @param maxConcurrentRequests requests in flight beyond this are shed at once with 503 + Retry-After ({@code max-concurrent-requests}, 10000)
 * @param maxPipelined requests queued on one connection before the server stops reading from it ({@code max-pipelined}, 64)
 * @param drainTimeout on stop, in-flight requests get this long to finish before they are cut ({@code drain-timeout}, 30s)
 * @param accessLog log one line per request at INFO ({@code access-log}, false)
 * @param serverHeader value of the {@code Server} header ({@code server-header}, "Tulip")
 * @param jsonMapper the Jackson mapper for JSON bodies (code only)
 */
public record Config(
        String host,
        int port,
        int eventLoops,
        Transport transport,
        int maxRequestLine,
        int maxHeaderSize,
        int maxHeaderCount,
        long maxBodySize,
        Duration headTimeout,
        Duration idleTimeout,
        Duration handlerTimeout,
        int maxConcurrentRequests,
        int maxPipelined,
        Duration drainTimeout,
        boolean accessLog,
        String serverHeader,
        JsonMapper jsonMapper) {

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

    /** The defaults. */
    public static Config defaults() {
        return new Builder().build();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link Config}; each setter validates its value. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8000;
        private int eventLoops = Runtime.getRuntime().availableProcessors();
        private Transport transport = Transport.AUTO;
        private int maxRequestLine = 8 * 1024;
        private int maxHeaderSize = 16 * 1024;
        private int maxHeaderCount = 100;
        private long maxBodySize = 10L * 1024 * 1024;
        private Duration headTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration handlerTimeout = Duration.ofSeconds(30);
        private int maxConcurrentRequests = 10_000;
        private int maxPipelined = 64;
        private Duration drainTimeout = Duration.ofSeconds(30);
        private boolean accessLog;
        private String serverHeader = "Tulip";
        private JsonMapper jsonMapper;

        Builder() {}

        Builder(Config c) {
            host = c.host;
            port = c.port;
            eventLoops = c.eventLoops;
            transport = c.transport;
            maxRequestLine = c.maxRequestLine;
            maxHeaderSize = c.maxHeaderSize;
            maxHeaderCount = c.maxHeaderCount;
            maxBodySize = c.maxBodySize;
            headTimeout = c.headTimeout;
            idleTimeout = c.idleTimeout;
            handlerTimeout = c.handlerTimeout;
            maxConcurrentRequests = c.maxConcurrentRequests;
            maxPipelined = c.maxPipelined;
            drainTimeout = c.drainTimeout;
            accessLog = c.accessLog;
            serverHeader = c.serverHeader;
            jsonMapper = c.jsonMapper;
        }

        /** Interface to bind: an IP address or host name. */
        public Builder host(String host) {
            if (host == null || host.isBlank()) throw new ConfigException("host must not be empty");
            this.host = host;
            return this;
        }

        /** TCP port 0-65535; 0 picks a free port (see {@link Tulip#port()}). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new ConfigException("port must be 0-65535, was " + port);
            this.port = port;
            return this;
        }

        /** Number of event-loop threads (at least 1). */
        public Builder eventLoops(int n) {
            this.eventLoops = positive("event-loops", n);
            return this;
        }

        /** The I/O transport; {@code AUTO} picks the fastest available. */
        public Builder transport(Transport transport) {
            if (transport == null) throw new ConfigException("transport must not be null");
            this.transport = transport;
            return this;
        }

        /** Longest request line in bytes (414 beyond). */
        public Builder maxRequestLine(int bytes) {
            this.maxRequestLine = positive("max-request-line", bytes);
            return this;
        }

        /** Largest header section in bytes (431 beyond). */
        public Builder maxHeaderSize(int bytes) {
            this.maxHeaderSize = positive("max-header-size", bytes);
            return this;
        }

        /** Most header fields (431 beyond). */
        public Builder maxHeaderCount(int count) {
            this.maxHeaderCount = positive("max-header-count", count);
            return this;
        }

        /** Largest request body in bytes (413 beyond, refused from Content-Length before reading). */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0) throw new ConfigException("max-body-size must be >= 0, was " + bytes);
            this.maxBodySize = bytes;
            return this;
        }

        /** Time allowed to receive a request's head once its first byte arrived (408 beyond). */
        public Builder headTimeout(Duration d) {
            this.headTimeout = positive("head-timeout", d);
            return this;
        }

        /** Idle keep-alive connections are closed after this long. */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive("idle-timeout", d);
            return this;
        }

        /** Handlers running longer are answered 503 and interrupted. */
        public Builder handlerTimeout(Duration d) {
            this.handlerTimeout = positive("handler-timeout", d);
            return this;
        }

        /** Requests in flight beyond this are shed at once with 503 and {@code Retry-After}. */
        public Builder maxConcurrentRequests(int n) {
            this.maxConcurrentRequests = positive("max-concurrent-requests", n);
            return this;
        }

        /** Requests queued on one connection before the server stops reading it (back-pressure). */
        public Builder maxPipelined(int n) {
            this.maxPipelined = positive("max-pipelined", n);
            return this;
        }

        /** On stop, how long in-flight requests may run before they are cut. */
        public Builder drainTimeout(Duration d) {
            if (d == null || d.isNegative()) throw new ConfigException("drain-timeout must be >= 0");
            this.drainTimeout = d;
            return this;
        }

        /** Whether to log one line per request (logger {@code dev.tulip.access}). */
        public Builder accessLog(boolean on) {
            this.accessLog = on;
            return this;
        }

        /** The {@code Server} header value; empty to send none. */
        public Builder serverHeader(String value) {
            if (value == null) throw new ConfigException("server-header must not be null");
            try {
                dev.tulip.internal.HeaderList.validate("Server", value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("server-header must be a valid header value (no control characters)");
            }
            this.serverHeader = value;
            return this;
        }

        /** The Jackson mapper for JSON bodies; the default has strict read limits (see the guide). */
        public Builder jsonMapper(JsonMapper mapper) {
            if (mapper == null) throw new ConfigException("json-mapper must not be null");
            this.jsonMapper = mapper;
            return this;
        }

        /** Sets one setting by its name ({@code port}, {@code max-body-size}, ...) from text; {@code source} goes into errors. */
        public Builder set(String key, String value, String source) {
            String k = key.toLowerCase(Locale.ROOT).replace('_', '-');
            try {
                switch (k) {
                    case "host" -> host(value);
                    case "port" -> port(ConfigValues.integer(value));
                    case "event-loops", "workers" -> eventLoops(ConfigValues.integer(value));
                    case "transport" -> transport(ConfigValues.transport(value));
                    case "max-request-line" -> maxRequestLine(ConfigValues.intSize(value));
                    case "max-header-size" -> maxHeaderSize(ConfigValues.intSize(value));
                    case "max-header-count" -> maxHeaderCount(ConfigValues.integer(value));
                    case "max-body-size" -> maxBodySize(ConfigValues.size(value));
                    case "head-timeout" -> headTimeout(ConfigValues.duration(value));
                    case "idle-timeout" -> idleTimeout(ConfigValues.duration(value));
                    case "handler-timeout" -> handlerTimeout(ConfigValues.duration(value));
                    case "max-concurrent-requests" -> maxConcurrentRequests(ConfigValues.integer(value));
                    case "max-pipelined" -> maxPipelined(ConfigValues.integer(value));
                    case "drain-timeout" -> drainTimeout(ConfigValues.duration(value));
                    case "access-log" -> accessLog(ConfigValues.bool(value));
                    case "server-header" -> serverHeader(value);
                    default -> throw new ConfigException("unknown setting");
                }
            } catch (ConfigException | IllegalArgumentException e) {
                throw new ConfigException(source + ": " + e.getMessage() + " (value: '" + value + "'; settings: "
                        + String.join(", ", ConfigValues.KEYS) + ")");
            }
            return this;
        }

        /** Applies every {@code TULIP_*} variable of {@code env} (unknown {@code TULIP_} names are errors). */
        public Builder fromEnv(Map<String, String> env) {
            for (var e : new java.util.TreeMap<>(env).entrySet()) {
                if (e.getKey().startsWith("TULIP_") && !ConfigValues.IGNORED_ENV.contains(e.getKey())) {
                    set(e.getKey().substring("TULIP_".length()), e.getValue(), "environment " + e.getKey());
                }
            }
            return this;
        }

        /** Applies {@code --key value} and {@code --key=value} arguments; anything else is an error. */
        public Builder fromArgs(String... args) {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (!a.startsWith("--") || a.length() == 2) {
                    throw new ConfigException(
                            "argument '" + a + "': expected --setting value or --setting=value (settings: "
                                    + String.join(", ", ConfigValues.KEYS) + ")");
                }
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
                String value;
                if (eq >= 0) value = a.substring(eq + 1);
                else if (key.equals("access-log") && (i + 1 == args.length || args[i + 1].startsWith("--")))
                    value = "true";
                else if (i + 1 < args.length) value = args[++i];
                else throw new ConfigException("argument --" + key + ": missing value");
                set(key, value, "argument --" + key);
            }
            return this;
        }

        /** The immutable config. */
        public Config build() {
            JsonMapper mapper = jsonMapper != null ? jsonMapper : dev.tulip.internal.Json.defaultMapper();
            return new Config(
                    host,
                    port,
                    eventLoops,
                    transport,
                    maxRequestLine,
                    maxHeaderSize,
                    maxHeaderCount,
                    maxBodySize,
                    headTimeout,
                    idleTimeout,
                    handlerTimeout,
                    maxConcurrentRequests,
                    maxPipelined,
                    drainTimeout,
                    accessLog,
                    serverHeader,
                    mapper);
        }

        private static int positive(String name, int v) {
            if (v <= 0) throw new ConfigException(name + " must be > 0, was " + v);
            return v;
        }

        private static Duration positive(String name, Duration d) {
            if (d == null || d.isNegative() || d.isZero())
                throw new ConfigException(name + " must be a positive duration");
            return d;
        }
    }
}
