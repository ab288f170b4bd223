package dev.tulip.pg;

import java.time.Duration;

/**
 * A PostgreSQL {@code interval}: months, days and a time part are kept apart, as PostgreSQL keeps
 * them ({@code 1 month} is not 30 days).
 *
 * @param months whole months (a year is 12)
 * @param days whole days
 * @param micros the time part, in microseconds
 */
public record Interval(int months, int days, long micros) {

    /** {@code months} months, {@code days} days and {@code time}. */
    public static Interval of(int months, int days, Duration time) {
        return new Interval(months, days, time.toNanos() / 1000);
    }

    /** The time part as a {@link Duration}. */
    public Duration time() {
        return Duration.ofNanos(micros * 1000);
    }
}
