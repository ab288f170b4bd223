package dev.tulip.internal;

import java.time.Duration;

/** Durations as people write them in settings and read them in messages: {@code 30s}, {@code 500ms}. */
public final class Durations {
    private Durations() {}

    /** {@code 30s}, {@code 500ms}, {@code 2m}, {@code 1h}: the largest unit that is exact; ISO-8601 below a millisecond. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        long s = d.getSeconds();
        if (d.getNano() == 0) {
            if (s % 3600 == 0) return s / 3600 + "h";
            if (s % 60 == 0) return s / 60 + "m";
            return s + "s";
        }
        if (d.getNano() % 1_000_000 == 0) {
            try {
                return d.toMillis() + "ms";
            } catch (ArithmeticException e) {
                // too many milliseconds for a long: fall through
            }
        }
        return d.toString();
    }
}
