package dev.tulip.pg;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Pg#transaction(TxOptions, Pg.TxWork)} runs a transaction: its isolation, whether it
 * is read-only, and how many times it is retried (with backoff) when PostgreSQL reports a
 * serialization failure or a deadlock. The work of a retried transaction runs again from the start,
 * so it must not have effects outside the database.
 *
 * @param isolation the isolation level
 * @param readOnly whether writes are refused
 * @param retries extra attempts after a serialization failure or deadlock
 * @param backoff the wait before the first retry; it doubles each time, with jitter, up to a second
 */
public record TxOptions(Isolation isolation, boolean readOnly, int retries, Duration backoff) {
    /** Read committed, read-write, no retries. */
    public static final TxOptions DEFAULT = new TxOptions(Isolation.READ_COMMITTED, false, 0, Duration.ofMillis(5));

    /** Validates the values. */
    public TxOptions {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(backoff, "backoff");
        if (retries < 0) throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
    }

    /** The default options at {@code isolation}. */
    public static TxOptions of(Isolation isolation) {
        return DEFAULT.isolation(isolation);
    }

    public TxOptions isolation(Isolation level) {
        return new TxOptions(level, readOnly, retries, backoff);
    }

    /** Read-only ({@code true}) or read-write. */
    public TxOptions readOnly(boolean on) {
        return new TxOptions(isolation, on, retries, backoff);
    }

    /** Retries up to {@code n} times on serialization failure or deadlock. */
    public TxOptions retries(int n) {
        return new TxOptions(isolation, readOnly, n, backoff);
    }

    public TxOptions backoff(Duration first) {
        return new TxOptions(isolation, readOnly, retries, first);
    }
}
