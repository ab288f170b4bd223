package dev.tulip.admin.spi;

import java.util.List;
import java.util.Optional;

/**
 * One column of a table or field of a collection, as the backend found it.
 *
 * @param name the column or field name, as in the database (a dotted path for a nested MongoDB field)
 * @param type its kind
 * @param elementType for {@link FieldType#ARRAY}, the kind of its elements
 * @param nullable whether it may be null (or absent)
 * @param hasDefault whether the database fills it when a new record leaves it out
 * @param readOnly whether the database computes it (identity, generated, {@code _id}), so no form may set it
 * @param enumValues for {@link FieldType#ENUM} (and arrays of them), the allowed values in order
 * @param rules simple checks its values must pass
 * @param unique whether a unique index or constraint covers it alone
 * @param help the column comment or schema description, shown under its input
 */
public record Field(
        String name,
        FieldType type,
        Optional<FieldType> elementType,
        boolean nullable,
        boolean hasDefault,
        boolean readOnly,
        List<String> enumValues,
        Rules rules,
        boolean unique,
        Optional<String> help) {

    public Field {
        enumValues = List.copyOf(enumValues);
    }

    /** A plain field: nullable, no default, writable, no rules. */
    public static Field of(String name, FieldType type) {
        return new Field(
                name, type, Optional.empty(), true, false, false, List.of(), Rules.NONE, false, Optional.empty());
    }
}
