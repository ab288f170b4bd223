package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Model;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the backend uses it: its {@link Model}, its columns, the columns a keyset can start
 * from, and which column each constraint is about (for mapping the database's errors).
 *
 * @param model the model
 * @param schema the table's schema
 * @param columns the columns by name, in order
 * @param keysetColumns columns leading a plain (not partial) btree index
 * @param constraintColumns constraint or index name to the columns it covers, in order
 */
record PgTable(
        Model model,
        String schema,
        Map<String, PgColumn> columns,
        Set<String> keysetColumns,
        Map<String, List<String>> constraintColumns) {

    String name() {
        return model.name();
    }

    /** {@code "schema"."table"}. */
    String qualified() {
        return Sql.qualified(schema, model.name());
    }

    PgColumn column(String name) {
        PgColumn c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("model " + model.name() + " has no field " + name);
        return c;
    }

    List<PgColumn> key() {
        return model.primaryKey().stream().map(this::column).toList();
    }

    Optional<List<String>> constraint(String name) {
        return Optional.ofNullable(constraintColumns.get(name));
    }
}
