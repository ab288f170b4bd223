package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Rules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The fields a collection's {@code $jsonSchema} validator declares: each property's
 * {@code bsonType} (or JSON Schema {@code type}) as its field type, {@code enum} as ENUM,
 * {@code required} as not nullable, {@code minimum}/{@code maximum}/{@code minLength}/
 * {@code maxLength}/{@code pattern} as its rules and {@code description} as its help.
 */
final class SchemaFields {
    static final String CONSTRAINT = "$jsonSchema";

    private SchemaFields() {}

    /** The fields of {@code schema}; {@code _id} as declared, else of {@code idKind} (the stored ids'). */
    static Found read(JsonNode schema, Values.Kind idKind) {
        Set<String> required = new HashSet<>();
        schema.path("required").values().forEach(n -> required.add(n.asString()));
        List<Field> fields = new ArrayList<>();
        Map<String, String> bson = new LinkedHashMap<>();
        JsonNode declaredId = schema.path("properties").path("_id");
        Values.Kind id = declaredId.isObject() ? kindOf(declaredId) : idKind;
        fields.add(Found.id(id));
        bson.put("_id", id.bson());
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            String name = p.getKey();
            if (name.equals("_id") || name.startsWith("$") || name.contains(".")) continue;
            JsonNode prop = p.getValue();
            Values.Kind kind = kindOf(prop);
            Optional<FieldType> element = Optional.empty();
            List<String> enumValues = enumValues(prop);
            String flavour = kind.bson();
            if (kind.type() == FieldType.ARRAY) {
                JsonNode items = prop.path("items");
                Values.Kind itemKind = items.isObject() ? kindOf(items) : new Values.Kind(FieldType.OTHER, "");
                element = Optional.of(itemKind.type());
                enumValues = enumValues(items);
                flavour = itemKind.bson();
            }
            boolean nullable = !required.contains(name) || types(prop).contains("null");
            fields.add(new Field(
                    name,
                    kind.type(),
                    element,
                    nullable,
                    false,
                    false,
                    enumValues,
                    rules(prop),
                    false,
                    text(prop.path("description"))));
            bson.put(name, flavour);
        }
        return new Found(fields, bson, text(schema.path("description")).or(() -> text(schema.path("title"))));
    }

    private static Values.Kind kindOf(JsonNode prop) {
        if (prop.path("enum").isArray()) return new Values.Kind(FieldType.ENUM, "string");
        List<String> types = types(prop);
        types.remove("null");
        if (types.size() != 1) return new Values.Kind(FieldType.OTHER, "");
        String t = types.getFirst();
        FieldType type = switch (t) {
            case "string" -> FieldType.TEXT;
            case "int", "long", "integer" -> FieldType.INTEGER;
            case "double", "number" -> FieldType.FLOAT;
            case "decimal" -> FieldType.DECIMAL;
            case "bool", "boolean" -> FieldType.BOOLEAN;
            case "date" -> FieldType.TIMESTAMPTZ;
            case "objectId" -> FieldType.OBJECT_ID;
            case "object" -> FieldType.JSON;
            case "array" -> FieldType.ARRAY;
            case "binData" -> FieldType.BYTES;
            default -> FieldType.OTHER;
        };
        return new Values.Kind(type, t.equals("integer") ? "long" : t);
    }

    /** The {@code bsonType} (or {@code type}) names of a property: one, or a list of them. */
    private static List<String> types(JsonNode prop) {
        JsonNode t = prop.has("bsonType") ? prop.path("bsonType") : prop.path("type");
        List<String> out = new ArrayList<>();
        if (t.isArray()) t.values().forEach(n -> out.add(n.asString()));
        else if (t.isString()) out.add(t.asString());
        return out;
    }

    private static List<String> enumValues(JsonNode prop) {
        List<String> out = new ArrayList<>();
        prop.path("enum").values().forEach(n -> {
            if (!n.isNull()) out.add(n.isString() ? n.asString() : n.toString());
        });
        return out;
    }

    private static Rules rules(JsonNode prop) {
        Rules r = new Rules(
                number(prop.path("minimum")),
                number(prop.path("maximum")),
                count(prop.path("minLength")),
                count(prop.path("maxLength")),
                text(prop.path("pattern")),
                Optional.of(CONSTRAINT));
        return r.isEmpty() ? Rules.NONE : r;
    }

    private static Optional<BigDecimal> number(JsonNode n) {
        return n.isNumber() ? Optional.of(n.decimalValue()) : Optional.empty();
    }

    private static OptionalInt count(JsonNode n) {
        return n.isNumber() ? OptionalInt.of(n.asInt()) : OptionalInt.empty();
    }

    private static Optional<String> text(JsonNode n) {
        return n.isString() && !n.asString().isBlank() ? Optional.of(n.asString()) : Optional.empty();
    }
}
