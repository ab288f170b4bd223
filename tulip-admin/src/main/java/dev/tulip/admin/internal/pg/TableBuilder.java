package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.Model;
import dev.tulip.admin.spi.Relation;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One table's catalog rows as a {@link PgTable}. */
final class TableBuilder {
    private record Index(
            String name, List<String> columns, boolean unique, boolean primary, boolean partial, boolean btree) {}

    private final String schema;
    private final String name;
    private final Optional<String> comment;
    private final List<Row> columnRows;
    private final List<Row> constraintRows;
    private final List<Index> indexes = new ArrayList<>();
    private final ColumnBuilder columns;

    TableBuilder(
            String schema,
            String name,
            Optional<String> comment,
            List<Row> columnRows,
            List<Row> constraintRows,
            List<Row> indexRows,
            ColumnBuilder columns) {
        this.schema = schema;
        this.name = name;
        this.comment = comment;
        this.columnRows = columnRows;
        this.constraintRows = constraintRows;
        this.columns = columns;
        Map<Integer, String> byNum = new HashMap<>();
        for (Row c : columnRows) byNum.put(c.get("num", Integer.class), c.get("name", String.class));
        for (Row i : indexRows) {
            List<String> cols = new ArrayList<>();
            for (Object k : (Object[]) i.value("keys"))
                cols.add(byNum.get(((Number) k).intValue())); // null: an expression
            boolean expressions = i.get("expressions", Boolean.class);
            indexes.add(new Index(
                    i.get("name", String.class),
                    cols,
                    i.get("unique", Boolean.class) && !expressions && !cols.contains(null),
                    i.get("primary", Boolean.class),
                    i.get("partial", Boolean.class),
                    i.get("method", String.class).equals("btree")));
        }
    }

    /** The table, or empty when it has no key to address its rows by. */
    Optional<PgTable> build(List<Relation> foreignKeys) {
        Map<String, List<CheckAtom>> checks = new LinkedHashMap<>();
        Map<String, List<String>> constraintColumns = new HashMap<>();
        List<String> primaryKey = List.of();
        for (Row c : constraintRows) {
            String cname = c.get("name", String.class);
            List<String> cols = PgCatalog.strings(c.value("columns"));
            constraintColumns.put(cname, cols);
            switch (c.get("kind", String.class)) {
                case "p" -> primaryKey = cols;
                case "c" -> checks.put(cname, CheckParser.parse(c.get("def", String.class)));
                default -> {}
            }
        }
        Set<String> uniqueAlone = new HashSet<>();
        Set<String> keyset = new HashSet<>();
        for (Index i : indexes) {
            if (i.unique()) constraintColumns.putIfAbsent(i.name(), i.columns());
            if (i.unique() && !i.partial() && i.columns().size() == 1)
                uniqueAlone.add(i.columns().getFirst());
            if (i.btree() && !i.partial() && i.columns().getFirst() != null)
                keyset.add(i.columns().getFirst());
        }
        Map<String, PgColumn> cols = new LinkedHashMap<>();
        for (Row r : columnRows) {
            List<String> domainChecks = new ArrayList<>();
            PgColumn col = columns.build(r, checks, uniqueAlone.contains(r.get("name", String.class)), domainChecks);
            cols.put(col.name(), col);
            for (String d : domainChecks) { // a domain's CHECK is about each column of that domain
                List<String> about = new ArrayList<>(constraintColumns.getOrDefault(d, List.of()));
                about.add(col.name());
                constraintColumns.put(d, about);
            }
        }
        if (primaryKey.isEmpty()) primaryKey = substituteKey(cols);
        if (primaryKey.isEmpty()) return Optional.empty();
        List<List<String>> uniqueKeys = new ArrayList<>();
        for (Index i : indexes)
            if (i.unique() && !i.primary() && !i.columns().equals(primaryKey) && !uniqueKeys.contains(i.columns()))
                uniqueKeys.add(i.columns());
        List<Field> fields = cols.values().stream().map(PgColumn::field).toList();
        Model model = new Model(
                name,
                fields,
                primaryKey,
                uniqueKeys,
                foreignKeys.stream().filter(r -> r.model().equals(name)).toList(),
                foreignKeys.stream().filter(r -> r.target().equals(name)).toList(),
                comment);
        return Optional.of(new PgTable(model, schema, cols, Set.copyOf(keyset), Map.copyOf(constraintColumns)));
    }

    /** The smallest unique key (not partial) whose columns are all NOT NULL, for a table without a primary key. */
    private List<String> substituteKey(Map<String, PgColumn> cols) {
        return indexes.stream()
                .filter(i -> i.unique() && !i.partial())
                .filter(i ->
                        i.columns().stream().noneMatch(c -> cols.get(c).field().nullable()))
                .sorted(Comparator.comparingInt((Index i) -> i.columns().size()).thenComparing(Index::name))
                .map(Index::columns)
                .findFirst()
                .orElse(List.of());
    }
}
