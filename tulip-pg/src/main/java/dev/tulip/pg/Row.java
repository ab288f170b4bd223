package dev.tulip.pg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a result, by column name or position (from 0). Values are Java types: see {@link Pg}
 * for the mapping. {@link #as} maps the row to a record by column name; {@link Pg#json} gives
 * results as Jackson trees.
 */
public final class Row {
    private final List<String> columns;
    private final Object[] values;

    /** For the module's own use: rows come from queries. */
    Row(List<String> columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    /** The column names, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The value at {@code index}; {@code null} for SQL NULL. */
    public Object value(int index) {
        return values[index];
    }

    /** The value of column {@code name}; {@code null} for SQL NULL. */
    public Object value(String name) {
        return values[indexOf(name)];
    }

    /** The value of column {@code name} as {@code type} (numbers are converted, strings to enums). */
    public <T> T get(String name, Class<T> type) {
        return type.cast(Convert.to(type, value(name), name));
    }

    /** The value of column {@code name} as {@code type}, empty for SQL NULL. */
    public <T> Optional<T> find(String name, Class<T> type) {
        return Optional.ofNullable(get(name, type));
    }

    /** The row as a record whose components are named after the columns ({@code created_at} fills {@code createdAt}). */
    public <R> R as(Class<R> type) {
        return RecordShape.of(type, columns).make(this);
    }

    /** Column name to value, in column order. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) m.put(columns.get(i), values[i]);
        return m;
    }

    private int indexOf(String name) {
        int i = columns.indexOf(name);
        if (i < 0)
            throw new IllegalArgumentException("no column '" + name + "' in this row; its columns are " + columns);
        return i;
    }

    @Override
    public String toString() {
        return "Row" + toMap();
    }
}
