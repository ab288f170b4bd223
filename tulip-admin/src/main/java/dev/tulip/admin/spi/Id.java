package dev.tulip.admin.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The identity of one record: the values of its model's primary key, in order, each in its
 * canonical text form (as {@link Backend#idOf} builds it). {@link #encoded()} puts it into one URL path segment
 * and {@link #decode} reads it back, so a composite key is as addressable as a single one.
 */
public record Id(List<String> parts) {

    public Id {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("an id has at least one part");
    }

    public static Id of(String... parts) {
        return new Id(List.of(parts));
    }

    /**
     * One text for all parts: each part with {@code ~} written {@code ~~} and {@code ,} written
     * {@code ~c}, joined by {@code ,}. A single part without either character is itself.
     */
    public String encoded() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) out.append(',');
            out.append(parts.get(i).replace("~", "~~").replace(",", "~c"));
        }
        return out.toString();
    }

    /** The id {@link #encoded()} wrote; {@code IllegalArgumentException} for a text it cannot have written. */
    public static Id decode(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < text.length() ? text.charAt(++i) : 0;
                if (next == '~') part.append('~');
                else if (next == 'c') part.append(',');
                else throw new IllegalArgumentException("bad escape in id " + text);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return new Id(parts);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
