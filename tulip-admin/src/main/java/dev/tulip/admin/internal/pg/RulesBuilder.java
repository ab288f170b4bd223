package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.FieldType;
import dev.tulip.admin.spi.Rules;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Collects one column's rules from its CHECK atoms and its length, keeping the tightest bound;
 * the rules are named after the first constraint that gave one.
 */
final class RulesBuilder {
    private final FieldType type;
    private BigDecimal min;
    private BigDecimal max;
    private Integer minLength;
    private Integer maxLength;
    private String pattern;
    private String constraint;

    RulesBuilder(FieldType type) {
        this.type = type;
    }

    void maxLength(int n) {
        maxLength = maxLength == null ? n : Math.min(maxLength, n);
    }

    /** Adds what {@code atom} of constraint {@code name} says, if the admin can say it too. */
    void add(String name, CheckAtom atom) {
        boolean used = switch (atom) {
            case CheckAtom.Compare c -> compare(c.op(), c.number());
            case CheckAtom.Length l -> length(l.op(), l.n());
            case CheckAtom.NotEmpty e -> isText() && minLength(1);
            case CheckAtom.Regex r -> isText() && regex(r.regex());
        };
        if (used && constraint == null) constraint = name;
    }

    private boolean isText() {
        return type == FieldType.TEXT;
    }

    private boolean compare(String op, BigDecimal n) {
        boolean integer = type == FieldType.INTEGER;
        if (!integer && type != FieldType.DECIMAL && type != FieldType.FLOAT) return false;
        BigDecimal bound = n;
        if (op.equals(">") || op.equals("<")) {
            if (!integer || n.stripTrailingZeros().scale() > 0)
                return false; // an exclusive bound the rules cannot hold
            bound = op.equals(">") ? n.add(BigDecimal.ONE) : n.subtract(BigDecimal.ONE);
        }
        if (op.startsWith(">")) min = min == null ? bound : min.max(bound);
        else max = max == null ? bound : max.min(bound);
        return true;
    }

    private boolean length(String op, int n) {
        if (!isText()) return false;
        return switch (op) {
            case "<=" -> maxLengthOf(n);
            case "<" -> maxLengthOf(n - 1);
            case ">=" -> minLength(n);
            default -> minLength(n + 1);
        };
    }

    private boolean maxLengthOf(int n) {
        maxLength(n);
        return true;
    }

    private boolean minLength(int n) {
        minLength = minLength == null ? n : Math.max(minLength, n);
        return true;
    }

    private boolean regex(String regex) {
        if (pattern != null) return false;
        String whole = regex.startsWith("^") && regex.endsWith("$")
                ? regex
                : (regex.startsWith("^") ? "" : ".*") + "(?:" + regex + ")" + (regex.endsWith("$") ? "" : ".*");
        try {
            Pattern.compile(whole);
        } catch (PatternSyntaxException e) {
            return false; // PostgreSQL's dialect: left to the database
        }
        pattern = whole;
        return true;
    }

    Rules build() {
        return new Rules(
                Optional.ofNullable(min),
                Optional.ofNullable(max),
                minLength == null ? OptionalInt.empty() : OptionalInt.of(minLength),
                maxLength == null ? OptionalInt.empty() : OptionalInt.of(maxLength),
                Optional.ofNullable(pattern),
                Optional.ofNullable(constraint));
    }
}
