package dev.tulip.admin.internal;

import dev.tulip.admin.spi.Field;
import dev.tulip.admin.spi.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Canonical values ({@link FieldType}) as text: for reading on a page, for an input's value, and
 * back from what a form or a filter sent. Parsing fails with an {@code IllegalArgumentException}
 * whose message reads after the field's label ("must be a whole number").
 */
public final class Values {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter LOCAL_DT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    static final int CELL_CHARS = 80;

    private Values() {}

    /** For reading: what a detail page shows. */
    public static String display(Field f, Object v) {
        if (v == null) return "";
        return switch (v) {
            case Boolean b -> b ? "Yes" : "No";
            case byte[] bytes -> bytes.length + " bytes";
            case OffsetDateTime t ->
                t.withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString();
            case LocalDateTime t -> t.toString().replace('T', ' ');
            case JsonNode j -> j.toString();
            case List<?> l -> {
                List<String> parts = new ArrayList<>();
                for (Object e : l) parts.add(e == null ? "null" : e instanceof String s ? s : display(f, e));
                yield String.join(", ", parts);
            }
            case BigDecimal d -> d.toPlainString();
            default -> v.toString();
        };
    }

    /** For a list cell: {@link #display}, cut to a length that keeps the table readable. */
    public static String cell(Field f, Object v) {
        String s = display(f, v);
        return s.length() > CELL_CHARS ? s.substring(0, CELL_CHARS - 1) + "…" : s;
    }

    /** For an input's value (or a textarea's text). */
    public static String input(Field f, Object v) {
        if (v == null) return "";
        return switch (v) {
            case OffsetDateTime t -> LOCAL_DT.format(t.withOffsetSameInstant(ZoneOffset.UTC));
            case LocalDateTime t -> LOCAL_DT.format(t);
            case LocalTime t ->
                t.truncatedTo(ChronoUnit.SECONDS).toString().length() == 5
                        ? t + ":00"
                        : t.truncatedTo(ChronoUnit.SECONDS).toString();
            case JsonNode j -> j.toPrettyString();
            case List<?> l -> toJsonArray(l).toString();
            case BigDecimal d -> d.toPlainString();
            case byte[] bytes -> "";
            default -> v.toString();
        };
    }

    /** The canonical value of {@code text} for a field of type {@code type} (array elements: its element type). */
    public static Object parse(Field f, String text) {
        return parse(f.type(), f, text.strip());
    }

    private static Object parse(FieldType type, Field f, String t) {
        try {
            return switch (type) {
                case TEXT, INTERVAL -> t;
                case OBJECT_ID -> {
                    if (!t.matches("[0-9a-fA-F]{24}"))
                        throw new IllegalArgumentException("must be 24 hexadecimal digits");
                    yield t.toLowerCase(Locale.ROOT);
                }
                case INTEGER -> Long.parseLong(t);
                case DECIMAL -> new BigDecimal(t);
                case FLOAT ->
                    switch (t) {
                        case "NaN" -> Double.NaN;
                        case "Infinity" -> Double.POSITIVE_INFINITY;
                        case "-Infinity" -> Double.NEGATIVE_INFINITY;
                        default -> Double.parseDouble(t);
                    };
                case BOOLEAN ->
                    switch (t.toLowerCase(Locale.ROOT)) {
                        case "true", "on", "yes", "1" -> true;
                        case "false", "off", "no", "0" -> false;
                        default -> throw new IllegalArgumentException("must be yes or no");
                    };
                case DATE -> LocalDate.parse(t);
                case TIME -> LocalTime.parse(t);
                case TIMESTAMP -> LocalDateTime.parse(t.replace(' ', 'T'));
                case TIMESTAMPTZ -> parseInstant(t);
                case UUID -> UUID.fromString(t);
                case ENUM -> {
                    if (!f.enumValues().contains(t))
                        throw new IllegalArgumentException("must be one of " + String.join(", ", f.enumValues()));
                    yield t;
                }
                case JSON -> parseJson(t);
                case ARRAY -> parseArray(f, t);
                case BYTES, OTHER -> throw new IllegalArgumentException("cannot be set here");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    type == FieldType.INTEGER ? "must be a whole number" : "must be a number", e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "must be a "
                            + switch (type) {
                                case DATE -> "date (2026-12-31)";
                                case TIME -> "time (23:59:00)";
                                default -> "date and time (2026-12-31T23:59:00)";
                            },
                    e);
        }
    }

    private static OffsetDateTime parseInstant(String t) {
        try {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t.replace(' ', 'T')).atOffset(ZoneOffset.UTC); // a datetime-local input: UTC
        }
    }

    static JsonNode parseJson(String t) {
        try {
            return JSON.readTree(t);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("must be valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static List<Object> parseArray(Field f, String t) {
        if (t.isEmpty()) return List.of();
        JsonNode node = parseJson(t);
        if (!node.isArray()) throw new IllegalArgumentException("must be a JSON array, like [\"a\", \"b\"]");
        FieldType element = f.elementType().orElse(FieldType.TEXT);
        List<Object> out = new ArrayList<>();
        for (JsonNode e : node) {
            if (e.isNull()) out.add(null);
            else if (element == FieldType.JSON) out.add(e);
            else out.add(parse(element, f, e.isString() ? e.asString() : e.toString()));
        }
        return out;
    }

    private static ArrayNode toJsonArray(List<?> l) {
        ArrayNode a = JSON.createArrayNode();
        for (Object e : l) {
            switch (e) {
                case null -> a.addNull();
                case Long n -> a.add(n);
                case Integer n -> a.add(n);
                case Double d -> a.add(d);
                case BigDecimal d -> a.add(d);
                case Boolean b -> a.add(b);
                case JsonNode j -> a.add(j);
                default ->
                    a.add(e instanceof OffsetDateTime || e instanceof LocalDateTime ? input(null, e) : e.toString());
            }
        }
        return a;
    }
}
