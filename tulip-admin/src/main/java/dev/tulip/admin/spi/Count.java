package dev.tulip.admin.spi;

/**
 * How many records match: exact, or the planner's (or the collection's) estimate when counting
 * would cost too much.
 */
public record Count(long value, boolean exact) {

    public static Count exact(long value) {
        return new Count(value, true);
    }

    public static Count estimate(long value) {
        return new Count(value, false);
    }
}
