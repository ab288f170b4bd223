package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Rules;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of a collection as a schema or a sample shows them, with the BSON flavour of each
 * (whether an integer field holds int or long) so that written values keep it.
 */
record Found(List<Field> fields, Map<String, String> bson, Optional<String> help) {

    /** The {@code _id} field of a collection whose ids are of {@code kind}. */
    static Field id(Values.Kind kind) {
        return switch (kind.type()) {
            case OBJECT_ID -> field(FieldType.OBJECT_ID, true, true);
            case TEXT, INTEGER -> field(kind.type(), false, false);
            default -> field(FieldType.OTHER, false, true);
        };
    }

    private static Field field(FieldType type, boolean hasDefault, boolean readOnly) {
        return new Field(
                "_id",
                type,
                Optional.empty(),
                false,
                hasDefault,
                readOnly,
                List.of(),
                Rules.NONE,
                true,
                Optional.empty());
    }
}
