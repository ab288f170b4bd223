package dev.tulip.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link SessionStore#inMemory()}: a concurrent map; expired sessions go when read, and in a sweep every 1,024 saves. */
final class MemorySessionStore implements SessionStore {
    private record Entry(Map<String, String> values, Instant expires) {}

    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger saves = new AtomicInteger();
    private final Clock clock;

    MemorySessionStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Map<String, String>> load(String id) {
        Entry e = sessions.get(id);
        if (e == null) return Optional.empty();
        if (!e.expires.isAfter(clock.instant())) {
            sessions.remove(id, e);
            return Optional.empty();
        }
        return Optional.of(e.values);
    }

    @Override
    public void save(String id, Map<String, String> values, Duration maxAge) {
        Instant now = clock.instant();
        sessions.put(id, new Entry(Map.copyOf(values), now.plus(maxAge)));
        if ((saves.incrementAndGet() & 1023) == 0) sessions.values().removeIf(e -> !e.expires.isAfter(now));
    }

    @Override
    public void delete(String id) {
        sessions.remove(id);
    }

    /** How many sessions are held, expired ones not yet swept included. */
    int size() {
        return sessions.size();
    }
}
