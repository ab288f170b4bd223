package dev.tulip.admin.internal.mongo;

import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.Id;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.Mongo;
import dev.tulip.mongo.MongoFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/** One collection's records by id: read, looked up, inserted, updated and deleted. */
final class Records {
    private final Mongo mongo;
    private final Commands commands;

    Records(Mongo mongo, Commands commands) {
        this.mongo = mongo;
        this.commands = commands;
    }

    Optional<Map<String, Object>> find(Shape shape, Id id) {
        Optional<Object> key = key(shape, id);
        if (key.isEmpty()) return Optional.empty();
        commands.sent("find", shape.model().name());
        return coll(shape).findOne(Filter.eq("_id", key.get())).map(d -> Lister.row(shape, d, allFields(shape)));
    }

    Map<Id, Map<String, Object>> findAll(Shape shape, java.util.Collection<Id> ids, List<String> fields) {
        List<Object> keys = ids.stream()
                .map(id -> key(shape, id))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (keys.isEmpty()) return Map.of();
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("_id");
        for (String f : fields) wanted.add(shape.field(f).name());
        commands.sent("find", shape.model().name());
        Map<Id, Map<String, Object>> out = new LinkedHashMap<>();
        for (Document d : coll(shape)
                .find(Filter.in("_id", keys))
                .projection(Projections.include(List.copyOf(wanted)))
                .list(keys.size())) {
            Map<String, Object> row = Lister.row(shape, d, wanted);
            out.put(idOf(row), row);
        }
        return out;
    }

    List<Choice> lookup(Shape shape, String term, List<String> labelFields, int limit) {
        List<Filter> any = new ArrayList<>();
        for (String f : labelFields) any.add(Conditions.contains(shape.field(f).name(), term));
        key(shape, Id.of(term)).ifPresent(k -> any.add(Filter.eq("_id", k)));
        Filter filter =
                any.isEmpty() ? Filter.all() : any.size() == 1 ? any.getFirst() : Filter.or(any.toArray(Filter[]::new));
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add("_id");
        wanted.addAll(labelFields);
        commands.sent("find", shape.model().name());
        List<Choice> out = new ArrayList<>();
        for (Document d : coll(shape)
                .find(filter)
                .projection(Projections.include(List.copyOf(wanted)))
                .limit(limit)
                .list(limit)) {
            Map<String, Object> row = Lister.row(shape, d, wanted);
            List<String> labels = labelFields.stream()
                    .map(row::get)
                    .filter(Objects::nonNull)
                    .map(Values::text)
                    .toList();
            Id id = idOf(row);
            out.add(new Choice(id, labels.isEmpty() ? id.parts().getFirst() : String.join(" ", labels)));
        }
        return out;
    }

    Id insert(Shape shape, Map<String, Object> values) {
        Document doc = new Document();
        values.forEach((name, value) -> {
            if (value != null) doc.put(shape.field(name).name(), shape.stored(name, value));
        });
        if (!doc.containsKey("_id") && !shape.id().hasDefault())
            throw new ConstraintViolation(Optional.of("_id"), Optional.empty(), "is required", null);
        commands.sent("insert", shape.model().name());
        try {
            return Id.of(coll(shape).insertOne(doc));
        } catch (MongoFailure e) {
            throw Violations.of(shape, e);
        }
    }

    boolean update(Shape shape, Id id, Map<String, Object> values) {
        Optional<Object> key = key(shape, id);
        if (key.isEmpty()) return false;
        List<Bson> changes = new ArrayList<>();
        values.forEach((name, value) -> {
            Field f = shape.field(name);
            if (f.name().equals("_id")) {
                if (!Objects.equals(shape.stored(name, value), key.get()))
                    throw new ConstraintViolation(Optional.of("_id"), Optional.empty(), "cannot be changed", null);
                return;
            }
            changes.add(value == null ? Updates.unset(f.name()) : Updates.set(f.name(), shape.stored(name, value)));
        });
        if (changes.isEmpty()) return find(shape, id).isPresent();
        commands.sent("update", shape.model().name());
        try {
            return coll(shape)
                            .updateOne(Filter.eq("_id", key.get()), Updates.combine(changes))
                            .matched()
                    > 0;
        } catch (MongoFailure e) {
            throw Violations.of(shape, e);
        }
    }

    long delete(Shape shape, List<Id> ids) {
        List<Object> keys = ids.stream()
                .map(id -> key(shape, id))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (keys.isEmpty()) return 0;
        commands.sent("delete", shape.model().name());
        try {
            return coll(shape).deleteMany(Filter.in("_id", keys));
        } catch (MongoFailure e) {
            throw Violations.of(shape, e);
        }
    }

    /** The stored {@code _id} of {@code id}; empty when it cannot be one (a malformed ObjectId, a non-number). */
    static Optional<Object> key(Shape shape, Id id) {
        if (id.parts().size() != 1) return Optional.empty();
        try {
            return Optional.ofNullable(shape.stored(
                    "_id", Values.parse(shape.id().type(), id.parts().getFirst())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static Id idOf(Map<String, Object> record) {
        Object id = record.get("_id");
        if (id == null) throw new IllegalArgumentException("the record has no _id");
        return Id.of(Values.text(id));
    }

    private static Set<String> allFields(Shape shape) {
        Set<String> all = new LinkedHashSet<>();
        shape.model().fields().forEach(f -> all.add(f.name()));
        return all;
    }

    private Collection<Document> coll(Shape shape) {
        return MongoBackend.collection(mongo, shape.model().name());
    }
}
