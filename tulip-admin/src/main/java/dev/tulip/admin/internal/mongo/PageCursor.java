package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.mongo.Filter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keyset cursor of a list page: base64url of a small JSON object holding the sort (field,
 * direction) and the last row's sort value and id, as canonical text. Reading one checks all of
 * it against the list being read, so a cursor edited by hand, or made for another order, is an
 * {@code IllegalArgumentException} rather than a query.
 */
final class PageCursor {
    /** The types whose order MongoDB keeps within one type bracket, so that {@code $gt} follows the sort. */
    static final Set<FieldType> ORDERED = EnumSet.of(
            FieldType.TEXT,
            FieldType.ENUM,
            FieldType.INTEGER,
            FieldType.FLOAT,
            FieldType.DECIMAL,
            FieldType.BOOLEAN,
            FieldType.TIMESTAMPTZ,
            FieldType.OBJECT_ID);

    private PageCursor() {}

    static String encode(String field, boolean descending, Object lastValue, Object lastId) {
        ObjectNode json = Values.JSON.createObjectNode();
        json.put("f", field).put("d", descending);
        if (lastValue == null) json.putNull("v");
        else json.put("v", Values.text(lastValue));
        json.put("k", Values.text(lastId));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The filter of the rows after {@code cursor} in the order ({@code field}, {@code _id}), both ascending or both descending. */
    static Filter after(Shape shape, String field, boolean descending, String cursor) {
        JsonNode json = read(cursor);
        if (!json.path("f").asString("").equals(field) || json.path("d").asBoolean(!descending) != descending)
            throw refused("it was made for another order");
        Object id = value(shape, shape.id(), json.path("k"));
        if (id == null) throw refused("it has no id");
        if (field.equals("_id")) return descending ? Filter.lt("_id", id) : Filter.gt("_id", id);
        Object v = value(shape, shape.field(field), json.path("v"));
        Filter sameThenId = Filter.and(Filter.eq(field, v), descending ? Filter.lt("_id", id) : Filter.gt("_id", id));
        if (v == null) // nulls (and missing fields) sort first
        return descending ? sameThenId : Filter.or(sameThenId, Filter.ne(field, null));
        return descending
                ? Filter.or(Filter.lt(field, v), sameThenId, Filter.eq(field, null))
                : Filter.or(Filter.gt(field, v), sameThenId);
    }

    private static JsonNode read(String cursor) {
        try {
            JsonNode json =
                    Values.JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            if (!json.isObject() || json.size() != 4) throw refused("it is not a page cursor");
            return json;
        } catch (IllegalArgumentException | JacksonException e) {
            throw refused("it is not a page cursor");
        }
    }

    private static Object value(Shape shape, Field field, JsonNode text) {
        if (text.isNull()) return null;
        if (!text.isString()) throw refused("its values are not text");
        try {
            return shape.stored(field.name(), Values.parse(field.type(), text.asString()));
        } catch (IllegalArgumentException e) {
            throw refused(field.name() + " does not hold " + text.asString());
        }
    }

    private static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException(
                "this page cursor was not made by this list (" + why + "); open the list's first page again");
    }
}
