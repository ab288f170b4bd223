package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.ListQuery;
import dev.tulip.admin.spi.Page;
import dev.tulip.admin.spi.Sort;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One page of a list, in one statement. The order is the sort column then the key, both in the
 * sort's direction (PostgreSQL's default NULLS LAST ascending, NULLS FIRST descending, as an index
 * reads them). When a plain btree index leads with the sort column (the key's own index when
 * there is no sort), the page continues after the previous page's last row (keyset); otherwise it
 * skips {@code offset} rows.
 */
final class Lists {
    private Lists() {}

    static Page list(Db db, PgTable t, ListQuery q) {
        Optional<PgColumn> sort = q.sort().map(Sort::field).map(t::column);
        boolean desc = q.sort().map(Sort::descending).orElse(false);
        List<PgColumn> order = new ArrayList<>();
        sort.ifPresent(order::add);
        for (PgColumn k : t.key()) if (!order.contains(k)) order.add(k);
        boolean keyset = t.keysetColumns().contains(order.getFirst().name())
                && order.stream().allMatch(PgColumn::keyable);
        Set<String> names = new LinkedHashSet<>();
        for (String f : q.fields()) names.add(t.column(f).name());
        names.addAll(t.model().primaryKey());
        sort.ifPresent(s -> names.add(s.name()));
        List<PgColumn> selected = names.stream().map(t::column).toList();

        Sql sql = new Sql();
        List<String> where = new ArrayList<>(Where.of(sql, t, q.conditions(), q.search(), q.searchFields()));
        if (q.after().isPresent()) {
            if (!keyset) throw new IllegalArgumentException("this list pages by offset: it takes no cursor");
            where.add(after(sql, t, sort, desc, PageCursor.decode(q.after().get(), t, sort, desc)));
        }
        String dir = desc ? " desc" : "";
        sql.add("select " + selected.stream().map(PgColumn::select).collect(Collectors.joining(", ")))
                .add(" from " + t.qualified())
                .add(Where.clause(where))
                .add(" order by " + order.stream().map(c -> c.ident() + dir).collect(Collectors.joining(", ")))
                .add(" limit " + sql.param((long) q.limit() + 1));
        if (q.offset() > 0) sql.add(" offset " + sql.param(q.offset()));
        List<Row> rows = db.rows(sql);
        boolean more = rows.size() > q.limit();
        List<Map<String, Object>> out = new ArrayList<>(Math.min(rows.size(), q.limit()));
        for (int i = 0; i < rows.size() && i < q.limit(); i++) out.add(record(selected, rows.get(i)));
        Optional<String> next = Optional.empty();
        if (keyset && more) {
            Map<String, Object> last = out.getLast();
            next = Optional.of(PageCursor.encode(
                    sort,
                    desc,
                    sort.map(s -> last.get(s.name())).orElse(null),
                    Keys.of(t, last).parts()));
        }
        return new Page(out, next, keyset, more);
    }

    /** A row read with {@code columns}, canonical. */
    static Map<String, Object> record(List<PgColumn> columns, Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++)
            m.put(columns.get(i).name(), PgValues.out(columns.get(i), row.value(i)));
        return m;
    }

    /** The rows after the cursor's, in the list's order (NULLs of a nullable sort column last ascending, first descending). */
    private static String after(Sql sql, PgTable t, Optional<PgColumn> sort, boolean desc, PageCursor c) {
        String op = desc ? " < " : " > ";
        List<PgColumn> key = t.key();
        List<PgColumn> rest = key.stream()
                .filter(k -> sort.isEmpty() || !k.equals(sort.get()))
                .toList();
        List<Object> restValues = new ArrayList<>();
        for (int i = 0; i < key.size(); i++)
            if (rest.contains(key.get(i))) restValues.add(c.key().get(i));
        if (sort.isEmpty()) return row(sql, key, c.key(), op);
        PgColumn s = sort.get();
        List<PgColumn> all = new ArrayList<>(List.of(s));
        all.addAll(rest);
        List<Object> allValues = new ArrayList<>();
        allValues.add(c.value());
        allValues.addAll(restValues);
        if (!s.field().nullable()) return row(sql, all, allValues, op);
        if (c.value() == null)
            return desc
                    ? "(" + s.ident() + " is not null or " + row(sql, rest, restValues, op) + ")"
                    : "(" + s.ident() + " is null and " + row(sql, rest, restValues, op) + ")";
        return desc
                ? row(sql, all, allValues, op)
                : "(" + row(sql, all, allValues, op) + " or " + s.ident() + " is null)";
    }

    private static String row(Sql sql, List<PgColumn> cols, List<Object> values, String op) {
        if (cols.size() == 1) return cols.getFirst().ident() + op + sql.value(cols.getFirst(), values.getFirst());
        List<String> rhs = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) rhs.add(sql.value(cols.get(i), values.get(i)));
        return "(" + cols.stream().map(PgColumn::ident).collect(Collectors.joining(", ")) + ")" + op + "("
                + String.join(", ", rhs) + ")";
    }
}
