package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.Count;
import dev.tulip.pg.PgException;
import dev.tulip.pg.Row;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * How many rows match: the planner's estimate first ({@code reltuples} unfiltered, the plan's rows
 * filtered), then an exact {@code count(*)} when asked or when the estimate is under the
 * threshold, under a statement timeout; when the count times out the estimate stands.
 */
final class Counts {
    private final long threshold;
    private final Duration timeout;

    Counts(long threshold, Duration timeout) {
        this.threshold = threshold;
        this.timeout = timeout;
    }

    Count count(
            Db db, PgTable t, List<Condition> conditions, Optional<String> search, List<String> fields, boolean exact) {
        Sql sql = new Sql();
        List<String> where = Where.of(sql, t, conditions, search, fields);
        long estimate = where.isEmpty() ? tableEstimate(db, t) : planEstimate(db, sql, t, where);
        if (!exact && estimate >= threshold) return Count.estimate(estimate);
        String count = "select count(*) from " + t.qualified() + Where.clause(where);
        try {
            return db.transaction(tx -> {
                tx.execute("set local statement_timeout = " + timeout.toMillis());
                return Count.exact(tx.rows(count, sql.params()).getFirst().get("count", Long.class));
            });
        } catch (PgException e) {
            if (e.kind() != PgException.Kind.QUERY_CANCELED) throw e;
            return Count.estimate(Math.max(estimate, 0));
        }
    }

    /** {@code reltuples}; -1 for a table never analyzed (then counted). */
    private static long tableEstimate(Db db, PgTable t) {
        List<Row> r = db.rows(
                "select c.reltuples::int8 as n from pg_class c join pg_namespace s on s.oid = c.relnamespace"
                        + " where s.nspname = $1 and c.relname = $2",
                t.schema(),
                t.name());
        return r.isEmpty() ? -1 : r.getFirst().get("n", Long.class);
    }

    private static long planEstimate(Db db, Sql sql, PgTable t, List<String> where) {
        List<Row> r =
                db.rows("explain (format json) select 1 from " + t.qualified() + Where.clause(where), sql.params());
        JsonNode plan = (JsonNode) r.getFirst().value(0);
        return plan.path(0).path("Plan").path("Plan Rows").asLong(-1);
    }
}
