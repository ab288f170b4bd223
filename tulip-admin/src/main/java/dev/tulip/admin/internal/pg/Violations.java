package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.ConstraintViolation;
import dev.tulip.admin.spi.Relation;
import dev.tulip.pg.PgException;
import java.util.List;
import java.util.Optional;

/**
 * The database's refusals of a write as {@link ConstraintViolation}s on the field they are about:
 * unique → the index's (first) column, foreign key → its first column, CHECK → its one column,
 * NOT NULL → the column, a value PostgreSQL could not take (too long, out of range) → no field.
 */
final class Violations {
    private Violations() {}

    /** {@code e} as a violation of a write to {@code t}; {@code e} itself when it is no such refusal. */
    static RuntimeException of(PgException e, PgTable t, boolean deleting) {
        Optional<String> constraint = e.constraint();
        Optional<List<String>> columns = constraint.flatMap(t::constraint);
        Optional<String> first = columns.filter(c -> !c.isEmpty()).map(List::getFirst);
        return switch (e.kind()) {
            case UNIQUE_VIOLATION ->
                new ConstraintViolation(
                        first,
                        constraint,
                        "must be unique: a record with this "
                                + columns.map(c -> String.join(" and ", c)).orElse("value") + " exists",
                        e);
            case FOREIGN_KEY_VIOLATION -> foreignKey(e, t, deleting, first);
            case CHECK_VIOLATION ->
                new ConstraintViolation(
                        columns.filter(c -> c.size() == 1 || isDomainCheck(e)).map(List::getFirst),
                        constraint,
                        "violates check " + constraint.orElse("constraint"),
                        e);
            case NOT_NULL_VIOLATION -> new ConstraintViolation(e.column(), constraint, "is required", e);
            default ->
                e.sqlState().startsWith("22")
                        ? new ConstraintViolation(
                                Optional.empty(),
                                Optional.empty(),
                                "is not a value the database takes: "
                                        + e.getMessage().replaceAll(" \\(SQLSTATE \\w+\\)$", ""),
                                e)
                        : e;
        };
    }

    private static boolean isDomainCheck(PgException e) {
        return e.table().isEmpty(); // a domain's CHECK fails at the cast, on no table
    }

    private static ConstraintViolation foreignKey(PgException e, PgTable t, boolean deleting, Optional<String> first) {
        String referencing = e.table().orElse("another table");
        if (deleting || !referencing.equals(t.name()))
            return new ConstraintViolation(
                    Optional.empty(),
                    e.constraint(),
                    "is referenced by records of " + referencing + " ("
                            + e.constraint().orElse("a foreign key") + "): change or delete those first",
                    e);
        String target = t.model().references().stream()
                .filter(r -> e.constraint().equals(Optional.of(r.name())))
                .map(Relation::target)
                .findFirst()
                .orElse("other");
        return new ConstraintViolation(first, e.constraint(), "must reference an existing " + target + " record", e);
    }
}
