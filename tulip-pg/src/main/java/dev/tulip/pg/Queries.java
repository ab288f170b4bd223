package dev.tulip.pg;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;

/**
 * Queries as plain calls, for handlers on virtual threads (the default): each waits for its result.
 * Parameters are {@code $1..$n}, bound by type (never spliced into the SQL). {@link Pg} runs each
 * on a pooled connection, a {@link Tx} on its transaction's.
 */
public interface Queries {
    /** Every row. */
    List<Row> rows(String sql, Object... params);

    /** Every row as a {@code type} record, filled by column name ({@code created_at} fills {@code createdAt}). */
    <T> List<T> rows(Class<T> type, String sql, Object... params);

    /** The first row, or empty when there is none. */
    Optional<Row> one(String sql, Object... params);

    /** The first row as a {@code type} record, or empty. */
    <T> Optional<T> one(Class<T> type, String sql, Object... params);

    /** The first column of the first row as {@code type}; empty when there is no row or it is NULL. */
    <T> Optional<T> value(Class<T> type, String sql, Object... params);

    /** Runs a statement; returns the rows it affected. */
    long execute(String sql, Object... params);

    /** Runs a statement once per parameter array, in one round trip, all or nothing; returns the rows affected. */
    long executeMany(String sql, List<Object[]> batch);

    /** Every row as a JSON object keyed by column name (json columns nested as JSON, bytea as base64). */
    ArrayNode json(String sql, Object... params);
}
