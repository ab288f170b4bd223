package dev.tulip.admin.internal.mongo;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.Model;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model and what the backend keeps beside it: each field's BSON flavour, the fields that lead
 * an index usable for keyset pagination, and each index's fields (to name the field of a
 * duplicate key).
 */
record Shape(Model model, Map<String, String> bson, Set<String> indexLeads, Map<String, List<String>> indexes) {

    Field field(String name) {
        return model.field(name)
                .orElseThrow(
                        () -> new IllegalArgumentException("collection " + model.name() + " has no field " + name));
    }

    /** A canonical value of field {@code name} as stored. */
    Object stored(String name, Object value) {
        return Values.stored(field(name), bson.getOrDefault(name, ""), value);
    }

    Field id() {
        return field("_id");
    }
}
