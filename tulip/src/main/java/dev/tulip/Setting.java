package dev.tulip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The table of the server's settings: each constant below is one setting, and their order is the
 * order of {@link #ALL}, of {@link Config#toString()} and of the names listed in errors. The
 * settings, by the name used on the command line ({@code --max-body-size 1m}) and in the
 * environment ({@code TULIP_MAX_BODY_SIZE=1m}):
 *
 * <ul>
 * <li>{@code host}, default {@code 127.0.0.1}: interface to bind, an IP address or host name
 * <li>{@code port}, default {@code 8000}: TCP port; 0 picks a free one (see Tulip.port())
 * <li>{@code event-loops} (alias {@code workers}), default one per core: event-loop threads, like Sanic's workers
 * <li>{@code transport}, default {@code auto}: I/O transport: auto (epoll, then io_uring, then NIO), epoll, io_uring, nio
 * <li>{@code max-request-line}, default {@code 8k}: longest request line in bytes, else 414
 * <li>{@code max-header-size}, default {@code 16k}: largest header section in bytes, else 431
 * <li>{@code max-header-count}, default {@code 100}: most header fields, else 431
 * <li>{@code max-body-size}, default {@code 10MiB}: largest request body in bytes, else 413 (refused from Content-Length before reading)
 * <li>{@code head-timeout}, default {@code 10s}: time to receive a request's head once it started (slowloris), else 408
 * <li>{@code idle-timeout}, default {@code 60s}: keep-alive connections idle this long are closed
 * <li>{@code handler-timeout}, default {@code 30s}: a handler running longer is answered 503 and interrupted
 * <li>{@code max-concurrent-requests}, default {@code 10000}: requests in flight beyond this are shed at once with 503 and Retry-After
 * <li>{@code max-pipelined}, default {@code 64}: requests queued on one connection before the server stops reading from it
 * <li>{@code drain-timeout}, default {@code 30s}: on stop, how long in-flight requests may run before they are cut
 * <li>{@code lame-duck}, default {@code 0s}: on stop, how long to keep accepting and serving (readiness 503, every response Connection: close) before the drain; 0 for stop(), 1s under run() unless set
 * <li>{@code linger-timeout}, default {@code 5s}: after an early error (413, 431, 400...) or a close with unread input, how long to read and discard before closing, so the client sees the response instead of a reset; 0 closes at once
 * <li>{@code linger-max-bytes}, default {@code 64MiB}: the most bytes read and discarded while lingering
 * <li>{@code access-log}, default {@code false}: log one line per request at INFO (logger dev.tulip.access)
 * <li>{@code request-ids}, default {@code false}: send X-Request-Id back (the client's if valid, else generated), log it, and put it in the MDC as request_id
 * <li>{@code trusted-proxies}, default {@code }: proxies whose Forwarded/X-Forwarded-* headers are believed: IPs and CIDR ranges, comma-separated; none by default
 * <li>{@code debug}, default {@code false}: answer a 500 with its stack trace (HTML for browsers); refused unless the host is loopback
 * <li>{@code debug-any-host}, default {@code false}: allow debug on a host other than loopback (it shows your code to whoever asks)
 * <li>{@code health}, default {@code false}: serve <health-path>/live and <health-path>/ready (503 while draining or a readiness check fails)
 * <li>{@code health-path}, default {@code /health}: where the health routes are
 * <li>{@code server-header}, default {@code Tulip}: value of the Server header; empty to send none
 * <li>{@code trailing-slash}, default {@code strict}: when /a/ has no route but /a has (or the reverse): strict (404 saying so), redirect (308), ignore (serve it)
 * <li>{@code compression}, default {@code true}: gzip response bodies for clients that accept it (Accept-Encoding)
 * <li>{@code compression-min-size}, default {@code 1k}: smallest body in bytes that is compressed; streamed bodies always are
 * <li>{@code json-mapper}, code only, default the strict mapper (see the guide): the Jackson mapper for JSON bodies
 * </ul>
 *
 * <p>Sizes take {@code 512k}, {@code 10MiB}, {@code 1g}; durations {@code 500ms}, {@code 30s},
 * {@code 2m}, {@code PT30S}; booleans {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}.
 * A new setting is one {@link #define} line here, one line in the list above (ConfigTest checks that
 * the list matches the table, defaults included), and its accessor and setter in {@link Config}.
 *
 * @param <T> the type of the setting's value
 */
final class Setting<T> {
    /** Says what is wrong with a value, or null if it is fine. */
    @FunctionalInterface
    interface Check<T> {
        /** The problem, completing "{name} ...", e.g. {@code "must be > 0, was -1"}; null if none. */
        String problem(T value);
    }

    // filled by define(), so it must come before the settings
    private static final List<Setting<?>> TABLE = new ArrayList<>();

    static final Setting<String> HOST = define(
            "host",
            () -> "127.0.0.1",
            text -> text,
            v -> v == null || v.isBlank() ? "must not be empty" : null,
            "interface to bind, an IP address or host name");
    static final Setting<Integer> PORT = define(
            "port",
            () -> 8000,
            ConfigValues::integer,
            v -> v != null && v >= 0 && v <= 65535 ? null : "must be 0-65535" + was(v),
            "TCP port; 0 picks a free one (see Tulip.port())");
    static final Setting<Integer> EVENT_LOOPS = define(
            "event-loops",
            () -> Runtime.getRuntime().availableProcessors(),
            ConfigValues::integer,
            positive(),
            "event-loop threads, like Sanic's workers",
            "workers");
    static final Setting<Config.Transport> TRANSPORT = define(
            "transport",
            () -> Config.Transport.AUTO,
            ConfigValues::transport,
            notNull(),
            "I/O transport: auto (epoll, then io_uring, then NIO), epoll, io_uring, nio");
    static final Setting<Integer> MAX_REQUEST_LINE = define(
            "max-request-line",
            () -> 8 * 1024,
            ConfigValues::intSize,
            positive(),
            "longest request line in bytes, else 414");
    static final Setting<Integer> MAX_HEADER_SIZE = define(
            "max-header-size",
            () -> 16 * 1024,
            ConfigValues::intSize,
            positive(),
            "largest header section in bytes, else 431");
    static final Setting<Integer> MAX_HEADER_COUNT =
            define("max-header-count", () -> 100, ConfigValues::integer, positive(), "most header fields, else 431");
    static final Setting<Long> MAX_BODY_SIZE = define(
            "max-body-size",
            () -> 10L * 1024 * 1024,
            ConfigValues::size,
            v -> v != null && v >= 0 ? null : "must be >= 0" + was(v),
            "largest request body in bytes, else 413 (refused from Content-Length before reading)");
    static final Setting<Duration> HEAD_TIMEOUT = define(
            "head-timeout",
            () -> Duration.ofSeconds(10),
            ConfigValues::duration,
            positiveDuration(),
            "time to receive a request's head once it started (slowloris), else 408");
    static final Setting<Duration> IDLE_TIMEOUT = define(
            "idle-timeout",
            () -> Duration.ofSeconds(60),
            ConfigValues::duration,
            positiveDuration(),
            "keep-alive connections idle this long are closed");
    static final Setting<Duration> HANDLER_TIMEOUT = define(
            "handler-timeout",
            () -> Duration.ofSeconds(30),
            ConfigValues::duration,
            positiveDuration(),
            "a handler running longer is answered 503 and interrupted");
    static final Setting<Integer> MAX_CONCURRENT_REQUESTS = define(
            "max-concurrent-requests",
            () -> 10_000,
            ConfigValues::integer,
            positive(),
            "requests in flight beyond this are shed at once with 503 and Retry-After");
    static final Setting<Integer> MAX_PIPELINED = define(
            "max-pipelined",
            () -> 64,
            ConfigValues::integer,
            positive(),
            "requests queued on one connection before the server stops reading from it");
    static final Setting<Duration> DRAIN_TIMEOUT = define(
            "drain-timeout",
            () -> Duration.ofSeconds(30),
            ConfigValues::duration,
            v -> v == null || v.isNegative() ? "must be >= 0" + was(v) : null,
            "on stop, how long in-flight requests may run before they are cut");
    static final Setting<Duration> LAME_DUCK = define(
            "lame-duck",
            () -> Duration.ZERO,
            ConfigValues::duration,
            v -> v == null || v.isNegative() ? "must be >= 0" + was(v) : null,
            "on stop, how long to keep accepting and serving (readiness 503, every response Connection: close)"
                    + " before the drain; 0 for stop(), 1s under run() unless set");
    static final Setting<Duration> LINGER_TIMEOUT = define(
            "linger-timeout",
            () -> Duration.ofSeconds(5),
            ConfigValues::duration,
            v -> v == null || v.isNegative() ? "must be >= 0" + was(v) : null,
            "after an early error (413, 431, 400...) or a close with unread input, how long to read and discard"
                    + " before closing, so the client sees the response instead of a reset; 0 closes at once");
    static final Setting<Long> LINGER_MAX_BYTES = define(
            "linger-max-bytes",
            () -> 64L * 1024 * 1024,
            ConfigValues::size,
            v -> v != null && v >= 0 ? null : "must be >= 0" + was(v),
            "the most bytes read and discarded while lingering");
    static final Setting<Boolean> ACCESS_LOG = define(
            "access-log",
            () -> false,
            ConfigValues::bool,
            notNull(),
            "log one line per request at INFO (logger dev.tulip.access)");
    static final Setting<Boolean> REQUEST_IDS = define(
            "request-ids",
            () -> false,
            ConfigValues::bool,
            notNull(),
            "send X-Request-Id back (the client's if valid, else generated), log it, and put it in the MDC as request_id");
    static final Setting<String> TRUSTED_PROXIES = define(
            "trusted-proxies",
            () -> "",
            text -> text,
            Setting::proxiesProblem,
            "proxies whose Forwarded/X-Forwarded-* headers are believed: IPs and CIDR ranges, comma-separated; none by default");
    static final Setting<Boolean> DEBUG = define(
            "debug",
            () -> false,
            ConfigValues::bool,
            notNull(),
            "answer a 500 with its stack trace (HTML for browsers); refused unless the host is loopback");
    static final Setting<Boolean> DEBUG_ANY_HOST = define(
            "debug-any-host",
            () -> false,
            ConfigValues::bool,
            notNull(),
            "allow debug on a host other than loopback (it shows your code to whoever asks)");
    static final Setting<Boolean> HEALTH = define(
            "health",
            () -> false,
            ConfigValues::bool,
            notNull(),
            "serve <health-path>/live and <health-path>/ready (503 while draining or a readiness check fails)");
    static final Setting<String> HEALTH_PATH = define(
            "health-path",
            () -> "/health",
            text -> text,
            v -> v != null && v.startsWith("/") && !v.endsWith("/") && !v.contains("{")
                    ? null
                    : "must start with '/', not end with '/' and hold no parameter" + was(v),
            "where the health routes are");
    static final Setting<String> SERVER_HEADER = define(
            "server-header",
            () -> "Tulip",
            text -> text,
            Setting::headerValueProblem,
            "value of the Server header; empty to send none");
    static final Setting<Config.TrailingSlash> TRAILING_SLASH = define(
            "trailing-slash",
            () -> Config.TrailingSlash.STRICT,
            ConfigValues::trailingSlash,
            notNull(),
            "when /a/ has no route but /a has (or the reverse): strict (404 saying so), redirect (308), ignore (serve it)");
    static final Setting<Boolean> COMPRESSION = define(
            "compression",
            () -> true,
            ConfigValues::bool,
            notNull(),
            "gzip response bodies for clients that accept it (Accept-Encoding)");
    static final Setting<Integer> COMPRESSION_MIN_SIZE = define(
            "compression-min-size",
            () -> 1024,
            ConfigValues::intSize,
            v -> v != null && v >= 0 ? null : "must be >= 0" + was(v),
            "smallest body in bytes that is compressed; streamed bodies always are");
    static final Setting<JsonMapper> JSON_MAPPER = define(
            "json-mapper",
            () -> null, // each app then makes Tulip's strict default mapper of its own
            null,
            v -> null,
            "the Jackson mapper for JSON bodies");

    /** Every setting, in the order above. */
    static final List<Setting<?>> ALL = List.copyOf(TABLE);

    /** The names of the settings that can be given as text, for error messages. */
    static final String TEXT_NAMES = String.join(
            ", ", ALL.stream().filter(Setting::fromText).map(s -> s.name).toList());

    /** Position in {@link #ALL}, where {@link Config} keeps the value. */
    final int index;
    /** The name on the command line and, upper-cased with underscores, in the environment. */
    final String name;
    /** Other names accepted for it. */
    final List<String> aliases;
    /** What it means, one line (the list in the class comment repeats it). */
    final String doc;

    private final Supplier<? extends T> defaultValue;
    private final Function<String, ? extends T> parser;
    private final Check<? super T> check;

    private Setting(
            int index,
            String name,
            List<String> aliases,
            Supplier<? extends T> defaultValue,
            Function<String, ? extends T> parser,
            Check<? super T> check,
            String doc) {
        this.index = index;
        this.name = name;
        this.aliases = aliases;
        this.defaultValue = defaultValue;
        this.parser = parser;
        this.check = check;
        this.doc = doc;
    }

    /**
     * Adds a setting to the table.
     *
     * @param parser reads the value from text (environment, command line); null if it can only be set in code
     * @param check the validation applied to every value, from code or from text
     */
    private static <T> Setting<T> define(
            String name,
            Supplier<? extends T> defaultValue,
            Function<String, ? extends T> parser,
            Check<? super T> check,
            String doc,
            String... aliases) {
        var s = new Setting<T>(TABLE.size(), name, List.of(aliases), defaultValue, parser, check, doc);
        TABLE.add(s);
        return s;
    }

    /** A setting of an app's own ({@link AppSetting}): not in the table, so its index is -1. */
    static <T> Setting<T> ofApp(
            String name,
            Supplier<? extends T> defaultValue,
            Function<String, ? extends T> parser,
            Check<? super T> check,
            String doc) {
        return new Setting<>(-1, name, List.of(), defaultValue, parser, check, doc);
    }

    /** A setting name as given ({@code MAX_BODY_SIZE}, {@code max-body-size}) in its one spelling. */
    static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The setting called {@code key} (case and {@code -}/{@code _} ignored, aliases accepted), or null. */
    static Setting<?> find(String key) {
        String k = normalize(key);
        for (Setting<?> s : ALL) {
            if (s.name.equals(k) || s.aliases.contains(k)) return s;
        }
        return null;
    }

    /** A fresh array of every setting's default, indexed like {@link #ALL}. */
    static Object[] defaults() {
        Object[] values = new Object[ALL.size()];
        for (Setting<?> s : ALL) values[s.index] = s.defaultValue();
        return values;
    }

    /** The default value, validated (computed anew for those that depend on the machine). */
    T defaultValue() {
        return validate(defaultValue.get());
    }

    /** Whether it can be given as text (environment, command line) rather than in code only. */
    boolean fromText() {
        return parser != null;
    }

    /** Whether it is a boolean, so {@code --name} alone on the command line means true. */
    boolean isFlag() {
        return defaultValue.get() instanceof Boolean;
    }

    /** Parses and validates {@code text}; the ConfigException names the setting. */
    T parse(String text) {
        if (parser == null) throw new ConfigException(name + " can only be set in code");
        return validate(parser.apply(text));
    }

    /** Returns {@code value} if it is valid, else throws a ConfigException starting with the name. */
    T validate(T value) {
        String problem = check.problem(value);
        if (problem != null) throw new ConfigException(name + " " + problem);
        return value;
    }

    @Override
    public String toString() {
        return name;
    }

    private static String was(Object value) {
        return value == null ? "" : ", was " + ConfigValues.format(value);
    }

    private static Check<Integer> positive() {
        return v -> v != null && v > 0 ? null : "must be > 0" + was(v);
    }

    private static Check<Duration> positiveDuration() {
        return v -> v != null && v.isPositive() ? null : "must be a positive duration" + was(v);
    }

    private static Check<Object> notNull() {
        return v -> v == null ? "must not be null" : null;
    }

    private static String proxiesProblem(String v) {
        if (v == null) return "must not be null";
        try {
            dev.tulip.internal.TrustedProxies.parse(v);
            return null;
        } catch (IllegalArgumentException e) {
            return "must be IP addresses or CIDR ranges, comma-separated: " + e.getMessage();
        }
    }

    private static String headerValueProblem(String v) {
        if (v == null) return "must not be null";
        try {
            dev.tulip.internal.HeaderList.validate("Server", v);
            return null;
        } catch (IllegalArgumentException e) {
            return "must be a valid header value (no control characters)";
        }
    }
}
