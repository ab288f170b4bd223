package dev.tulip.pg.internal;

import dev.tulip.pg.Interval;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * Rows in {@code COPY}'s text format, encoded straight into one growing byte buffer: values
 * separated by tabs, rows ended by newlines, NULL as {@code \N}, backslash, tab, newline and
 * carriage return escaped with a backslash; {@code bytea} as {@code \\x} and hex, arrays as
 * PostgreSQL array literals, JSON trees as their text, ±infinity for the {@code MAX}/{@code MIN}
 * dates and timestamps (as queries read them).
 */
public final class CopyText {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private byte[] buf;
    private int size;

    public CopyText(int capacity) {
        buf = new byte[capacity];
    }

    /** The bytes encoded since the last {@link #clear()}: {@code bytes()[0 .. size())}. */
    public byte[] bytes() {
        return buf;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    /** Appends one row. */
    public void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) put((byte) '\t');
            value(values[i]);
        }
        put((byte) '\n');
    }

    private void value(Object v) {
        switch (v) {
            case null -> {
                put((byte) '\\');
                put((byte) 'N');
            }
            case Integer n -> digits(n);
            case Long n -> digits(n);
            case Short n -> digits(n);
            case Byte n -> digits(n);
            case String s -> text(s);
            case Boolean b -> put(b ? (byte) 't' : (byte) 'f');
            case byte[] bytes -> {
                ascii("\\\\x"); // bytea's \x, its backslash escaped for COPY
                ensure(bytes.length * 2);
                for (byte b : bytes) {
                    buf[size++] = HEX[(b >> 4) & 0xf];
                    buf[size++] = HEX[b & 0xf];
                }
            }
            case BigDecimal d -> ascii(d.toString());
            case Double d -> ascii(d.toString()); // NaN, Infinity, -Infinity as PostgreSQL reads them
            case Float f -> ascii(f.toString());
            case JsonNode n -> text(n.toString());
            case Interval i -> ascii(interval(i));
            case Enum<?> e -> text(e.name());
            default -> {
                if (v.getClass().isArray()) text(array(v));
                else text(temporal(v).toString());
            }
        }
    }

    private static Object temporal(Object v) {
        return switch (v) {
            case LocalDate d when d.equals(LocalDate.MAX) -> "infinity";
            case LocalDate d when d.equals(LocalDate.MIN) -> "-infinity";
            case LocalDateTime t when t.equals(LocalDateTime.MAX) -> "infinity";
            case LocalDateTime t when t.equals(LocalDateTime.MIN) -> "-infinity";
            case OffsetDateTime t when t.equals(OffsetDateTime.MAX) -> "infinity";
            case OffsetDateTime t when t.equals(OffsetDateTime.MIN) -> "-infinity";
            default -> v;
        };
    }

    private static String interval(Interval i) {
        return i.months() + " mons " + i.days() + " days " + i.micros() + " microseconds";
    }

    /** A PostgreSQL array literal: {@code {1,NULL,"a \"b\""}}, nested arrays nested. */
    static String array(Object arr) {
        StringBuilder sb = new StringBuilder().append('{');
        for (int i = 0, n = Array.getLength(arr); i < n; i++) {
            if (i > 0) sb.append(',');
            Object e = Array.get(arr, i);
            if (e == null) sb.append("NULL");
            else if (e.getClass().isArray() && !(e instanceof byte[])) sb.append(array(e));
            else {
                String s = element(e);
                sb.append('"');
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (c == '"' || c == '\\') sb.append('\\');
                    sb.append(c);
                }
                sb.append('"');
            }
        }
        return sb.append('}').toString();
    }

    private static String element(Object e) {
        return switch (e) {
            case byte[] bytes -> "\\x" + java.util.HexFormat.of().formatHex(bytes);
            case Boolean b -> b ? "t" : "f";
            case Interval i -> interval(i);
            case Enum<?> en -> en.name();
            default -> temporal(e).toString();
        };
    }

    private void text(String s) {
        int n = s.length();
        ensure(2 * n); // every char escaped at worst
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                escaped(s.substring(i));
                return;
            }
            switch (c) {
                case '\\' -> escape('\\');
                case '\t' -> escape('t');
                case '\n' -> escape('n');
                case '\r' -> escape('r');
                default -> buf[size++] = (byte) c;
            }
        }
    }

    private void escape(char c) {
        buf[size++] = '\\';
        buf[size++] = (byte) c;
    }

    /** The rest of a string that is not all ASCII: escaped as a string, then encoded. */
    private void escaped(String s) {
        String e = s.replace("\\", "\\\\")
                .replace("\t", "\\t")
                .replace("\n", "\\n")
                .replace("\r", "\\r");
        byte[] b = e.getBytes(StandardCharsets.UTF_8);
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) buf[size++] = (byte) s.charAt(i);
    }

    private void digits(long v) {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        ensure(20);
        if (v < 0) {
            buf[size++] = '-';
            v = -v;
        }
        int start = size;
        do {
            buf[size++] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    private void put(byte b) {
        ensure(1);
        buf[size++] = b;
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
