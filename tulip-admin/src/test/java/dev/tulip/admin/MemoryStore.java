package dev.tulip.admin;

import dev.tulip.admin.spi.AdminStore;
import dev.tulip.admin.spi.AdminUser;
import dev.tulip.web.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The admin's own data in memory, for tests that need no database. */
final class MemoryStore implements AdminStore {
    final Map<String, AdminUser> users = new ConcurrentHashMap<>();
    final Map<String, List<Instant>> failures = new ConcurrentHashMap<>();
    final SessionStore sessions = SessionStore.inMemory();

    @Override
    public void migrate() {}

    @Override
    public String secret() {
        return "memory-store-secret-of-at-least-32-bytes!";
    }

    @Override
    public Optional<AdminUser> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    @Override
    public void saveUser(AdminUser user) {
        users.put(user.username(), user);
    }

    @Override
    public boolean hasUsers() {
        return !users.isEmpty();
    }

    @Override
    public SessionStore sessions() {
        return sessions;
    }

    @Override
    public int recordFailure(String key, Duration window) {
        failures.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(Instant.now());
        return failures(key, window);
    }

    @Override
    public int failures(String key, Duration window) {
        Instant since = Instant.now().minus(window);
        return (int) failures.getOrDefault(key, List.of()).stream()
                .filter(t -> t.isAfter(since))
                .count();
    }

    @Override
    public void clearFailures(String key) {
        failures.remove(key);
    }
}
