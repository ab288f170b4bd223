package dev.tulip.admin.internal.mongo;

import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.web.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * Sessions as documents {@code {_id, values: [{k, v}], expires_at}}: the values as a list of
 * pairs, so that a key is never read as a field name (a {@code $} or {@code .} in it is fine).
 */
final class MongoSessionStore implements SessionStore {
    private final Supplier<Collection<Document>> sessions;
    private final Clock clock;

    MongoSessionStore(Supplier<Collection<Document>> sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Optional<Map<String, String>> load(String id) {
        Optional<Document> found = sessions.get().findOne(Filter.eq("_id", id));
        if (found.isEmpty()) return Optional.empty();
        Date expires = found.get().getDate("expires_at");
        if (expires == null || !expires.toInstant().isAfter(clock.instant())) {
            delete(id);
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Document pair : found.get().getList("values", Document.class, List.of()))
            values.put(pair.getString("k"), pair.getString("v"));
        return Optional.of(values);
    }

    @Override
    public void save(String id, Map<String, String> values, Duration maxAge) {
        List<Document> pairs = new ArrayList<>();
        values.forEach((k, v) -> pairs.add(new Document("k", k).append("v", v)));
        Document doc = new Document("_id", id)
                .append("values", pairs)
                .append("expires_at", Date.from(clock.instant().plus(maxAge)));
        sessions.get().upsert(Filter.eq("_id", id), doc);
    }

    @Override
    public void delete(String id) {
        sessions.get().deleteOne(Filter.eq("_id", id));
    }
}
