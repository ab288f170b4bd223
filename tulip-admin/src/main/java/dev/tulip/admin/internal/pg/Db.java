package dev.tulip.admin.internal.pg;

import dev.tulip.pg.Pg;
import dev.tulip.pg.Queries;
import dev.tulip.pg.Row;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The pool or one transaction, telling {@code onStatement} of each statement (and its parameters) before it is sent. */
final class Db {
    private final Pg pg;
    private final Queries queries;
    private final BiConsumer<String, Object[]> onStatement;

    Db(Pg pg, BiConsumer<String, Object[]> onStatement) {
        this(pg, pg, onStatement);
    }

    private Db(Pg pg, Queries queries, BiConsumer<String, Object[]> onStatement) {
        this.pg = pg;
        this.queries = queries;
        this.onStatement = onStatement;
    }

    List<Row> rows(String sql, Object... params) {
        onStatement.accept(sql, params);
        return queries.rows(sql, params);
    }

    List<Row> rows(Sql sql) {
        return rows(sql.text(), sql.params());
    }

    long execute(String sql, Object... params) {
        onStatement.accept(sql, params);
        return queries.execute(sql, params);
    }

    long execute(Sql sql) {
        return execute(sql.text(), sql.params());
    }

    /** {@code work} in one read-committed transaction, committed when it returns. */
    <T> T transaction(Function<Db, T> work) {
        return pg.transaction(tx -> work.apply(new Db(pg, tx, onStatement)));
    }
}
