package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Choice;
import dev.tulip.admin.spi.Dependents;
import dev.tulip.admin.spi.Id;
import dev.tulip.admin.spi.Relation;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Records by id, the choices of a reference field, and the records that reference others. */
final class Reads {
    private Reads() {}

    static Optional<Map<String, Object>> find(Db db, PgTable t, Id id) {
        List<PgColumn> all = List.copyOf(t.columns().values());
        Sql sql = new Sql();
        String where = Keys.equalTo(sql, t, id);
        sql.add("select " + selects(all) + " from " + t.qualified() + " where " + where);
        return db.rows(sql).stream().findFirst().map(r -> Lists.record(all, r));
    }

    static Map<Id, Map<String, Object>> findAll(Db db, PgTable t, Collection<Id> ids, List<String> fields) {
        if (ids.isEmpty()) return Map.of();
        List<PgColumn> cols = withKey(t, fields);
        Sql sql = new Sql();
        String where = Keys.in(sql, t, new LinkedHashSet<>(ids));
        sql.add("select " + selects(cols) + " from " + t.qualified() + " where " + where);
        Map<Id, Map<String, Object>> out = new LinkedHashMap<>();
        for (Row r : db.rows(sql)) {
            Map<String, Object> rec = Lists.record(cols, r);
            out.put(Keys.of(t, rec), rec);
        }
        return out;
    }

    static List<Choice> lookup(Db db, PgTable t, String term, List<String> labelFields, int limit) {
        List<String> labels = labelFields.isEmpty() ? t.model().primaryKey() : labelFields;
        List<PgColumn> cols = withKey(t, labels);
        Sql sql = new Sql();
        String text = term.strip();
        List<String> or = new ArrayList<>();
        if (!text.isEmpty()) {
            String p = sql.param(Where.containing(text));
            for (String l : labels) or.add(t.column(l).ident() + "::text ilike " + p);
        }
        Optional<String> isKey = keyMatch(sql, t, text);
        isKey.ifPresent(or::add);
        sql.add("select " + selects(cols) + " from " + t.qualified());
        if (!or.isEmpty()) sql.add(" where " + String.join(" or ", or));
        sql.add(" order by " + isKey.map(k -> "(" + k + ") desc, ").orElse("")
                        + Sql.idents(t.model().primaryKey()))
                .add(" limit " + sql.param((long) limit));
        List<Choice> out = new ArrayList<>();
        for (Row r : db.rows(sql)) {
            Map<String, Object> rec = Lists.record(cols, r);
            Id id = Keys.of(t, rec);
            String label = labels.stream()
                    .filter(l -> rec.get(l) != null)
                    .map(l -> t.column(l).type() == dev.tulip.admin.spi.FieldType.ARRAY
                            ? String.valueOf(rec.get(l))
                            : PgValues.text(t.column(l), rec.get(l)))
                    .collect(Collectors.joining(" "));
            out.add(new Choice(id, label.isEmpty() ? id.encoded() : label));
        }
        return out;
    }

    private static Optional<String> keyMatch(Sql sql, PgTable t, String term) {
        if (term.isEmpty()) return Optional.empty();
        try {
            Id id = t.key().size() == 1 ? Id.of(term) : Id.decode(term);
            Keys.values(t, id);
            return Optional.of(Keys.equalTo(sql, t, id));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a key of this table: labels only
        }
    }

    static List<Dependents> dependents(Db db, Map<String, PgTable> tables, PgTable t, List<Id> ids, int sampleSize) {
        List<Dependents> out = new ArrayList<>();
        for (Relation rel : t.model().referencedBy()) {
            PgTable ref = tables.get(rel.model());
            if (ref == null || ids.isEmpty()) {
                out.add(new Dependents(rel, 0, List.of()));
                continue;
            }
            Sql sql = new Sql();
            String where = "(" + Sql.idents(rel.fields()) + ") in (select " + Sql.idents(rel.targetFields()) + " from "
                    + t.qualified() + " where " + Keys.in(sql, t, ids) + ")";
            long count = db.rows("select count(*) from " + ref.qualified() + " where " + where, sql.params())
                    .getFirst()
                    .get("count", Long.class);
            List<Id> sample = new ArrayList<>();
            if (count > 0 && sampleSize > 0) {
                List<PgColumn> key = ref.key();
                String limit = sql.param((long) sampleSize);
                for (Row r : db.rows(
                        "select " + selects(key) + " from " + ref.qualified() + " where " + where + " order by "
                                + Sql.idents(ref.model().primaryKey()) + " limit " + limit,
                        sql.params())) sample.add(Keys.of(ref, Lists.record(key, r)));
            }
            out.add(new Dependents(rel, count, sample));
        }
        return out;
    }

    static String selects(List<PgColumn> cols) {
        return cols.stream().map(PgColumn::select).collect(Collectors.joining(", "));
    }

    private static List<PgColumn> withKey(PgTable t, List<String> fields) {
        Set<String> names = new LinkedHashSet<>(t.model().primaryKey());
        for (String f : fields) names.add(t.column(f).name());
        return names.stream().map(t::column).toList();
    }
}
