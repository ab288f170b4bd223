package dev.tulip.pg;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import tools.jackson.databind.node.ArrayNode;

/**
 * The queries of {@link Queries} as {@link CompletionStage}s, for {@code Handler.nonBlocking} routes
 * and for many queries in flight at once: issued together on a pipelined connection they share a
 * round trip. Stages complete on an event loop; don't block in their callbacks.
 */
public interface PgAsync {
    CompletionStage<List<Row>> rows(String sql, Object... params);

    <T> CompletionStage<List<T>> rows(Class<T> type, String sql, Object... params);

    CompletionStage<Optional<Row>> one(String sql, Object... params);

    <T> CompletionStage<Optional<T>> one(Class<T> type, String sql, Object... params);

    <T> CompletionStage<Optional<T>> value(Class<T> type, String sql, Object... params);

    CompletionStage<Long> execute(String sql, Object... params);

    CompletionStage<Long> executeMany(String sql, List<Object[]> batch);

    CompletionStage<ArrayNode> json(String sql, Object... params);
}
