package dev.tulip.admin.spi;

import java.util.List;

/**
 * A reference from the records of one model to those of another: a foreign key, or a MongoDB
 * field declared to hold another collection's ids.
 *
 * @param name the constraint's name (unique within the backend)
 * @param model the referencing model's name
 * @param fields the referencing fields, in order
 * @param target the referenced model's name
 * @param targetFields the referenced fields (its primary key or a unique key), in the same order
 */
public record Relation(String name, String model, List<String> fields, String target, List<String> targetFields) {

    public Relation {
        fields = List.copyOf(fields);
        targetFields = List.copyOf(targetFields);
    }
}
