package dev.tulip.mongo;

import dev.tulip.mongo.internal.BsonValues;
import dev.tulip.mongo.internal.FieldNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonWriter;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;

/**
 * A filter whose values are always values: {@code Filter.eq("name", userInput)} is written as
 * {@code {"name": {"$eq": userInput}}}, so a user string, map or JSON tree can never become an
 * operator ({@code {"$ne": null}} is compared as a document, and refused where it is a tree). The
 * field {@code id} means {@code _id}, its values converted by the collection's {@link IdType}.
 * Field paths given here come from code and may be dotted; a name that comes from a user goes
 * through {@link #userField(String)} first. {@link #fromJson} takes a whole filter from a user.
 */
public final class Filter implements Bson {
    @FunctionalInterface
    private interface Body {
        void write(BsonWriter w, CodecRegistry registry);
    }

    private final Body body;

    private Filter(Body body) {
        this.body = body;
    }

    /** Matches every document. */
    public static Filter all() {
        return new Filter((w, r) -> {});
    }

    /** The document whose id is {@code id} (a malformed ObjectId is a 400 when the filter is used). */
    public static Filter id(String id) {
        return eq("id", id);
    }

    /** The documents whose id is one of {@code ids} (seed 004's search). */
    public static Filter ids(Collection<String> ids) {
        return in("id", ids);
    }

    /** {@code path} equals {@code value} (a value, never an operator). */
    public static Filter eq(String path, Object value) {
        return op(path, "$eq", value);
    }

    /** {@code path} differs from {@code value}. */
    public static Filter ne(String path, Object value) {
        return op(path, "$ne", value);
    }

    /** {@code path} is greater than {@code value}. */
    public static Filter gt(String path, Object value) {
        return op(path, "$gt", value);
    }

    /** {@code path} is at least {@code value}. */
    public static Filter gte(String path, Object value) {
        return op(path, "$gte", value);
    }

    /** {@code path} is less than {@code value}. */
    public static Filter lt(String path, Object value) {
        return op(path, "$lt", value);
    }

    /** {@code path} is at most {@code value}. */
    public static Filter lte(String path, Object value) {
        return op(path, "$lte", value);
    }

    /** {@code path} is one of {@code values}. */
    public static Filter in(String path, Collection<?> values) {
        return op(path, "$in", List.copyOf(values));
    }

    /** {@code path} is none of {@code values}. */
    public static Filter nin(String path, Collection<?> values) {
        return op(path, "$nin", List.copyOf(values));
    }

    /** {@code path} is present ({@code true}) or absent. */
    public static Filter exists(String path, boolean present) {
        return op(path, "$exists", present);
    }

    /** Every one of {@code filters} matches. */
    public static Filter and(Filter... filters) {
        return combine("$and", filters);
    }

    /** At least one of {@code filters} matches. */
    public static Filter or(Filter... filters) {
        return combine("$or", filters);
    }

    /**
     * A filter a user sent as a JSON object of field/value pairs, each compared for equality.
     * Field names are checked as by {@link #userField(String)}, and a value holding any object key
     * starting with {@code $} is refused: {@code {"id": {"$ne": null}}} is an
     * {@link UnsafeQueryException} (400), decided here, not by the server.
     */
    public static Filter fromJson(JsonNode json) {
        if (json == null || !json.isObject())
            throw new UnsafeQueryException("a filter must be a JSON object of field/value pairs");
        Filter[] parts = json.properties().stream()
                .map(e -> {
                    String name = userField(e.getKey());
                    refuseOperators(name, e.getValue());
                    return eq(name, e.getValue());
                })
                .toArray(Filter[]::new);
        return parts.length == 1 ? parts[0] : and(parts);
    }

    /**
     * A field name from a user, checked: not empty, no {@code $} prefix, no {@code .}, no NUL; else
     * an {@link UnsafeQueryException} (400). Returns the name.
     */
    public static String userField(String name) {
        return FieldNames.user(name);
    }

    /** A filter from the driver's own builders ({@code Filters.text(...)}), for filters written by code. */
    public static Filter bson(Bson trusted) {
        return new Filter((w, r) -> {
            BsonDocument d = trusted.toBsonDocument(BsonDocument.class, r);
            d.forEach((k, v) -> {
                w.writeName(k);
                BsonValues.write(w, v);
            });
        });
    }

    @Override
    public <T> BsonDocument toBsonDocument(Class<T> documentClass, CodecRegistry registry) {
        BsonDocument out = new BsonDocument();
        BsonDocumentWriter w = new BsonDocumentWriter(out);
        w.writeStartDocument();
        body.write(w, registry);
        w.writeEndDocument();
        return out;
    }

    @Override
    public String toString() {
        return "Filter"
                + toBsonDocument(BsonDocument.class, BsonValues.DEFAULT_REGISTRY)
                        .toJson();
    }

    private static Filter op(String path, String operator, Object value) {
        boolean isId = path.equals("id") || path.equals("_id");
        String field = isId ? "_id" : FieldNames.path(path);
        return new Filter((w, r) -> {
            w.writeName(field);
            w.writeStartDocument();
            w.writeName(operator);
            BsonValues.writeValue(w, value, r, isId);
            w.writeEndDocument();
        });
    }

    private static Filter combine(String operator, Filter[] filters) {
        if (filters.length == 0) throw new IllegalArgumentException(operator + " needs at least one filter");
        return new Filter((w, r) -> {
            w.writeName(operator);
            w.writeStartArray();
            for (Filter f : filters) {
                w.writeStartDocument();
                f.body.write(w, r);
                w.writeEndDocument();
            }
            w.writeEndArray();
        });
    }

    private static void refuseOperators(String field, JsonNode v) {
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                if (e.getKey().startsWith("$"))
                    throw new UnsafeQueryException("'" + field + "' must be a plain value; the operator '" + e.getKey()
                            + "' is not allowed here");
                refuseOperators(field, e.getValue());
            }
        } else if (v.isArray()) {
            for (JsonNode item : v.values()) refuseOperators(field, item);
        }
    }
}
