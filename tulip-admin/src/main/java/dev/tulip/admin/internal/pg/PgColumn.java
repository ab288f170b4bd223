package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;

/**
 * A column as the backend uses it: the {@link Field} the admin sees, the type its parameters are
 * cast to (built from catalog names only), and the expression that reads it in a form the client
 * decodes (enums, intervals and unknown types as text).
 *
 * @param field the field
 * @param attnum its position in the table
 * @param castType the cast target of a parameter holding its value ({@code "pg_catalog"."int4"},
 *     {@code "public"."mood"[]} for an array column; a domain's base type)
 * @param read the select expression, {@code "name"} or {@code "name"::text}
 * @param keyable whether its values can be compared in a keyset cursor
 */
record PgColumn(Field field, int attnum, String castType, String read, boolean keyable) {

    String name() {
        return field.name();
    }

    FieldType type() {
        return field.type();
    }

    String ident() {
        return Sql.ident(field.name());
    }

    /** {@code read as "name"}. */
    String select() {
        return read.equals(ident()) ? read : read + " as " + ident();
    }
}
