package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Id;
import dev.tulip.pg.PgException;
import dev.tulip.pg.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Inserts, updates and deletes, the database's refusals mapped to {@link Violations}. */
final class Writes {
    private Writes() {}

    static Id insert(Db db, PgTable t, Map<String, Object> values) {
        Sql sql = new Sql();
        List<String> cols = new ArrayList<>(), vals = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            PgColumn c = t.column(e.getKey());
            cols.add(c.ident());
            vals.add(sql.value(c, e.getValue()));
        }
        List<PgColumn> key = t.key();
        sql.add("insert into " + t.qualified())
                .add(
                        cols.isEmpty()
                                ? " default values"
                                : " (" + String.join(", ", cols) + ") values (" + String.join(", ", vals) + ")")
                .add(" returning " + Reads.selects(key));
        try {
            Row r = db.rows(sql).getFirst();
            return Keys.of(t, Lists.record(key, r));
        } catch (PgException e) {
            throw Violations.of(e, t, false);
        }
    }

    static boolean update(Db db, PgTable t, Id id, Map<String, Object> values) {
        if (values.isEmpty()) return Reads.find(db, t, id).isPresent();
        Sql sql = new Sql();
        List<String> sets = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            PgColumn c = t.column(e.getKey());
            sets.add(c.ident() + " = " + sql.value(c, e.getValue()));
        }
        String where = Keys.equalTo(sql, t, id);
        sql.add("update " + t.qualified() + " set " + String.join(", ", sets) + " where " + where);
        try {
            return db.execute(sql) > 0;
        } catch (PgException e) {
            throw Violations.of(e, t, false);
        }
    }

    static long delete(Db db, PgTable t, List<Id> ids) {
        if (ids.isEmpty()) return 0;
        Sql sql = new Sql();
        String where = Keys.in(sql, t, ids);
        sql.add("delete from " + t.qualified() + " where " + where);
        try {
            return db.transaction(tx -> tx.execute(sql));
        } catch (PgException e) {
            throw Violations.of(e, t, true);
        }
    }
}
