package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.mongo.Collection;
import dev.tulip.mongo.Mongo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads every collection's model: its fields from its {@code $jsonSchema} validator when it has
 * one, else from a sample of its documents; its unique indexes; the relations the app declared.
 */
final class Introspector {
    static final String ADMIN_PREFIX = "tulip_admin_";

    private final Mongo mongo;
    private final List<Relation> declared;
    private final Commands commands;

    Introspector(Mongo mongo, List<Relation> declared, Commands commands) {
        this.mongo = mongo;
        this.declared = List.copyOf(declared);
        this.commands = commands;
    }

    Map<String, Shape> shapes() {
        commands.sent("listCollections", "");
        ObjectNode reply = mongo.database()
                .command(new Document("listCollections", 1).append("cursor", new Document("batchSize", 100_000)));
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (JsonNode c : reply.path("cursor").path("firstBatch").values()) {
            String name = c.path("name").asString();
            if (!c.path("type").asString("collection").equals("collection")) continue;
            if (name.startsWith("system.") || name.startsWith(ADMIN_PREFIX)) continue;
            schemas.put(name, c.path("options").path("validator").path("$jsonSchema"));
        }
        List<String> names = schemas.keySet().stream().sorted().toList();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (String name : names) shapes.put(name, shape(name, schemas.get(name), names));
        return shapes;
    }

    private Shape shape(String name, JsonNode schema, List<String> names) {
        Collection<Document> coll = MongoBackend.collection(mongo, name);
        Found found;
        if (schema.isObject()) {
            commands.sent("find", name);
            Optional<Document> first =
                    coll.find().projection(new Document("_id", 1)).first();
            Values.Kind idKind =
                    first.map(d -> Values.kind(d.get("_id"))).orElse(new Values.Kind(FieldType.OBJECT_ID, "objectId"));
            found = SchemaFields.read(schema, idKind);
        } else {
            commands.sent("find", name);
            found = Sampler.read(coll.find().limit(Sampler.SIZE).list(Sampler.SIZE));
        }
        commands.sent("listIndexes", name);
        Set<String> leads = new HashSet<>();
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        Set<String> fieldNames = new HashSet<>();
        found.fields().forEach(f -> fieldNames.add(f.name()));
        for (ObjectNode index : coll.indexes()) {
            List<String> keys = new ArrayList<>();
            boolean ordered = true;
            for (Map.Entry<String, JsonNode> k : index.path("key").properties()) {
                keys.add(k.getKey());
                ordered &= k.getValue().isNumber(); // not "hashed", "text", "2dsphere"
            }
            if (keys.isEmpty()) continue;
            indexes.put(index.path("name").asString(), keys);
            boolean whole = !index.has("partialFilterExpression")
                    && !index.path("sparse").asBoolean(false);
            if (ordered && whole) leads.add(keys.getFirst());
            if (index.path("unique").asBoolean(false)
                    && !keys.equals(List.of("_id"))
                    && whole
                    && fieldNames.containsAll(keys)) uniqueKeys.add(keys);
        }
        List<Field> fields = found.fields().stream()
                .map(f -> uniqueKeys.contains(List.of(f.name())) ? unique(f) : f)
                .toList();
        List<Relation> references = declared.stream()
                .filter(r -> r.model().equals(name) && names.contains(r.target()))
                .toList();
        List<Relation> referencedBy = declared.stream()
                .filter(r -> r.target().equals(name) && names.contains(r.model()))
                .toList();
        Model model = new Model(name, fields, List.of("_id"), uniqueKeys, references, referencedBy, found.help());
        return new Shape(model, found.bson(), leads, indexes);
    }

    private static Field unique(Field f) {
        return new Field(
                f.name(),
                f.type(),
                f.elementType(),
                f.nullable(),
                f.hasDefault(),
                f.readOnly(),
                f.enumValues(),
                f.rules(),
                true,
                f.help());
    }
}
