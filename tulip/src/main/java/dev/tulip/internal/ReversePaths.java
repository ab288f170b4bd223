package dev.tulip.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reverse routing: a named route's pattern and values for its parameters → a path. Each value is
 * checked against its parameter's type (so the path routes back to the same route) and
 * percent-encoded; a {@code {x:path}} value keeps its slashes but no segment may be {@code .} or
 * {@code ..}.
 */
public final class ReversePaths {
    private final Map<String, PathPattern> byName;

    public ReversePaths(Map<String, String> patterns) {
        var m = new java.util.LinkedHashMap<String, PathPattern>();
        patterns.forEach((name, pattern) -> m.put(name, PathPattern.parse(pattern)));
        byName = Map.copyOf(m);
    }

    /** The path of route {@code name} with {@code params} in the order of its parameters. */
    public String path(String name, Object... params) {
        PathPattern p = byName.get(name);
        if (p == null)
            throw new IllegalArgumentException("no route is named '" + name + "'; named routes: "
                    + String.join(", ", new java.util.TreeSet<>(byName.keySet())));
        long wanted = p.segments().stream().filter(PathPattern.Segment::isParam).count();
        if (params.length != wanted)
            throw new IllegalArgumentException("route '" + name + "' (" + p.text() + ") takes " + wanted + " value"
                    + (wanted == 1 ? "" : "s") + ", got " + params.length);
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (PathPattern.Segment s : p.segments()) {
            out.append('/');
            if (!s.isParam()) {
                out.append(s.literal());
                continue;
            }
            Object v = params[i++];
            String text = v == null ? "" : v.toString();
            if (text.isEmpty()
                    || !PathPattern.accepts(s, text)
                    || (s.type() == PathPattern.Type.PATH && dotSegment(text)))
                throw new IllegalArgumentException(
                        "route '" + name + "': '" + text + "' does not fit {" + s.name() + "} of " + p.text());
            out.append(s.type() == PathPattern.Type.PATH ? encodePath(text) : encode(text));
        }
        if (p.segments().isEmpty() || p.text().endsWith("/") && out.charAt(out.length() - 1) != '/') out.append('/');
        return out.toString();
    }

    private static boolean dotSegment(String text) {
        for (String seg : text.split("/", -1)) if (seg.equals(".") || seg.equals("..")) return true;
        return false;
    }

    private static String encodePath(String text) {
        StringBuilder b = new StringBuilder();
        for (String seg : text.split("/", -1)) {
            if (!b.isEmpty() || text.startsWith("/")) b.append('/');
            b.append(encode(seg));
        }
        return text.startsWith("/") ? b.substring(1) : b.toString();
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters and the sub-delims a segment keeps. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            boolean keep = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~!$&'()*+,;=:@".indexOf(c) >= 0;
            if (keep) b.append((char) c);
            else
                b.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return b.toString();
    }
}
