package dev.tulip.internal;

import dev.tulip.HttpException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Jackson's read errors into 400s a client can act on, in JSON's terms only: the field's
 * JSON path, what was expected ("an integer", "a string", "one of RED, GREEN") and what was sent.
 * No Java type, Jackson token or feature name reaches the client; Jackson's own message goes to
 * the debug log.
 */
public final class JsonErrors {
    private static final int MAX_SHOWN = 40;

    /** Reads the body as a tree to show what was sent at a failing path; coercion-free and small. */
    private static final JsonMapper TREE = JsonMapper.builder().build();

    private JsonErrors() {}

    /** The 400 for {@code e}, raised reading {@code body} (null when the body is not at hand). */
    public static HttpException badRequest(JacksonException e, byte[] body) {
        Log.TULIP.debug("JSON body refused: {}", e.getOriginalMessage());
        return new HttpException(400, message(e, body), e);
    }

    static String message(JacksonException e, byte[] body) {
        if (isLimit(e)) return "JSON exceeds a limit: " + limit(e) + at(e);
        if (e instanceof StreamReadException && !(e instanceof InputCoercionException)) {
            String m = String.valueOf(e.getOriginalMessage());
            if (m.startsWith("Duplicate Object property")) {
                return "duplicate field '" + quoted(m) + "'" + at(e);
            }
            return "malformed JSON: " + malformed(e, body) + at(e);
        }
        List<Object> path = path(e);
        String where = path.isEmpty() ? "body" : "field '" + render(path) + "'";
        return switch (e) {
            case UnrecognizedPropertyException u ->
                "field '" + render(path) + "' is not allowed here" + known(u.getKnownPropertyIds());
            case InvalidNullException n -> {
                JsonNode sent = sentAt(body, path);
                yield where + (sent == null || sent.isMissingNode() ? " is required" : " must not be null");
            }
            case InputCoercionException c ->
                where + ": " + shown(sentAt(body, path)) + " is out of range for " + range(c.getTargetType());
            case ValueInstantiationException v -> where + ": " + rejected(v);
            case InvalidFormatException f
            when f.getTargetType() != null && f.getTargetType().isEnum() ->
                where + ": expected " + expected(f.getTargetType()) + ", got " + got(body, path, f.getValue());
            case MismatchedInputException m
            when String.valueOf(m.getOriginalMessage()).startsWith("Trailing token") ->
                "malformed JSON: more than one value in the body" + at(e);
            case MismatchedInputException m ->
                where + ": expected " + expected(m.getTargetType()) + ", got " + got(body, path, null);
            default -> where + ": does not match the expected shape";
        };
    }

    /** The 400 message for a Jackson read error from handler code, where the body is not known. */
    public static String message(JacksonException e) {
        return message(e, null);
    }

    private static boolean isLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) return true;
        }
        return false;
    }

    private static String limit(JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("nesting depth")) return "nested deeper than " + Json.MAX_NESTING_DEPTH + " levels";
        if (m.contains("number")) return "a number longer than " + Json.MAX_NUMBER_LENGTH + " characters";
        if (m.contains("name")) return "a field name longer than " + Json.MAX_NAME_LENGTH + " characters";
        if (m.contains("string")) return "a string longer than " + Json.MAX_STRING_LENGTH + " characters";
        return "too large";
    }

    private static String malformed(JacksonException e, byte[] body) {
        String m = String.valueOf(e.getOriginalMessage());
        if (m.contains("end-of-input")) return "the body ends before the value does";
        TokenStreamLocation loc = e.getLocation();
        if (body != null && loc != null && loc.getByteOffset() >= 0 && loc.getByteOffset() < body.length) {
            int b = body[(int) loc.getByteOffset()] & 0xff;
            if (b > 0x20 && b < 0x7f) return "unexpected '" + (char) b + "'";
        }
        return m.startsWith("Unrecognized token") ? "not a JSON value" : "unexpected character";
    }

    private static String at(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() <= 0) return "";
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String quoted(String m) {
        int a = m.indexOf('"');
        int b = m.lastIndexOf('"');
        return a >= 0 && b > a ? m.substring(a + 1, b) : "?";
    }

    private static List<Object> path(JacksonException e) {
        List<Object> out = new ArrayList<>();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) out.add(r.getPropertyName());
            else if (r.getIndex() >= 0) out.add(r.getIndex());
        }
        return out;
    }

    private static String render(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object p : path) {
            if (p instanceof Integer i) sb.append('[').append(i).append(']');
            else sb.append(sb.isEmpty() ? "" : ".").append(p);
        }
        return sb.toString();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) return "";
        List<String> names = ids.stream().map(String::valueOf).sorted().toList();
        return " (expected one of: " + String.join(", ", names) + ")";
    }

    /** The value sent at {@code path}, or null when the body is unknown or not a readable tree. */
    private static JsonNode sentAt(byte[] body, List<Object> path) {
        if (body == null) return null;
        JsonNode n;
        try {
            n = TREE.readTree(body);
        } catch (JacksonException unreadable) {
            return null;
        }
        for (Object p : path) {
            if (n == null) return null;
            n = p instanceof Integer i ? n.get(i) : n.get((String) p);
        }
        return n == null ? TREE.missingNode() : n;
    }

    private static String got(byte[] body, List<Object> path, Object fallback) {
        JsonNode sent = sentAt(body, path);
        if (sent != null && !sent.isMissingNode()) return shown(sent);
        return fallback == null ? "something else" : clip('"' + fallback.toString() + '"');
    }

    private static String shown(JsonNode n) {
        if (n == null || n.isMissingNode()) return "the value";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        if (n.isString()) return clip('"' + n.asString() + '"');
        return clip(n.toString());
    }

    private static String clip(String s) {
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s;
    }

    private static String rejected(ValueInstantiationException v) {
        Throwable cause = v.getCause();
        String m = cause == null ? null : cause.getMessage();
        return m == null || m.isBlank() ? "the value was rejected" : clip(m);
    }

    private static String range(Class<?> t) {
        if (t == int.class || t == Integer.class) return "a 32-bit integer";
        if (t == long.class || t == Long.class) return "a 64-bit integer";
        if (t == short.class || t == Short.class) return "a 16-bit integer";
        if (t == byte.class || t == Byte.class) return "an 8-bit integer";
        return "this field";
    }

    /** What a Java type means in JSON's words. */
    static String expected(Type type) {
        if (!(type instanceof Class<?> t)) return "a value of another shape";
        if (t == int.class
                || t == Integer.class
                || t == long.class
                || t == Long.class
                || t == short.class
                || t == Short.class
                || t == byte.class
                || t == Byte.class
                || t == BigInteger.class) return "an integer";
        if (t == double.class || t == Double.class || t == float.class || t == Float.class || t == BigDecimal.class)
            return "a number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class || t == char.class || t == Character.class || CharSequence.class.isAssignableFrom(t))
            return "a string";
        if (t == UUID.class) return "a UUID string";
        if (Temporal.class.isAssignableFrom(t)) return "an ISO-8601 date/time string";
        if (t.isEnum()) {
            return "one of "
                    + String.join(
                            ", ",
                            Arrays.stream(t.getEnumConstants())
                                    .map(String::valueOf)
                                    .toList());
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) return "an array";
        if (Map.class.isAssignableFrom(t) || t.isRecord() || !t.getName().startsWith("java.")) return "an object";
        return "a value of another shape";
    }
}
