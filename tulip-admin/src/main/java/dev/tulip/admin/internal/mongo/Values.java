package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values between the driver's {@code Document} types and the admin's canonical ones
 * ({@link FieldType}): int32/int64 as {@code Long}, Decimal128 as {@code BigDecimal}, dates as
 * {@code OffsetDateTime} in UTC, ObjectIds as their hex text, nested documents as Jackson trees
 * (relaxed extended JSON, so a date inside one is {@code {"$date": ...}} and comes back a date).
 */
final class Values {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private Values() {}

    /** The kind of a stored value, and its BSON flavour ({@code int} or {@code long} for integers). */
    record Kind(FieldType type, String bson) {}

    static Kind kind(Object raw) {
        return switch (raw) {
            case String s -> new Kind(FieldType.TEXT, "string");
            case Integer i -> new Kind(FieldType.INTEGER, "int");
            case Long l -> new Kind(FieldType.INTEGER, "long");
            case Double d -> new Kind(FieldType.FLOAT, "double");
            case Decimal128 d -> new Kind(FieldType.DECIMAL, "decimal");
            case Boolean b -> new Kind(FieldType.BOOLEAN, "bool");
            case Date d -> new Kind(FieldType.TIMESTAMPTZ, "date");
            case ObjectId o -> new Kind(FieldType.OBJECT_ID, "objectId");
            case Document d -> new Kind(FieldType.JSON, "object");
            case List<?> l -> new Kind(FieldType.ARRAY, "array");
            case Binary b -> new Kind(FieldType.BYTES, "binData");
            default -> new Kind(FieldType.OTHER, raw.getClass().getSimpleName());
        };
    }

    /** A stored value as {@code field}'s canonical one; a value of another BSON type as its text. */
    static Object canonical(Field field, Object raw) {
        if (raw == null) return null;
        if (field.type() == FieldType.ARRAY && raw instanceof List<?> list) {
            FieldType element = field.elementType().orElse(FieldType.OTHER);
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(item == null ? null : as(element, item));
            return out;
        }
        return as(field.type(), raw);
    }

    private static Object as(FieldType type, Object raw) {
        FieldType natural = kind(raw).type();
        boolean fits = natural == type
                || (type == FieldType.ENUM && natural == FieldType.TEXT)
                || (type == FieldType.FLOAT && natural == FieldType.INTEGER);
        if (!fits) return text(raw);
        return switch (raw) {
            case Integer i -> type == FieldType.FLOAT ? (Object) i.doubleValue() : (Object) i.longValue();
            case Long l -> type == FieldType.FLOAT ? (Object) l.doubleValue() : (Object) l;
            case Decimal128 d -> d.isFinite() ? d.bigDecimalValue() : d.toString();
            case Date d -> OffsetDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
            case ObjectId o -> o.toHexString();
            case Document d -> tree(d);
            case Binary b -> b.getData();
            case List<?> l -> l.stream().map(Values::natural).toList();
            default -> raw;
        };
    }

    /** A stored value in its own canonical type, whatever field it is in. */
    static Object natural(Object raw) {
        return raw == null ? null : as(kind(raw).type(), raw);
    }

    /** The canonical text of a value: an id part, a cursor's sort value, a label. */
    static String text(Object value) {
        return switch (value) {
            case ObjectId o -> o.toHexString();
            case Date d -> d.toInstant().toString();
            case OffsetDateTime t -> t.toInstant().toString();
            case Decimal128 d -> d.toString();
            case BigDecimal d -> d.toPlainString();
            case Document d -> d.toJson(RELAXED);
            case Binary b -> b.length() + " bytes";
            case byte[] b -> b.length + " bytes";
            default -> String.valueOf(value);
        };
    }

    /** A canonical value of {@code field} as the driver stores it; {@code bson} says int or long. */
    static Object stored(Field field, String bson, Object value) {
        if (value == null) return null;
        if (field.type() == FieldType.ARRAY) {
            if (!(value instanceof List<?> list))
                throw new IllegalArgumentException(
                        field.name() + " takes a list, got " + value.getClass().getSimpleName());
            FieldType element = field.elementType().orElse(FieldType.OTHER);
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) out.add(item == null ? null : stored(field.name(), element, bson, item));
            return out;
        }
        return stored(field.name(), field.type(), bson, value);
    }

    private static Object stored(String name, FieldType type, String bson, Object value) {
        try {
            return switch (type) {
                case INTEGER -> {
                    long n = ((Number) value).longValue();
                    yield "int".equals(bson) && n == (int) n ? (Object) (int) n : (Object) n;
                }
                case FLOAT -> ((Number) value).doubleValue();
                case DECIMAL -> new Decimal128(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
                case BOOLEAN -> (Boolean) value;
                case TIMESTAMPTZ -> Date.from(instant(value));
                case OBJECT_ID ->
                    objectId(value.toString())
                            .orElseThrow(
                                    () -> new IllegalArgumentException(name + " takes an ObjectId (24 hex digits)"));
                case JSON -> document(value);
                case BYTES -> new Binary((byte[]) value);
                case ARRAY -> value;
                default -> value instanceof String s ? s : text(value);
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(
                    name + " takes a " + type + " value, got "
                            + value.getClass().getSimpleName(),
                    e);
        }
    }

    /** The canonical value of {@code type} whose {@link #text} is {@code text}; else an IllegalArgumentException. */
    static Object parse(FieldType type, String text) {
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(text);
                case FLOAT -> Double.parseDouble(text);
                case DECIMAL -> new BigDecimal(text);
                case BOOLEAN ->
                    switch (text) {
                        case "true" -> true;
                        case "false" -> false;
                        default -> throw new IllegalArgumentException("not a boolean: " + text);
                    };
                case TIMESTAMPTZ -> OffsetDateTime.ofInstant(Instant.parse(text), ZoneOffset.UTC);
                case OBJECT_ID -> {
                    if (!ObjectId.isValid(text)) throw new IllegalArgumentException("not an ObjectId: " + text);
                    yield text;
                }
                default -> text;
            };
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an instant: " + text, e);
        }
    }

    static Optional<ObjectId> objectId(String hex) {
        return ObjectId.isValid(hex) ? Optional.of(new ObjectId(hex)) : Optional.empty();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t.toInstant();
            case Instant i -> i;
            default -> throw new ClassCastException();
        };
    }

    private static JsonNode tree(Document d) {
        try {
            return JSON.readTree(d.toJson(RELAXED));
        } catch (JacksonException e) {
            throw new IllegalStateException("a nested document could not be read as JSON: " + e.getMessage(), e);
        }
    }

    private static Object document(Object value) {
        if (!(value instanceof JsonNode node)) throw new ClassCastException();
        if (node.isObject()) return Document.parse(node.toString());
        return Document.parse("{\"v\": " + node + "}").get("v"); // an array or a scalar in a JSON field
    }
}
