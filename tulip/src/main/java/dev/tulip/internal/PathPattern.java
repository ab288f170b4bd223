package dev.tulip.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A route path split into segments: literals and {@code {name}}, {@code {name:int}},
 * {@code {name:long}}, {@code {name:uuid}}, {@code {name:path}} (the rest of the path, last only)
 * or {@code {name:regex}} parameters, each a whole segment.
 */
record PathPattern(String text, List<Segment> segments) {

    enum Type {
        STRING,
        INT,
        LONG,
        UUID,
        REGEX,
        PATH
    }

    /** A literal ({@code name == null}) or a parameter. */
    record Segment(String literal, String name, Type type, Pattern regex) {
        boolean isParam() {
            return name != null;
        }

        /** Parameters of the same kind share a trie node. */
        String kindKey() {
            return type == Type.REGEX ? "re:" + regex.pattern() : type.name();
        }

        String display() {
            return name == null
                    ? literal
                    : "{" + name
                            + (type == Type.STRING
                                    ? ""
                                    : ":"
                                            + (type == Type.REGEX
                                                    ? regex.pattern()
                                                    : type.name().toLowerCase(java.util.Locale.ROOT)))
                            + "}";
        }
    }

    static PathPattern parse(String path) {
        if (path == null || !path.startsWith("/"))
            throw new IllegalArgumentException("route path must start with '/': " + path);
        List<Segment> segs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int i = 1;
        while (true) {
            int end = segmentEnd(path, i);
            String s = path.substring(i, end);
            Segment seg = segment(path, s);
            if (seg.isParam() && !names.add(seg.name))
                throw new IllegalArgumentException("route " + path + ": parameter '" + seg.name + "' appears twice");
            if (!segs.isEmpty() && segs.getLast().type == Type.PATH)
                throw new IllegalArgumentException(
                        "route " + path + ": a {name:path} parameter must be the last segment");
            segs.add(seg);
            if (end == path.length()) break;
            i = end + 1;
        }
        return new PathPattern(path, List.copyOf(segs));
    }

    /** End of the segment starting at {@code i}: the next '/' outside braces (regexes may contain '/'). */
    private static int segmentEnd(String path, int i) {
        int depth = 0;
        for (int j = i; j < path.length(); j++) {
            char c = path.charAt(j);
            if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == '/' && depth == 0) return j;
        }
        return path.length();
    }

    private static Segment segment(String path, String s) {
        if (!s.startsWith("{")) {
            if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
                throw new IllegalArgumentException(
                        "route " + path + ": a parameter must be a whole segment, like /files/{name}, not '" + s + "'");
            }
            return new Segment(s, null, null, null);
        }
        if (!s.endsWith("}")) {
            if (s.indexOf('}') >= 0) {
                throw new IllegalArgumentException(
                        "route " + path + ": a parameter must be a whole segment, like /files/{name}, not '" + s + "'");
            }
            throw new IllegalArgumentException("route " + path + ": unclosed '{' in '" + s + "'");
        }
        String body = s.substring(1, s.length() - 1);
        int colon = body.indexOf(':');
        String name = colon < 0 ? body : body.substring(0, colon);
        String type = colon < 0 ? "" : body.substring(colon + 1);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*"))
            throw new IllegalArgumentException("route " + path + ": bad parameter name '" + name + "'");
        return switch (type) {
            case "", "str", "string" -> new Segment(null, name, Type.STRING, null);
            case "int" -> new Segment(null, name, Type.INT, null);
            case "long" -> new Segment(null, name, Type.LONG, null);
            case "uuid" -> new Segment(null, name, Type.UUID, null);
            case "path" -> new Segment(null, name, Type.PATH, null);
            default -> {
                if (type.matches("[A-Za-z0-9_]+")) {
                    throw new IllegalArgumentException(
                            "route " + path + ": unknown parameter type '" + type + "' in '" + s
                                    + "'; the types are int, long, uuid, path and str, and anything that is not a bare word is a regex"
                                    + " (to match the word itself, write {" + name + ":(" + type + ")})");
                }
                try {
                    yield new Segment(null, name, Type.REGEX, Pattern.compile(type));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(
                            "route " + path + ": bad regex for parameter '" + name + "': " + e.getDescription());
                }
            }
        };
    }

    /** Whether a decoded segment value is acceptable for a parameter of {@code seg}'s type. */
    static boolean accepts(Segment seg, String value) {
        return switch (seg.type) {
            case STRING -> !value.isEmpty();
            case INT -> isInteger(value, 10, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> isInteger(value, 19, Long.MIN_VALUE, Long.MAX_VALUE);
            case UUID -> isUuid(value);
            case REGEX -> seg.regex.matcher(value).matches();
            case PATH -> true;
        };
    }

    private static boolean isInteger(String v, int maxDigits, long min, long max) {
        int start = v.startsWith("-") ? 1 : 0;
        int digits = v.length() - start;
        if (digits < 1 || digits > maxDigits) return false;
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        try {
            long n = Long.parseLong(v);
            return n >= min && n <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isUuid(String v) {
        if (v.length() != 36) return false;
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') return false;
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
