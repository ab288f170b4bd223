package dev.tulip.internal;

import dev.tulip.Headers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The one implementation of {@link Headers}: name/value pairs in one array, scanned linearly (headers are few). */
public final class HeaderList implements Headers {
    private String[] entries; // name0, value0, name1, value1, ...
    private int size;
    private final boolean readOnly;

    HeaderList(int capacity, boolean readOnly) {
        this.entries = new String[Math.max(2, capacity * 2)];
        this.readOnly = readOnly;
    }

    /** Empty, changeable headers. */
    public HeaderList() {
        this(4, false);
    }

    /** Read-only headers over {@code namesAndValues} (name, value, name, value, ...), used by the server. */
    public static HeaderList readOnly(String[] namesAndValues, int count) {
        HeaderList h = new HeaderList(0, true);
        h.entries = namesAndValues;
        h.size = count;
        return h;
    }

    /** The first value of {@code name}, if present. */
    @Override
    public Optional<String> first(String name) {
        return Optional.ofNullable(get(name));
    }

    /** The first value of {@code name}, or {@code null}: the allocation-free form of {@link #first}. */
    public String get(String name) {
        String[] e = entries;
        for (int i = 0, n = size * 2; i < n; i += 2) {
            if (e[i].equalsIgnoreCase(name)) return e[i + 1];
        }
        return null;
    }

    /** All values of {@code name}, in order. */
    @Override
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0, n = size * 2; i < n; i += 2) {
            if (entries[i].equalsIgnoreCase(name)) out.add(entries[i + 1]);
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether {@code name} is present. */
    @Override
    public boolean contains(String name) {
        return get(name) != null;
    }

    /** The distinct names, as first spelled, in order. */
    @Override
    public Set<String> names() {
        Set<String> out = new LinkedHashSet<>();
        outer:
        for (int i = 0, n = size * 2; i < n; i += 2) {
            for (String s : out) if (s.equalsIgnoreCase(entries[i])) continue outer;
            out.add(entries[i]);
        }
        return Collections.unmodifiableSet(out);
    }

    /** The number of fields (a name repeated counts once per occurrence). */
    @Override
    public int size() {
        return size;
    }

    /** The name of field {@code i} (0-based, in order). */
    @Override
    public String name(int i) {
        return entries[checkIndex(i) * 2];
    }

    /** The value of field {@code i} (0-based, in order). */
    @Override
    public String value(int i) {
        return entries[checkIndex(i) * 2 + 1];
    }

    private int checkIndex(int i) {
        if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
        return i;
    }

    /** Adds a field, keeping existing ones of the same name. */
    public HeaderList add(String name, String value) {
        checkWritable();
        validate(name, value);
        return addTrusted(name, value);
    }

    /** Adds a field the caller knows is valid (constants), skipping validation. */
    public HeaderList addTrusted(String name, String value) {
        checkWritable();
        if (size * 2 == entries.length) entries = java.util.Arrays.copyOf(entries, entries.length * 2);
        entries[size * 2] = name;
        entries[size * 2 + 1] = value;
        size++;
        return this;
    }

    /** Replaces all fields named {@code name} with one. */
    public HeaderList set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /** Removes all fields named {@code name}; returns whether any was present. */
    public boolean remove(String name) {
        checkWritable();
        int w = 0;
        boolean removed = false;
        for (int r = 0; r < size; r++) {
            if (entries[r * 2].equalsIgnoreCase(name)) {
                removed = true;
                continue;
            }
            entries[w * 2] = entries[r * 2];
            entries[w * 2 + 1] = entries[r * 2 + 1];
            w++;
        }
        for (int i = w * 2; i < size * 2; i++) entries[i] = null;
        size = w;
        return removed;
    }

    private void checkWritable() {
        if (readOnly) throw new UnsupportedOperationException("request headers are read-only");
    }

    /** Rejects names that are not HTTP tokens and values with control characters (response splitting). */
    public static void validate(String name, String value) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("header name must not be empty");
        if (value == null) throw new IllegalArgumentException("header " + name + ": value must not be null");
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i)))
                throw new IllegalArgumentException("invalid character in header name: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("invalid character in value of header " + name);
            }
        }
    }

    public static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') return true;
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(", ");
            sb.append(entries[i * 2]).append(": ").append(entries[i * 2 + 1]);
        }
        return sb.append('}').toString();
    }
}
