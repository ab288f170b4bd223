package dev.tulip.pg;

import dev.tulip.Tulip;
import dev.tulip.pg.internal.Client;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * An open transaction, given to the work of {@link Pg#transaction}: its queries run on its one
 * connection. It commits when the work returns and rolls back when it throws. A {@link #savepoint}
 * nests a part that can fail alone; a {@link #cursor} streams a large result in batches.
 */
public final class Tx implements Queries {
    private final Client.Held held;
    private final PgAsync async;
    private final Queries queries;
    private int savepoints;

    Tx(Client.Held held) {
        this.held = held;
        this.async = new AsyncQueries(held::run);
        this.queries = new BlockingQueries(async);
    }

    /**
     * Runs {@code work} inside a savepoint: if it throws, what it did is rolled back, the rest of the
     * transaction stays, and the exception is rethrown (a checked one in a {@link PgTransactionException});
     * if it returns, the savepoint is released.
     */
    public <T> T savepoint(Pg.TxWork<T> work) {
        String name = "tulip_sp_" + (++savepoints);
        simple("SAVEPOINT " + name);
        T result;
        try {
            result = work.run(this);
        } catch (Exception | Error e) {
            simple("ROLLBACK TO SAVEPOINT " + name);
            if (e instanceof Error err) throw err;
            throw PgTransactionException.of((Exception) e);
        }
        simple("RELEASE SAVEPOINT " + name);
        return result;
    }

    /**
     * A cursor over {@code sql}'s rows, read {@code fetchSize} rows at a time as the caller iterates:
     * at most one batch is held in memory. Close it (try-with-resources) before the transaction ends.
     */
    public Cursor cursor(int fetchSize, String sql, Object... params) {
        if (fetchSize <= 0) throw new IllegalArgumentException("fetchSize must be positive, got " + fetchSize);
        return Cursor.open(held, fetchSize, sql, params);
    }

    /** This transaction's queries as stages: several in flight at once share its connection's round trips. */
    public PgAsync async() {
        return async;
    }

    void simple(String sql) {
        Tulip.await(held.run(c -> c.query(sql).execute()));
    }

    @Override
    public List<Row> rows(String sql, Object... params) {
        return queries.rows(sql, params);
    }

    @Override
    public <T> List<T> rows(Class<T> type, String sql, Object... params) {
        return queries.rows(type, sql, params);
    }

    @Override
    public Optional<Row> one(String sql, Object... params) {
        return queries.one(sql, params);
    }

    @Override
    public <T> Optional<T> one(Class<T> type, String sql, Object... params) {
        return queries.one(type, sql, params);
    }

    @Override
    public <T> Optional<T> value(Class<T> type, String sql, Object... params) {
        return queries.value(type, sql, params);
    }

    @Override
    public long execute(String sql, Object... params) {
        return queries.execute(sql, params);
    }

    @Override
    public long executeMany(String sql, List<Object[]> batch) {
        return queries.executeMany(sql, batch);
    }

    @Override
    public ArrayNode json(String sql, Object... params) {
        return queries.json(sql, params);
    }
}
