package dev.tulip.pg;

/** A transaction's isolation level (PostgreSQL's default is {@link #READ_COMMITTED}). */
public enum Isolation {
    READ_COMMITTED("READ COMMITTED"),
    REPEATABLE_READ("REPEATABLE READ"),
    SERIALIZABLE("SERIALIZABLE");

    final String sql;

    Isolation(String sql) {
        this.sql = sql;
    }
}
