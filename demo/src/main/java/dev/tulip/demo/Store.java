package dev.tulip.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory collections standing in for MongoDB and PostgreSQL until the data modules land. */
public final class Store {
    final Map<String, Map<String, Object>> contacts = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, Map<String, Object>> stuff = new ConcurrentHashMap<>();
    final Map<String, Map<String, Object>> info = new ConcurrentHashMap<>();

    static Store withSamples() {
        Store s = new Store();
        s.info.put("a1", Map.of("_id", "a1", "ta", 1, "name", "alpha"));
        s.info.put("b2", Map.of("_id", "b2", "ta", 2, "name", "beta"));
        s.info.put("c3", Map.of("_id", "c3", "ta", 3, "name", "gamma"));
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

    void clear() {
        contacts.clear();
        stuff.clear();
        info.clear();
    }
}
