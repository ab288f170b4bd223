package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.Condition;
import dev.tulip.admin.spi.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The filters of a list or a count as predicates, every value a parameter. */
final class Where {
    private Where() {}

    /** The predicates of {@code conditions} and {@code search} (over {@code searchFields}), to be joined by AND. */
    static List<String> of(
            Sql sql, PgTable t, List<Condition> conditions, Optional<String> search, List<String> searchFields) {
        List<String> out = new ArrayList<>();
        for (Condition c : conditions) out.add(condition(sql, t.column(c.field()), c));
        String term = search.map(String::strip).orElse("");
        if (!term.isEmpty() && !searchFields.isEmpty()) {
            String p = sql.param(containing(term));
            out.add(searchFields.stream()
                    .map(f -> t.column(f).ident() + "::text ilike " + p)
                    .collect(Collectors.joining(" or ", "(", ")")));
        }
        return out;
    }

    /** {@code " where a and b"}, or nothing. */
    static String clause(List<String> predicates) {
        return predicates.isEmpty() ? "" : " where " + String.join(" and ", predicates);
    }

    /** The LIKE pattern of text containing {@code text}, its wildcards and escapes escaped. */
    static String containing(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String condition(Sql sql, PgColumn col, Condition c) {
        String lhs = col.type() == FieldType.JSON ? col.ident() + "::jsonb" : col.ident();
        return switch (c.op()) {
            case EQ -> lhs + " = " + sql.value(col, c.value()) + json(col);
            case NE -> lhs + " is distinct from " + sql.value(col, c.value()) + json(col);
            case LT -> lhs + " < " + sql.value(col, c.value());
            case LTE -> lhs + " <= " + sql.value(col, c.value());
            case GT -> lhs + " > " + sql.value(col, c.value());
            case GTE -> lhs + " >= " + sql.value(col, c.value());
            case IN ->
                ((List<?>) c.value()).isEmpty()
                        ? "false"
                        : lhs + " = any(" + sql.values(col, (List<?>) c.value()) + ")";
            case CONTAINS -> col.ident() + "::text ilike " + sql.param(containing(String.valueOf(c.value())));
            case IS_NULL -> col.ident() + " is null";
            case NOT_NULL -> col.ident() + " is not null";
        };
    }

    private static String json(PgColumn col) {
        return col.type() == FieldType.JSON ? "::jsonb" : "";
    }
}
