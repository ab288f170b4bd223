package dev.tulip.admin.internal.pg;

import java.math.BigDecimal;

/** One simple condition found in a CHECK constraint, about one column ({@code VALUE} in a domain's). */
sealed interface CheckAtom {
    String column();

    /** {@code column op number}, op one of {@code >= > <= <}. */
    record Compare(String column, String op, BigDecimal number) implements CheckAtom {}

    /** {@code length(column) op n}. */
    record Length(String column, String op, int n) implements CheckAtom {}

    /** {@code column <> ''}. */
    record NotEmpty(String column) implements CheckAtom {}

    /** {@code column ~ 'regex'}. */
    record Regex(String column, String regex) implements CheckAtom {}
}
