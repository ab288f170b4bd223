package dev.tulip.internal;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over generated cases from a seeded source, so a run repeats exactly and a
 * failure names the seed that reproduces it. {@code -Dtulip.fuzz.cases} and
 * {@code -Dtulip.fuzz.seed} ({@code scripts/fuzz.sh}) run more cases or other ones.
 */
public final class Fuzz {
    /** Cases per property: 400 in the suite. */
    public static final int CASES = Integer.getInteger("tulip.fuzz.cases", 400);
    /** A fixed start makes a run repeatable. */
    public static final long SEED = Long.getLong("tulip.fuzz.seed", 20261201L);

    private Fuzz() {}

    /** Runs {@code check} on {@link #CASES} cases, each with a random source of its own seed. */
    public static void forAll(Consumer<SplittableRandom> check) {
        for (int i = 0; i < CASES; i++) {
            long seed = SEED * 1_000_003L + i;
            try {
                check.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "case " + i + " failed; rerun it with -Dtulip.fuzz.seed=" + SEED + " (case seed " + seed + "): "
                                + e.getMessage(),
                        e);
            }
        }
    }
}
