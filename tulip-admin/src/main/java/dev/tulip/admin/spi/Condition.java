package dev.tulip.admin.spi;

import java.util.List;

/**
 * One filter on a list: {@code field op value}, the value already parsed into the field's
 * canonical type (a {@code List} of them for {@link Op#IN}; none for the null tests). Field names
 * reach a backend only after the admin checked them against the model, and a backend still binds
 * values as parameters, never as query text.
 */
public record Condition(String field, Op op, Object value) {

    public enum Op {
        EQ,
        NE,
        LT,
        LTE,
        GT,
        GTE,
        /** The value is one of a {@code List}. */
        IN,
        /** Text containing the value, ignoring case. */
        CONTAINS,
        IS_NULL,
        NOT_NULL
    }

    public Condition {
        if ((op == Op.IS_NULL || op == Op.NOT_NULL) != (value == null))
            throw new IllegalArgumentException(op + " " + (value == null ? "needs a value" : "takes no value"));
        if (op == Op.IN && !(value instanceof List<?>)) throw new IllegalArgumentException("IN needs a list");
    }

    public static Condition isNull(String field) {
        return new Condition(field, Op.IS_NULL, null);
    }

    public static Condition notNull(String field) {
        return new Condition(field, Op.NOT_NULL, null);
    }
}
