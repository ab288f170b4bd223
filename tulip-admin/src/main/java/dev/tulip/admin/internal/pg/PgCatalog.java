package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one schema's tables live from {@code pg_catalog}, in five queries: tables, columns,
 * types, constraints, indexes. A table without a primary key uses a unique key of NOT NULL
 * columns; one without either is skipped (and logged), since its rows cannot be addressed.
 */
final class PgCatalog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.tulip.admin");

    private PgCatalog() {}

    /** The tables the admin covers, by name, in name order. */
    static Map<String, PgTable> load(Db db, String schema) {
        List<Row> tables = db.rows(CatalogQueries.TABLES, schema);
        Map<Long, List<Row>> columns = byRel(db.rows(CatalogQueries.COLUMNS, schema));
        Map<Long, PgType> types = new HashMap<>();
        for (Row t : db.rows(CatalogQueries.TYPES, schema)) types.put(t.get("oid", Long.class), type(t));
        List<Row> constraintRows = db.rows(CatalogQueries.CONSTRAINTS, schema);
        Map<Long, List<Row>> constraints = byRel(constraintRows);
        Map<Long, List<Row>> indexes = byRel(db.rows(CatalogQueries.INDEXES, schema));
        List<Relation> foreignKeys = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        for (Row t : tables) names.put(t.get("oid", Long.class), t.get("name", String.class));
        for (Row c : constraintRows) {
            if (!c.get("kind", String.class).equals("f") || !names.containsKey(c.get("rel", Long.class))) continue;
            String target = schema.equals(c.get("fschema", String.class))
                    ? c.get("ftable", String.class)
                    : c.get("fschema", String.class) + "." + c.get("ftable", String.class);
            foreignKeys.add(new Relation(
                    c.get("name", String.class),
                    names.get(c.get("rel", Long.class)),
                    strings(c.value("columns")),
                    target,
                    strings(c.value("fcolumns"))));
        }
        ColumnBuilder builder = new ColumnBuilder(types);
        Map<String, PgTable> out = new LinkedHashMap<>();
        for (Row t : tables) {
            String name = t.get("name", String.class);
            if (name.startsWith("tulip_admin_") || name.equals("tulip_migrations")) continue;
            long oid = t.get("oid", Long.class);
            TableBuilder table = new TableBuilder(
                    schema,
                    name,
                    Optional.ofNullable(t.get("comment", String.class)),
                    columns.getOrDefault(oid, List.of()),
                    constraints.getOrDefault(oid, List.of()),
                    indexes.getOrDefault(oid, List.of()),
                    builder);
            Optional<PgTable> built = table.build(foreignKeys);
            if (built.isPresent()) out.put(name, built.get());
            else
                LOG.warn(
                        "admin: skipping table {}.{}: it has no primary key and no unique key of NOT NULL columns,"
                                + " so its rows cannot be addressed; add a primary key to see it",
                        schema,
                        name);
        }
        return out;
    }

    /** The models of {@code tables}. */
    static List<Model> models(Map<String, PgTable> tables) {
        return tables.values().stream().map(PgTable::model).toList();
    }

    private static PgType type(Row t) {
        Map<String, String> checks = new LinkedHashMap<>();
        List<String> names = strings(t.value("checks"));
        List<String> defs = strings(t.value("check_defs"));
        for (int i = 0; i < names.size(); i++) checks.put(names.get(i), defs.get(i));
        return new PgType(
                t.get("oid", Long.class),
                t.get("name", String.class),
                t.get("schema", String.class),
                t.get("kind", String.class),
                t.get("base", Long.class),
                t.get("element", Long.class),
                t.get("notnull", Boolean.class),
                t.get("typmod", Integer.class),
                strings(t.value("labels")),
                checks);
    }

    static List<String> strings(Object array) {
        if (array == null) return List.of();
        return Arrays.stream((Object[]) array).map(String::valueOf).toList();
    }

    static Set<Integer> ints(Object array) {
        Set<Integer> out = new HashSet<>();
        if (array != null) for (Object o : (Object[]) array) out.add(((Number) o).intValue());
        return out;
    }

    private static Map<Long, List<Row>> byRel(List<Row> rows) {
        Map<Long, List<Row>> out = new HashMap<>();
        for (Row r : rows)
            out.computeIfAbsent(r.get("rel", Long.class), k -> new ArrayList<>())
                    .add(r);
        return out;
    }
}
