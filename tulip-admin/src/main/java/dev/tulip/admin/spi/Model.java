package dev.tulip.admin.spi;

import java.util.List;
import java.util.Optional;

/**
 * A table or a collection: what the admin lists, shows and edits.
 *
 * @param name its name, unique within its backend (a table's name, schema-qualified when not in
 *     the backend's schema; a collection's name)
 * @param fields every field, in the database's order
 * @param primaryKey the fields that identify a record (several for a composite key); never empty
 * @param uniqueKeys other sets of fields with a unique constraint or index
 * @param references the relations from this model to others
 * @param referencedBy the relations from other models to this one
 * @param help the table comment or collection description
 */
public record Model(
        String name,
        List<Field> fields,
        List<String> primaryKey,
        List<List<String>> uniqueKeys,
        List<Relation> references,
        List<Relation> referencedBy,
        Optional<String> help) {

    public Model {
        fields = List.copyOf(fields);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
        references = List.copyOf(references);
        referencedBy = List.copyOf(referencedBy);
        if (primaryKey.isEmpty()) throw new IllegalArgumentException("model " + name + " has no primary key");
    }

    /** The field named {@code name}, if the model has it. */
    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The relation through which field {@code name} (alone) references another model, if any. */
    public Optional<Relation> referenceOf(String name) {
        return references.stream().filter(r -> r.fields().equals(List.of(name))).findFirst();
    }
}
