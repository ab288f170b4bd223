package dev.tulip.pg;

import dev.tulip.pg.internal.Runner;
import dev.tulip.pg.internal.Values;
import io.vertx.sqlclient.SqlResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.node.ArrayNode;

/** Every query shape, built on one operation: a prepared query on whatever client the runner gives. */
final class AsyncQueries implements PgAsync {
    private final Runner runner;
    private final Shapes shapes = new Shapes();

    AsyncQueries(Runner runner) {
        this.runner = runner;
    }

    private CompletionStage<List<Row>> query(String sql, Object[] params) {
        var tuple = Values.tuple(params);
        return runner.run(c -> c.preparedQuery(sql).execute(tuple)).thenApply(Rows::of);
    }

    @Override
    public CompletionStage<List<Row>> rows(String sql, Object... params) {
        return query(sql, params);
    }

    @Override
    public <T> CompletionStage<List<T>> rows(Class<T> type, String sql, Object... params) {
        return query(sql, params).thenApply(rows -> Rows.as(type, rows, shapes));
    }

    @Override
    public CompletionStage<Optional<Row>> one(String sql, Object... params) {
        return query(sql, params).thenApply(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst()));
    }

    @Override
    public <T> CompletionStage<Optional<T>> one(Class<T> type, String sql, Object... params) {
        return query(sql, params)
                .thenApply(rows -> rows.isEmpty()
                        ? Optional.empty()
                        : Optional.of(Rows.as(type, rows.subList(0, 1), shapes).getFirst()));
    }

    @Override
    public <T> CompletionStage<Optional<T>> value(Class<T> type, String sql, Object... params) {
        return one(sql, params)
                .thenApply(r -> r.map(row ->
                        type.cast(Convert.to(type, row.value(0), row.columns().getFirst()))));
    }

    @Override
    public CompletionStage<Long> execute(String sql, Object... params) {
        var tuple = Values.tuple(params);
        return runner.run(c -> c.preparedQuery(sql).execute(tuple)).thenApply(r -> (long) r.rowCount());
    }

    @Override
    public CompletionStage<Long> executeMany(String sql, List<Object[]> batch) {
        if (batch.isEmpty()) return java.util.concurrent.CompletableFuture.completedFuture(0L);
        var tuples = Values.tuples(batch);
        return runner.run(c -> c.preparedQuery(sql).executeBatch(tuples)).thenApply(AsyncQueries::total);
    }

    private static long total(SqlResult<?> first) {
        long n = 0;
        for (SqlResult<?> r = first; r != null; r = r.next()) n += r.rowCount();
        return n;
    }

    @Override
    public CompletionStage<ArrayNode> json(String sql, Object... params) {
        return query(sql, params).thenApply(Rows::json);
    }
}
