package dev.tulip.pg;

import dev.tulip.Tulip;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/** {@link Queries} as waits on {@link PgAsync}'s stages. */
final class BlockingQueries implements Queries {
    private final PgAsync async;

    BlockingQueries(PgAsync async) {
        this.async = async;
    }

    @Override
    public List<Row> rows(String sql, Object... params) {
        return Tulip.await(async.rows(sql, params));
    }

    @Override
    public <T> List<T> rows(Class<T> type, String sql, Object... params) {
        return Tulip.await(async.rows(type, sql, params));
    }

    @Override
    public Optional<Row> one(String sql, Object... params) {
        return Tulip.await(async.one(sql, params));
    }

    @Override
    public <T> Optional<T> one(Class<T> type, String sql, Object... params) {
        return Tulip.await(async.one(type, sql, params));
    }

    @Override
    public <T> Optional<T> value(Class<T> type, String sql, Object... params) {
        return Tulip.await(async.value(type, sql, params));
    }

    @Override
    public long execute(String sql, Object... params) {
        return Tulip.await(async.execute(sql, params));
    }

    @Override
    public long executeMany(String sql, List<Object[]> batch) {
        return Tulip.await(async.executeMany(sql, batch));
    }

    @Override
    public ArrayNode json(String sql, Object... params) {
        return Tulip.await(async.json(sql, params));
    }
}
