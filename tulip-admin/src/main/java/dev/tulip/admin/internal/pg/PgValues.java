package dev.tulip.admin.internal.pg;

import dev.tulip.admin.spi.FieldType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Values between the admin's canonical types ({@link FieldType}) and PostgreSQL: in, as the text
 * PostgreSQL's input functions read (the statement casts it); out, from what the client decoded.
 */
final class PgValues {
    private PgValues() {}

    /**
     * {@code v} as PostgreSQL input text for a value (or an array element) of {@code col}; null
     * stays null. A value that cannot be one of the column's ({@code "abc"} for a number, a label
     * the enum lacks) is an {@code IllegalArgumentException}, before any statement.
     */
    static String text(PgColumn col, Object v) {
        FieldType type =
                col.type() == FieldType.ARRAY ? col.field().elementType().orElseThrow() : col.type();
        if (v instanceof String s) {
            parse(type, s);
            if (type == FieldType.ENUM && !col.field().enumValues().contains(s))
                throw new IllegalArgumentException("'" + s + "' is not one of " + col.name() + "'s values "
                        + col.field().enumValues());
        } else if (v != null && !fits(type, v)) {
            throw new IllegalArgumentException(
                    "field " + col.name() + " takes a " + type.name().toLowerCase() + " value, not a "
                            + v.getClass().getSimpleName());
        }
        return text(type, v);
    }

    private static boolean fits(FieldType type, Object v) {
        return switch (type) {
            case INTEGER, DECIMAL, FLOAT -> v instanceof Number;
            case BOOLEAN -> v instanceof Boolean;
            case DATE -> v instanceof LocalDate;
            case TIME -> v instanceof LocalTime;
            case TIMESTAMP -> v instanceof LocalDateTime;
            case TIMESTAMPTZ -> v instanceof OffsetDateTime;
            case UUID -> v instanceof UUID;
            case BYTES -> v instanceof byte[];
            default -> !(v instanceof List<?>);
        };
    }

    static String text(FieldType type, Object v) {
        return switch (v) {
            case null -> null;
            case byte[] b -> "\\x" + HexFormat.of().formatHex(b);
            case BigDecimal d -> d.toPlainString();
            case JsonNode n -> n.toString();
            case OffsetDateTime t -> t.withOffsetSameInstant(ZoneOffset.UTC).toString();
            case List<?> l -> throw new IllegalArgumentException("a list is not a " + type + " value");
            default -> v.toString();
        };
    }

    /** The canonical text of a key value, as {@link dev.tulip.admin.spi.Id} parts hold it. */
    static String idText(FieldType type, Object v) {
        if (v == null) throw new IllegalArgumentException("a key value is null");
        return text(type, v);
    }

    /** Checks that {@code text} is a {@code type} value and returns it canonical; {@code IllegalArgumentException} if not. */
    static Object parse(FieldType type, String text) {
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> text.equals("NaN") ? (Object) Double.NaN : new BigDecimal(text);
                case FLOAT -> parseDouble(text);
                case BOOLEAN -> parseBoolean(text);
                case DATE -> LocalDate.parse(text);
                case TIME -> LocalTime.parse(text);
                case TIMESTAMP -> LocalDateTime.parse(text);
                case TIMESTAMPTZ -> OffsetDateTime.parse(text);
                case UUID -> UUID.fromString(text);
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a " + type.name().toLowerCase() + " value", e);
        }
    }

    private static Double parseDouble(String text) {
        if (text.isEmpty()
                || !Character.isDigit(text.charAt(text.length() - 1))
                        && !text.endsWith("Infinity")
                        && !text.equals("NaN")) throw new NumberFormatException(text); // Java also reads "1d" and "1f"
        return Double.parseDouble(text);
    }

    private static Boolean parseBoolean(String text) {
        if (text.equals("true")) return true;
        if (text.equals("false")) return false;
        throw new IllegalArgumentException("'" + text + "' is not true or false");
    }

    /** A value the client decoded for {@code col}, canonical. */
    static Object out(PgColumn col, Object v) {
        if (v == null) return null;
        if (col.type() != FieldType.ARRAY) return out(col.type(), v);
        FieldType element = col.field().elementType().orElseThrow();
        int n = Array.getLength(v);
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(out(element, Array.get(v, i)));
        return java.util.Collections.unmodifiableList(list);
    }

    private static Object out(FieldType type, Object v) {
        if (v == null) return null;
        return switch (type) {
            case INTEGER -> v instanceof Number n ? (Object) n.longValue() : v;
            case FLOAT -> v instanceof Number n ? (Object) n.doubleValue() : v;
            case DECIMAL -> v instanceof Double d ? (Object) d : v; // numeric NaN comes as a Double
            case TIMESTAMPTZ -> v instanceof OffsetDateTime t ? t.withOffsetSameInstant(ZoneOffset.UTC) : v;
            case TEXT, ENUM, INTERVAL, OTHER -> v.toString();
            default -> v;
        };
    }
}
