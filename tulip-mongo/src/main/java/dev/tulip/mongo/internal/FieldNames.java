package dev.tulip.mongo.internal;

import dev.tulip.mongo.InvalidDocumentException;
import dev.tulip.mongo.UnsafeQueryException;

/**
 * Field names, checked where they come from: a name stored in a document, a path in a filter
 * written by code, and a name a user sent. A name starting with {@code $} would be read by MongoDB
 * as an operator, so none of them may.
 */
public final class FieldNames {
    private FieldNames() {}

    /** A field name of a document being written: no {@code $} prefix, no {@code .}, no NUL. */
    public static String stored(String name) {
        String why = problem(name, false);
        if (why != null) throw new InvalidDocumentException("field name '" + Ids.abbreviate(name) + "' " + why);
        return name;
    }

    /** A path in a filter or a sort, from code: dotted paths allowed, no segment may start with {@code $}. */
    public static String path(String path) {
        String why = problem(path, true);
        if (why != null) throw new UnsafeQueryException("field path '" + Ids.abbreviate(path) + "' " + why);
        return path;
    }

    /** A field name a user sent: non-empty, no {@code $} prefix, no {@code .}, no NUL. */
    public static String user(String name) {
        String why = name.isEmpty() ? "is empty" : problem(name, false);
        if (why != null) throw new UnsafeQueryException("field name '" + Ids.abbreviate(name) + "' " + why);
        return name;
    }

    private static String problem(String name, boolean dotted) {
        if (name.indexOf('\0') >= 0) return "contains a NUL character";
        if (!dotted) {
            if (name.startsWith("$")) return "starts with '$'";
            if (name.indexOf('.') >= 0) return "contains '.'";
            return null;
        }
        if (name.isEmpty()) return "is empty";
        for (String segment : name.split("\\.", -1)) {
            if (segment.isEmpty()) return "has an empty segment";
            if (segment.startsWith("$")) return "has a segment starting with '$'";
        }
        return null;
    }
}
