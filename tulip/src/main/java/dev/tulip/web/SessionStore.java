package dev.tulip.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where sessions live on the server, for {@link Sessions.Builder#store}: the cookie then carries
 * only the signed session id. Implementations must be thread-safe; one that blocks (a database)
 * must only be used by blocking routes (the default), not {@link dev.tulip.Handler#nonBlocking} ones.
 */
public interface SessionStore {

    /** The values of session {@code id}, if it exists and has not expired. */
    Optional<Map<String, String>> load(String id);

    /** Stores the values of session {@code id}, to expire {@code maxAge} from now. */
    void save(String id, Map<String, String> values, Duration maxAge);

    /** Deletes session {@code id}, if it exists. */
    void delete(String id);

    /** A store in this JVM's memory: sessions are lost on restart and not shared between instances. */
    static SessionStore inMemory() {
        return new MemorySessionStore(Clock.systemUTC());
    }
}
