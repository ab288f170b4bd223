package dev.tulip.admin.internal.mongo;

import com.mongodb.client.model.Projections;
import dev.tulip.admin.spi.Backend;
import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Count;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Relation;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Filter;
import dev.tulip.mongo.IdType;
import dev.tulip.mongo.Mongo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * The admin over the collections of {@code mongo.database()}: models from each collection's
 * {@code $jsonSchema} validator or a sample of its documents, {@code _id} as the key, and the
 * references between collections the app declares (MongoDB has none of its own).
 */
public final class MongoBackend implements Backend {
    private final Mongo mongo;
    private final Commands commands;
    private final Introspector introspector;
    private final Lister lister;
    private final Records records;
    private volatile Map<String, Shape> shapes = Map.of();

    /** The backend over {@code mongo}'s default database; {@code declared} are the references between its collections. */
    public MongoBackend(Mongo mongo, List<Relation> declared) {
        this(mongo, declared, command -> {});
    }

    /** The same, telling {@code onCommand} of every command sent ({@code "find tasks"}), for counting them. */
    public MongoBackend(Mongo mongo, List<Relation> declared, Consumer<String> onCommand) {
        this.mongo = mongo;
        this.commands = new Commands(onCommand);
        this.introspector = new Introspector(mongo, declared, commands);
        this.lister = new Lister(mongo, commands);
        this.records = new Records(mongo, commands);
    }

    static Collection<Document> collection(Mongo mongo, String name) {
        return mongo.database().collection(name, Document.class).withIds(IdType.STRING);
    }

    @Override
    public String kind() {
        return "MongoDB";
    }

    @Override
    public List<Model> models() {
        Map<String, Shape> read = introspector.shapes();
        shapes = read;
        return read.values().stream().map(Shape::model).toList();
    }

    @Override
    public Page list(Model model, ListQuery query) {
        return lister.list(shape(model), query);
    }

    @Override
    public Count count(
            Model model,
            List<Condition> conditions,
            Optional<String> search,
            List<String> searchFields,
            boolean exact) {
        Shape shape = shape(model);
        boolean filtered =
                !conditions.isEmpty() || search.filter(s -> !s.isBlank()).isPresent() && !searchFields.isEmpty();
        return lister.count(shape, Conditions.of(shape, conditions, search, searchFields), filtered, exact);
    }

    @Override
    public Optional<Map<String, Object>> find(Model model, Id id) {
        return records.find(shape(model), id);
    }

    @Override
    public Map<Id, Map<String, Object>> findAll(Model model, java.util.Collection<Id> ids, List<String> fields) {
        return records.findAll(shape(model), ids, fields);
    }

    @Override
    public List<Choice> lookup(Model model, String term, List<String> labelFields, int limit) {
        return records.lookup(shape(model), term, labelFields, limit);
    }

    @Override
    public Id insert(Model model, Map<String, Object> values) {
        return records.insert(shape(model), values);
    }

    @Override
    public boolean update(Model model, Id id, Map<String, Object> values) {
        return records.update(shape(model), id, values);
    }

    @Override
    public long delete(Model model, List<Id> ids) {
        return records.delete(shape(model), ids);
    }

    @Override
    public List<Dependents> dependents(Model model, List<Id> ids, int sampleSize) {
        Shape target = shape(model);
        List<Dependents> out = new ArrayList<>();
        for (Relation r : model.referencedBy()) {
            Shape from = shape(r.model());
            String field = r.fields().getFirst();
            List<Object> values = referenced(target, r, ids).stream()
                    .map(v -> Conditions.elementValue(from, from.field(field), v))
                    .distinct()
                    .toList();
            if (values.isEmpty()) {
                out.add(new Dependents(r, 0, List.of()));
                continue;
            }
            Filter filter = Filter.in(field, values);
            Collection<Document> coll = collection(mongo, r.model());
            commands.sent("aggregate", r.model());
            long count = coll.count(filter);
            List<Id> sample = List.of();
            if (count > 0 && sampleSize > 0) {
                commands.sent("find", r.model());
                sample =
                        coll
                                .find(filter)
                                .projection(Projections.include("_id"))
                                .limit(sampleSize)
                                .list(sampleSize)
                                .stream()
                                .map(d -> Records.idOf(Lister.row(from, d, Set.of("_id"))))
                                .toList();
            }
            out.add(new Dependents(r, count, sample));
        }
        return out;
    }

    @Override
    public Id idOf(Model model, Map<String, Object> record) {
        return Records.idOf(record);
    }

    /** The canonical values of {@code r}'s target fields in the records {@code ids}. */
    private List<Object> referenced(Shape target, Relation r, List<Id> ids) {
        String key = r.targetFields().getFirst();
        if (key.equals("_id")) {
            List<Object> out = new ArrayList<>();
            for (Id id : ids) Records.key(target, id).ifPresent(k -> out.add(Values.canonical(target.id(), k)));
            return out;
        }
        return records.findAll(target, ids, List.of(key)).values().stream()
                .map(row -> row.get(key))
                .filter(Objects::nonNull)
                .toList();
    }

    private Shape shape(Model model) {
        return shape(model.name());
    }

    private Shape shape(String name) {
        Shape s = shapes.get(name);
        if (s == null) {
            models();
            s = shapes.get(name);
        }
        if (s == null)
            throw new IllegalArgumentException(
                    "there is no collection " + name + " in " + mongo.database().name());
        return s;
    }
}
