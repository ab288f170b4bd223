package dev.tulip.admin.internal.pg;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The cursor of a keyset page: base64url of {@code {"f": sort field, "d": descending, "v": the
 * last row's sort value, "k": its key}} as canonical text. Read back, it is checked against the
 * list it is used with and the types of the columns: anything else is an {@code IllegalArgumentException}.
 *
 * @param value the last row's sort value, canonical (null when it was NULL or there is no sort field)
 * @param key the last row's key values, canonical
 */
record PageCursor(Object value, List<Object> key) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String encode(Optional<PgColumn> sort, boolean descending, Object value, List<String> key) {
        ObjectNode o = JSON.createObjectNode();
        o.put("f", sort.map(PgColumn::name).orElse(null));
        o.put("d", descending);
        if (sort.isPresent())
            o.put("v", value == null ? null : PgValues.idText(sort.get().type(), value));
        ArrayNode k = o.putArray("k");
        key.forEach(k::add);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@link #encode} wrote for this list of {@code t}. */
    static PageCursor decode(String cursor, PgTable t, Optional<PgColumn> sort, boolean descending) {
        try {
            JsonNode o = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            JsonNode f = o.path("f");
            boolean sameSort = sort.isPresent()
                    ? f.isString() && f.asString().equals(sort.get().name())
                    : f.isNull();
            if (!o.isObject()
                    || !sameSort
                    || !o.path("d").isBoolean()
                    || o.path("d").asBoolean() != descending) throw invalid(null);
            Object value = null;
            if (sort.isPresent()) {
                JsonNode v = o.path("v");
                if (v.isNull() && sort.get().field().nullable()) value = null;
                else if (v.isString()) value = checked(sort.get(), v.asString());
                else throw invalid(null);
            }
            JsonNode k = o.path("k");
            List<PgColumn> columns = t.key();
            if (!k.isArray() || k.size() != columns.size()) throw invalid(null);
            List<Object> key = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                if (!k.get(i).isString()) throw invalid(null);
                key.add(checked(columns.get(i), k.get(i).asString()));
            }
            return new PageCursor(value, key);
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid(e);
        }
    }

    private static Object checked(PgColumn c, String text) {
        Object v = PgValues.parse(c.type(), text);
        if (!c.field().enumValues().isEmpty() && !c.field().enumValues().contains(text)) throw invalid(null);
        return v;
    }

    private static IllegalArgumentException invalid(Exception cause) {
        return new IllegalArgumentException(
                "the page cursor is not one this list gave (altered, or from another sort): start from the first page",
                cause);
    }
}
