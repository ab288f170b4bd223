package dev.tulip.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory users standing in for PostgreSQL until the data module lands (contacts, stuff and info are in MongoDB). */
public final class Store {
    /** A user row (seed 001's asyncpg table). */
    public record User(int id, String name, String email) {}

    final Map<Integer, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger userIds = new AtomicInteger();

    static Store withSamples() {
        Store s = new Store();
        s.addUser("Ada", "ada@example.com");
        s.addUser("Linus", "linus@example.com");
        return s;
    }

    User addUser(String name, String email) {
        User u = new User(userIds.incrementAndGet(), name, email);
        users.put(u.id(), u);
        return u;
    }

    Optional<User> user(int id) {
        return Optional.ofNullable(users.get(id));
    }

    void clear() {
        users.clear();
    }
}
