package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds statement text: names from the catalog quoted as identifiers, values collected as
 * {@code $n} parameters (bound as text and cast to the column's type, so every type binds the
 * same way), never spliced into the text.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    /** {@code name} as a quoted identifier, its double quotes doubled. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}. */
    static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** The quoted names joined by commas. */
    static String idents(List<String> names) {
        return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    Sql add(String part) {
        text.append(part);
        return this;
    }

    /** Adds a parameter and returns its placeholder ({@code $n}). */
    String param(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    /** A value of {@code col} as a parameter cast to the column's type: {@code $n::text::"pg_catalog"."int4"}. */
    String value(PgColumn col, Object canonical) {
        if (col.type() != FieldType.ARRAY || canonical == null)
            return param(PgValues.text(col, canonical)) + "::" + (col.type() == FieldType.ARRAY ? "text[]" : "text")
                    + "::" + col.castType();
        if (!(canonical instanceof List<?> list))
            throw new IllegalArgumentException("field " + col.name() + " takes a list, not " + canonical);
        String[] texts = new String[list.size()];
        for (int i = 0; i < texts.length; i++) texts[i] = PgValues.text(col, list.get(i));
        return param(texts) + "::text[]::" + col.castType();
    }

    /** Several values of {@code col} as one array parameter: {@code $n::text[]::"pg_catalog"."int4"[]}. */
    String values(PgColumn col, List<?> canonical) {
        if (col.type() == FieldType.ARRAY)
            throw new IllegalArgumentException("IN does not apply to list field " + col.name());
        String[] texts = new String[canonical.size()];
        for (int i = 0; i < texts.length; i++) texts[i] = PgValues.text(col, canonical.get(i));
        return param(texts) + "::text[]::" + col.castType() + "[]";
    }

    /** Text parts of ids for {@code col} as one array parameter. */
    String idParts(PgColumn col, List<String> parts) {
        return param(parts.toArray(String[]::new)) + "::text[]::" + col.castType() + "[]";
    }

    String text() {
        return text.toString();
    }

    Object[] params() {
        return params.toArray();
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
