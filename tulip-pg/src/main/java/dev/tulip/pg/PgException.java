package dev.tulip.pg;

import java.util.Optional;

/**
 * An error PostgreSQL reported, with its fields. Installed into an app, {@link Pg} maps them to
 * responses: unique and foreign-key violations {@code 409}, check and not-null violations {@code 422},
 * a statement timeout {@code 504}; the message sent names the constraint or column, never the SQL.
 */
public class PgException extends RuntimeException {
    /** What kind of error the SQLSTATE says it is. */
    public enum Kind {
        UNIQUE_VIOLATION,
        FOREIGN_KEY_VIOLATION,
        CHECK_VIOLATION,
        NOT_NULL_VIOLATION,
        /** {@code 40001}: retry the transaction ({@link TxOptions#retries}). */
        SERIALIZATION_FAILURE,
        /** {@code 40P01}: retry the transaction ({@link TxOptions#retries}). */
        DEADLOCK,
        /** {@code 57014}: the statement timeout, or a cancel. */
        QUERY_CANCELED,
        OTHER;

        /** The kind of {@code sqlState}. */
        public static Kind of(String sqlState) {
            return switch (sqlState) {
                case "23505" -> UNIQUE_VIOLATION;
                case "23503" -> FOREIGN_KEY_VIOLATION;
                case "23514" -> CHECK_VIOLATION;
                case "23502" -> NOT_NULL_VIOLATION;
                case "40001" -> SERIALIZATION_FAILURE;
                case "40P01" -> DEADLOCK;
                case "57014" -> QUERY_CANCELED;
                default -> OTHER;
            };
        }
    }

    private final String sqlState;
    private final String constraint;
    private final String table;
    private final String column;
    private final String detail;

    /** An error with PostgreSQL's fields; {@code null} for those it did not send. */
    public PgException(
            String message,
            String sqlState,
            String constraint,
            String table,
            String column,
            String detail,
            Throwable cause) {
        super(message + " (SQLSTATE " + sqlState + ")", cause);
        this.sqlState = sqlState;
        this.constraint = constraint;
        this.table = table;
        this.column = column;
        this.detail = detail;
    }

    /** The five-character SQLSTATE, e.g. {@code 23505}. */
    public String sqlState() {
        return sqlState;
    }

    /** The kind of error. */
    public Kind kind() {
        return Kind.of(sqlState);
    }

    /** Whether retrying the whole transaction may succeed (serialization failure or deadlock). */
    public boolean retryable() {
        return kind() == Kind.SERIALIZATION_FAILURE || kind() == Kind.DEADLOCK;
    }

    public Optional<String> constraint() {
        return Optional.ofNullable(constraint);
    }

    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** PostgreSQL's detail line; it may quote the row's values, so it is not sent to clients. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
