package dev.tulip;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    /**
     * What a request for {@code /a/} gets when only {@code /a} has a route, or the reverse (a
     * group's {@code "/"} route is the group's path without a slash).
     */
    public enum TrailingSlash {
        /** A 404 whose message names the path that has a route. */
        STRICT,
        /** A {@code 308 Permanent Redirect} to the path that has a route, query kept. */
        REDIRECT,
        /** Served by the route of the other path, as if the slash matched. */
        IGNORE
    }

    /** The values, indexed like {@link Setting#ALL}; never modified. */
    private final Object[] values;
    /** The app's own settings and where every value came from. */
    private final AppSettings app;

    private Config(Object[] values, AppSettings app) {
        this.values = values;
        this.app = app;
    }

    /** The defaults. */
    public static Config defaults() {
        return new Builder().build();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder(values, app);
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

    /** {@code lame-duck}: how long a stopping app keeps accepting and serving before it drains. */
    public Duration lameDuck() {
        return get(Setting.LAME_DUCK);
    }

    /** Where the value of setting {@code name} came from: "default", "code", "environment X", "argument --x". */
    String source(String name) {
        return app.source(name);
    }

    /** {@code linger-timeout}: how long a closing connection with unread input reads and discards. */
    public Duration lingerTimeout() {
        return get(Setting.LINGER_TIMEOUT);
    }

    /** {@code linger-max-bytes}: the most bytes discarded while lingering. */
    public long lingerMaxBytes() {
        return get(Setting.LINGER_MAX_BYTES);
    }

    /** {@code access-log}: whether one line per request is logged. */
    public boolean accessLog() {
        return get(Setting.ACCESS_LOG);
    }

    /** {@code request-ids}: whether {@code X-Request-Id} is sent back, logged and put in the MDC. */
    public boolean requestIds() {
        return get(Setting.REQUEST_IDS);
    }

    /** {@code trusted-proxies}: IPs and CIDR ranges whose forwarding headers are believed, comma-separated. */
    public String trustedProxies() {
        return get(Setting.TRUSTED_PROXIES);
    }

    /** {@code debug}: whether a 500 is answered with its stack trace. */
    public boolean debug() {
        return get(Setting.DEBUG);
    }

    /** {@code debug-any-host}: whether debug may run on a host other than loopback. */
    public boolean debugAnyHost() {
        return get(Setting.DEBUG_ANY_HOST);
    }

    /** {@code health}: whether the health routes are served. */
    public boolean health() {
        return get(Setting.HEALTH);
    }

    /** {@code health-path}: the prefix of the health routes. */
    public String healthPath() {
        return get(Setting.HEALTH_PATH);
    }

    /** {@code server-header}: the {@code Server} header value, empty for none. */
    public String serverHeader() {
        return get(Setting.SERVER_HEADER);
    }

    /** {@code trailing-slash}: what a path differing from a route only by a trailing slash gets. */
    public TrailingSlash trailingSlash() {
        return get(Setting.TRAILING_SLASH);
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

    /**
     * The value of an app setting; a {@link ConfigException} if it has no value (no default and
     * none given) or was never declared ({@link Tulip#declare}, {@link Builder#declare}).
     */
    public <T> T get(AppSetting<T> setting) {
        return find(setting)
                .orElseThrow(() -> new ConfigException(setting.name() + " has no value: set it with --" + setting.name()
                        + "=... or " + String.join(" or ", setting.variables(app.envPrefix))));
    }

    /** The value of an app setting, empty if it has none; a {@link ConfigException} if it was never declared. */
    @SuppressWarnings("unchecked") // Builder stores only an AppSetting<T>'s T under its name
    public <T> Optional<T> find(AppSetting<T> setting) {
        AppSetting<?> declared = app.declared.get(setting.name());
        if (declared == null || !declared.sameAs(setting))
            throw new ConfigException(
                    "app setting '" + setting.name() + "' is not declared: app.declare(" + setting.name() + ") first");
        return Optional.ofNullable((T) app.values.get(setting.name()));
    }

    /** The command-line arguments after {@code --}, which {@link Tulip#run} leaves to the app. */
    public List<String> arguments() {
        return app.arguments;
    }

    /**
     * Every setting, the server's and the app's, one per line: its name, value (secrets hidden),
     * where the value came from, and what it means. {@code --help} prints this.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Settings (--name=value, or the environment variable; lowest first: default, code, environment,"
                + " command line):\n");
        for (Setting<?> setting : Setting.ALL) {
            if (!setting.fromText()) continue;
            line(
                    sb,
                    setting.name,
                    ConfigValues.format(values[setting.index]),
                    setting,
                    "TULIP_" + envName(setting.name));
        }
        if (!app.declared.isEmpty()) sb.append("App settings:\n");
        for (AppSetting<?> s : app.declared.values()) {
            line(sb, s.name(), shown(s), s.setting, String.join(", ", s.variables(app.envPrefix)));
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, String name, String value, Setting<?> setting, String variables) {
        sb.append("  --")
                .append(name)
                .append('=')
                .append(value)
                .append("  [")
                .append(app.source(name))
                .append("]\n      ")
                .append(setting.doc)
                .append(" (")
                .append(variables)
                .append(")\n");
    }

    private String shown(AppSetting<?> s) {
        Object v = app.values.get(s.name());
        if (v == null) return "(none)";
        return s.isSecret() ? "****" : ConfigValues.format(v);
    }

    static String envName(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The value of one setting. */
    @SuppressWarnings("unchecked") // Builder.set stores only a Setting<T>'s T at its index
    <T> T get(Setting<T> setting) {
        return (T) values[setting.index];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config c && Arrays.equals(values, c.values) && app.equals(c.app);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + app.hashCode();
    }

    /** {@code Config[host=127.0.0.1, port=8000, ..., head-timeout=10s, ...]}: every setting by name, secrets hidden. */
    @Override
    public String toString() {
        var s = new StringJoiner(", ", "Config[", "]");
        for (Setting<?> setting : Setting.ALL) {
            s.add(setting.name + "=" + ConfigValues.format(values[setting.index]));
        }
        for (AppSetting<?> a : app.declared.values()) s.add(a.name() + "=" + shown(a));
        return s.toString();
    }

    /** Builds a {@link Config}; each setter validates its value. */
    public static final class Builder {
        private final Object[] values;
        private final AppSettings.Editing app;

        Builder() {
            values = Setting.defaults();
            app = AppSettings.NONE.edit();
        }

        private Builder(Object[] from, AppSettings appFrom) {
            values = from.clone();
            app = appFrom.edit();
        }

        /**
         * Declares app settings, so that the environment and the command line may set them and
         * {@link Config#get(AppSetting)} reads them; declaring one twice is fine.
         */
        public Builder declare(AppSetting<?>... settings) {
            for (AppSetting<?> s : settings) app.declare(s);
            return this;
        }

        /** Sets an app setting from code (declaring it); the environment and command line still override it. */
        public <T> Builder set(AppSetting<T> setting, T value) {
            app.set(setting, value, "code");
            return this;
        }

        /**
         * A prefix of the app's own for the environment variables of its settings: with
         * {@code envPrefix("PONG_")}, setting {@code url} is also read from {@code PONG_URL}.
         */
        public Builder envPrefix(String prefix) {
            if (prefix == null || !prefix.matches("[A-Z][A-Z0-9_]*_"))
                throw new ConfigException(
                        "an environment prefix is upper-case and ends with '_', like PONG_; was " + prefix);
            app.envPrefix = prefix;
            return this;
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

        /**
         * On stop, how long to keep accepting and serving before the drain: readiness answers 503
         * and every response says {@code Connection: close}, so load balancers and clients move on
         * while nothing is refused. 0 by default for {@link Tulip#stop()}; 1s under
         * {@link Tulip#run} unless set.
         */
        public Builder lameDuck(Duration d) {
            return set(Setting.LAME_DUCK, d);
        }

        /**
         * After an early error or a close with unread input, how long to read and discard before
         * closing (so the client reads the response rather than a reset); zero closes at once.
         */
        public Builder lingerTimeout(Duration d) {
            return set(Setting.LINGER_TIMEOUT, d);
        }

        /** The most bytes read and discarded while lingering. */
        public Builder lingerMaxBytes(long bytes) {
            return set(Setting.LINGER_MAX_BYTES, bytes);
        }

        /** Whether to log one line per request (logger {@code dev.tulip.access}). */
        public Builder accessLog(boolean on) {
            return set(Setting.ACCESS_LOG, on);
        }

        /** Whether to send {@code X-Request-Id} back on every response, log it and put it in the MDC. */
        public Builder requestIds(boolean on) {
            return set(Setting.REQUEST_IDS, on);
        }

        /**
         * The proxies whose {@code Forwarded}/{@code X-Forwarded-*} headers are believed, as IPs and
         * CIDR ranges: {@code trustedProxies("10.0.0.0/8", "127.0.0.1")}.
         */
        public Builder trustedProxies(String... ranges) {
            return set(Setting.TRUSTED_PROXIES, String.join(",", ranges));
        }

        /**
         * Debug mode: a 500 is answered with its stack trace, as an HTML page for a browser. For
         * development only; starting refuses it unless the host is loopback or {@link #debugAnyHost}.
         */
        public Builder debug(boolean on) {
            return set(Setting.DEBUG, on);
        }

        /** Allows {@link #debug} on a host other than loopback. */
        public Builder debugAnyHost(boolean on) {
            return set(Setting.DEBUG_ANY_HOST, on);
        }

        /**
         * Serves {@code /health/live} and {@code /health/ready} (see {@link Tulip#readiness}); ready
         * answers 503 from the moment the app begins to stop.
         */
        public Builder health(boolean on) {
            return set(Setting.HEALTH, on);
        }

        /** Where the health routes are, {@code /health} by default. */
        public Builder healthPath(String path) {
            return set(Setting.HEALTH_PATH, path);
        }

        /** The {@code Server} header value; empty to send none. */
        public Builder serverHeader(String value) {
            return set(Setting.SERVER_HEADER, value);
        }

        /** What a path differing from a route only by a trailing slash gets; strict by default. */
        public Builder trailingSlash(TrailingSlash policy) {
            return set(Setting.TRAILING_SLASH, policy);
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
            app.sources.put(setting.name, "code");
            return this;
        }

        /**
         * Sets one setting, the server's or a declared app setting, by its name ({@code port},
         * {@code max-body-size}, ...) from text; {@code source} goes into errors and {@code --help}.
         */
        public Builder set(String key, String value, String source) {
            Setting<?> setting = Setting.find(key);
            AppSetting<?> own = setting == null ? app.declared.get(Setting.normalize(key)) : null;
            try {
                if (setting != null) setText(setting, value, source);
                else if (own != null) setText(own, value, source);
                else throw new ConfigException("unknown setting");
            } catch (ConfigException | IllegalArgumentException e) {
                String shown = own != null && own.isSecret() ? "****" : value;
                throw new ConfigException(
                        source + ": " + e.getMessage() + " (value: '" + shown + "'; settings: " + names() + ")");
            }
            return this;
        }

        private String names() {
            if (app.declared.isEmpty()) return Setting.TEXT_NAMES;
            return Setting.TEXT_NAMES + ", " + String.join(", ", app.declared.keySet());
        }

        private <T> void setText(Setting<T> setting, String text, String source) {
            values[setting.index] = setting.parse(text);
            app.sources.put(setting.name, source);
        }

        private <T> void setText(AppSetting<T> setting, String text, String source) {
            T value;
            try {
                value = setting.setting.parse(text);
            } catch (ConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConfigException(
                        setting.name() + " " + (e.getMessage() == null ? "is invalid" : e.getMessage()));
            }
            app.set(setting, value, source);
        }

        /**
         * Applies every {@code TULIP_*} variable of {@code env} and the variables of declared app
         * settings; an unknown {@code TULIP_} name is logged as a warning and ignored (scripts and
         * other tools use the prefix too). Two variables of one setting with different values are
         * an error.
         */
        public Builder fromEnv(Map<String, String> env) {
            var sorted = new TreeMap<>(env);
            java.util.Set<String> own = new java.util.HashSet<>();
            for (AppSetting<?> s : app.declared.values()) {
                String from = null;
                for (String variable : s.variables(app.envPrefix)) {
                    String v = sorted.get(variable);
                    if (v == null) continue;
                    own.add(variable);
                    if (from != null && !v.equals(sorted.get(from)))
                        throw new ConfigException("environment " + from + " and " + variable + " both set " + s.name()
                                + ", differently; unset one");
                    if (from == null) {
                        set(s.name(), v, "environment " + variable);
                        from = variable;
                    }
                }
            }
            for (var e : sorted.entrySet()) {
                String key = e.getKey();
                if (!key.startsWith("TULIP_") || own.contains(key)) continue;
                if (Setting.find(key.substring("TULIP_".length())) == null) {
                    dev.tulip.internal.Log.TULIP.warn(
                            "environment {}: not a setting, ignored (settings: {})", key, names());
                    continue;
                }
                set(key.substring("TULIP_".length()), e.getValue(), "environment " + key);
            }
            return this;
        }

        /**
         * Applies {@code --key value} and {@code --key=value} arguments; a boolean setting alone
         * ({@code --access-log}, then nothing or another {@code --}) means true. Arguments after
         * {@code --} are left to the app ({@link Config#arguments()}). Anything else is an error.
         */
        public Builder fromArgs(String... args) {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--")) {
                    app.arguments = List.of(args).subList(i + 1, args.length);
                    break;
                }
                if (!a.startsWith("--")) {
                    throw new ConfigException("argument '" + a
                            + "': expected --setting value or --setting=value (settings: " + Setting.TEXT_NAMES + ")");
                }
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.substring(2) : a.substring(2, eq);
                Setting<?> setting = Setting.find(key);
                if (setting == null && app.declared.containsKey(key)) setting = app.declared.get(key).setting;
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
            return new Config(values.clone(), app.build());
        }
    }
}
