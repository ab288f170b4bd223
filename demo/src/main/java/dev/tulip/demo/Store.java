package dev.tulip.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory collections standing in for MongoDB and PostgreSQL until the data modules land. */
public final class Store {
    /** A user row (seed 001's asyncpg table). */
    public record User(int id, String name, String email) {}

    final Map<String, Map<String, Object>> contacts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Map<String, Object>> stuff = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> info = new ConcurrentHashMap<>();
    final Map<Integer, User> users = new ConcurrentHashMap<>();
    private final AtomicInteger userIds = new AtomicInteger();

    static Store withSamples() {
        Store s = new Store();
        s.info.put("a1", Map.of("_id", "a1", "ta", 1, "name", "alpha"));
        s.info.put("b2", Map.of("_id", "b2", "ta", 2, "name", "beta"));
        s.info.put("c3", Map.of("_id", "c3", "ta", 3, "name", "gamma"));
        s.addUser("Ada", "ada@example.com");
        s.addUser("Linus", "linus@example.com");
        return s;
    }

    String insertContact(Map<String, Object> doc) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        Map<String, Object> copy = new LinkedHashMap<>(doc);
        copy.remove("id");
        contacts.put(id, copy);
        return id;
    }

    List<Map<String, Object>> listContacts(int limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (contacts) {
            for (var e : contacts.entrySet()) {
                if (out.size() == limit) break;
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("id", e.getKey());
                doc.putAll(e.getValue());
                out.add(doc);
            }
        }
        return out;
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
        contacts.clear();
        stuff.clear();
        info.clear();
        users.clear();
    }
}
