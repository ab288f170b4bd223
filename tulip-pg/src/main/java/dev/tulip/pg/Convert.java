package dev.tulip.pg;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/** A column value to the Java type a caller asks for: numbers widen and narrow exactly, strings become enums. */
final class Convert {
    private Convert() {}

    static Object to(Class<?> type, Object v, String column) {
        if (v == null) {
            if (type.isPrimitive())
                throw new PgMappingException("column '" + column + "' is NULL and cannot fill a " + type.getName()
                        + "; use " + boxed(type).getSimpleName() + " or Optional");
            return null;
        }
        Class<?> target = boxed(type);
        if (target.isInstance(v)) return v;
        if (v instanceof Number n && Number.class.isAssignableFrom(target)) return number(target, n, column);
        if (target.isEnum() && v instanceof String s) return enumValue(target, s, column);
        if (target == Instant.class && v instanceof OffsetDateTime t) return t.toInstant();
        if (target == List.class && v.getClass().isArray()) return Arrays.asList(boxedArray(v));
        if (target == String.class && v instanceof Enum<?> e) return e.name();
        throw new PgMappingException("column '" + column + "' holds a "
                + v.getClass().getSimpleName() + " and cannot become a " + type.getSimpleName());
    }

    private static Object[] boxedArray(Object arr) {
        if (arr instanceof Object[] o) return o;
        Object[] out = new Object[Array.getLength(arr)];
        for (int i = 0; i < out.length; i++) out[i] = Array.get(arr, i);
        return out;
    }

    private static Object number(Class<?> target, Number n, String column) {
        try {
            BigDecimal d = n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
            if (target == Integer.class) return d.intValueExact();
            if (target == Long.class) return d.longValueExact();
            if (target == Short.class) return d.shortValueExact();
            if (target == Byte.class) return d.byteValueExact();
            if (target == BigInteger.class) return d.toBigIntegerExact();
            if (target == BigDecimal.class) return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new PgMappingException(
                    "column '" + column + "' holds " + n + ", which does not fit a " + target.getSimpleName());
        }
        if (target == Double.class) return n.doubleValue();
        if (target == Float.class) return n.floatValue();
        throw new PgMappingException(
                "column '" + column + "' is a number and cannot become a " + target.getSimpleName());
    }

    private static Object enumValue(Class<?> type, String s, String column) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(s) || ((Enum<?>) c).name().equalsIgnoreCase(s)) return c;
        }
        throw new PgMappingException(
                "column '" + column + "' holds '" + s + "', not a constant of " + type.getSimpleName());
    }

    static Class<?> boxed(Class<?> t) {
        if (!t.isPrimitive()) return t;
        if (t == int.class) return Integer.class;
        if (t == long.class) return Long.class;
        if (t == boolean.class) return Boolean.class;
        if (t == double.class) return Double.class;
        if (t == float.class) return Float.class;
        if (t == short.class) return Short.class;
        if (t == byte.class) return Byte.class;
        return Character.class;
    }
}
