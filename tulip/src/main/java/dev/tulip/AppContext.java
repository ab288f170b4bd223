package dev.tulip;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an app shares across all its requests: resources keyed by type (a database pool, a
 * client, a semaphore), set up once per process by a start listener, and the address the server
 * is bound to.
 *
 * <pre>{@code
 * app.onBeforeStart(ctx -> ctx.put(Db.class, Db.connect()));
 * app.get("/users", req -> req.app().get(Db.class).users());
 * app.onAfterStop(ctx -> ctx.get(Db.class).close());
 * }</pre>
 */
public final class AppContext {
    private final Map<Class<?>, Object> resources = new ConcurrentHashMap<>();
    private volatile String host = "";
    private volatile int port = -1;

    AppContext() {}

    /** Stores {@code value} under {@code type}, replacing any earlier value; returns the value. */
    public <T> T put(Class<T> type, T value) {
        if (type == null || value == null) throw new IllegalArgumentException("type and value must not be null");
        resources.put(type, type.cast(value));
        return value;
    }

    /** The value stored under {@code type}; throws if none was put (a missing start listener). */
    public <T> T get(Class<T> type) {
        return find(type)
                .orElseThrow(() -> new IllegalStateException("nothing stored under " + type.getName()
                        + " in the app context: put it in an onBeforeStart listener"));
    }

    /** The value stored under {@code type}, if any. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(type.cast(resources.get(type)));
    }

    /** Removes and returns the value stored under {@code type}, if any. */
    public <T> Optional<T> remove(Class<T> type) {
        return Optional.ofNullable(type.cast(resources.remove(type)));
    }

    /** The port the server listens on, or -1 before it is bound. */
    public int port() {
        return port;
    }

    /** The host the server listens on ("" before start). */
    public String host() {
        return host;
    }

    void bound(String host, int port) {
        this.host = host;
        this.port = port;
    }
}
