package dev.tulip;

import dev.tulip.internal.ReversePaths;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an app shares across all its requests: values under typed {@link Key}s (a database pool, a
 * client, a semaphore) and the address the server is bound to. Values go in while the app starts
 * (usually through {@link Tulip#resource}); once it serves, the context is frozen.
 *
 * <pre>{@code
 * var db = Key.of("db", Db.class);
 * app.resource(db, ctx -> Db.connect(), Db::close);
 * app.get("/users", req -> req.context().get(db).users());
 * }</pre>
 */
public final class AppContext {
    private final Map<Key<?>, Object> values = new ConcurrentHashMap<>();
    private volatile boolean frozen;
    private volatile String host = "";
    private volatile int port = -1;
    private volatile boolean draining;
    private volatile Config config = Config.defaults();
    private volatile ReversePaths paths = new ReversePaths(Map.of());

    AppContext() {}

    /**
     * Stores {@code value} under {@code key} and returns it. A key (or a key of the same name) that
     * already has a value is an error, and so is a put once the app serves.
     */
    public <T> T put(Key<T> key, T value) {
        if (key == null || value == null) throw new IllegalArgumentException("key and value must not be null");
        if (frozen) {
            throw new IllegalStateException("the app context is frozen once the app serves; put " + key
                    + " while it starts (Tulip.resource or onBeforeStart)");
        }
        T checked = key.type().cast(value);
        for (Key<?> k : values.keySet()) {
            if (k.name().equals(key.name())) {
                throw new IllegalStateException(
                        "the app context already holds " + k + "; give each value its own key name");
            }
        }
        values.put(key, checked);
        return checked;
    }

    /** The value under {@code key}; throws if there is none, saying how to provide it. */
    public <T> T get(Key<T> key) {
        return find(key)
                .orElseThrow(() -> new IllegalStateException("nothing under " + key
                        + " in the app context: declare it with app.resource(key, ...) or put it in onBeforeStart"));
    }

    /** The value under {@code key}, if any. */
    public <T> Optional<T> find(Key<T> key) {
        return Optional.ofNullable(key.type().cast(values.get(key)));
    }

    /** The port the server listens on, or -1 when it is not bound. */
    public int port() {
        return port;
    }

    /** The host the server listens on ("" when it is not bound). */
    public String host() {
        return host;
    }

    /**
     * The config the app runs with: after {@link Tulip#run} merged the environment and arguments
     * in; app settings are read with {@code config().get(setting)}.
     */
    public Config config() {
        return config;
    }

    void configured(Config config, ReversePaths paths) {
        this.config = config;
        this.paths = paths;
    }

    /**
     * The path of the route named {@code name} ({@link Routes#name}) with {@code params} for its
     * parameters in order, each checked against its type and percent-encoded:
     * {@code path("user", 42)} → {@code /users/42}. An unknown name, a wrong number of values or
     * a value its parameter would not match is an {@link IllegalArgumentException}.
     */
    public String path(String name, Object... params) {
        return paths.path(name, params);
    }

    void bound(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Whether the app has begun to stop: readiness then answers 503. */
    boolean draining() {
        return draining;
    }

    void draining(boolean on) {
        draining = on;
    }

    void freeze() {
        frozen = true;
    }

    /** Empties the context after the app stopped, so a stopped app hands out no closed resources. */
    void clear() {
        values.clear();
    }
}
