package dev.tulip.admin.spi;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The simple rules a field's values must follow, as the database declares them (a CHECK
 * constraint, a varchar length, a {@code $jsonSchema}); the admin's forms check them before the
 * database does, and name the constraint when they fail.
 *
 * @param min the smallest allowed number, inclusive
 * @param max the largest allowed number, inclusive
 * @param minLength the fewest characters of a text
 * @param maxLength the most characters of a text
 * @param pattern a regular expression the whole text must match
 * @param constraint the name of the constraint the rules come from, if any
 */
public record Rules(
        Optional<BigDecimal> min,
        Optional<BigDecimal> max,
        OptionalInt minLength,
        OptionalInt maxLength,
        Optional<String> pattern,
        Optional<String> constraint) {

    /** No rules. */
    public static final Rules NONE = new Rules(
            Optional.empty(),
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            Optional.empty(),
            Optional.empty());

    /** Whether there is no rule at all. */
    public boolean isEmpty() {
        return min.isEmpty() && max.isEmpty() && minLength.isEmpty() && maxLength.isEmpty() && pattern.isEmpty();
    }
}
